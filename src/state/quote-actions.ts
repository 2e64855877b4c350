/**
 * What the map view does with the essay's quotes: a passage picked in the essay becomes a new
 * node quoting it verbatim (its editor open), and an orphaned quote is re-selected or dropped.
 * The anchor of each quote in the text is kept by the essay pane's reading controller.
 */
import type { QuoteSelector } from '../anchoring/anchor.js';
import { now } from '../model/ids.js';
import { Origin, type ArgNode, type Quote, type Relation } from '../model/types.js';
import type { AppServices } from './app-context.js';

/** What the quote actions need of the map view. */
export interface QuoteActionsHost {
  services(): AppServices | undefined;
  mapId(): string;
  /** Opens the editor on a new node (may ask "Who are you?" first). */
  startNew(parentId: string, relation: Relation): Promise<void>;
  /** The new node being written, once startNew has made it. */
  pending(): ArgNode | undefined;
  /** Keeps where a node's quote sits in the essay (the pane's reading controller). */
  remember(nodeId: string, selector: QuoteSelector): Promise<void> | undefined;
  /** A node's quote as the view has it now (undo puts it back). */
  quoteOf(nodeId: string): Quote | undefined;
  announce(text: string, error?: boolean, undo?: boolean): void;
  /** On a phone: shows the map tab, where the new node's editor is. */
  showMap(): void;
}

/** The map view's quote actions. */
export class QuoteActions {
  constructor(private readonly host: QuoteActionsHost) {}

  /** A passage of the essay becomes a new node with its verbatim quote, its text editor open. */
  async newFromQuote(parentId: string, relation: Relation, quote: Quote, selector: QuoteSelector): Promise<void> {
    // Starting a node may first ask "Who are you?": the quote goes on the node that then exists.
    await this.host.startNew(parentId, relation);
    const pending = this.host.pending();
    if (!pending) return;
    pending.quote = quote;
    pending.origin = Origin.essay;
    void this.host.remember(pending.id, selector);
    this.host.showMap();
  }

  /** An orphaned quote re-selected in the text (quote and selector), or dropped (neither). */
  async setQuote(id: string, quote: Quote | undefined, selector: QuoteSelector | undefined): Promise<void> {
    const services = this.host.services();
    if (!services) return;
    try {
      // The essay's storage code (and the anchoring it uses) loads with the essay, not the map.
      const { setQuote } = await import('./documents.js');
      await setQuote(services.db, this.host.mapId(), id, quote, this.host.quoteOf(id), now);
      if (quote && selector) await this.host.remember(id, selector);
      this.host.announce(
        quote ? `The quote now reads “${quote.text}” (¶${quote.paragraph}).` : 'The quote was dropped.',
        false,
        true,
      );
    } catch (err) {
      this.host.announce(`The quote could not be saved: ${String(err)}`, true);
    }
  }
}
