/**
 * <warrant-print-outline>: prints the open map as a clean outline. The tree on screen renders
 * only the rows in view, so printing it would print a screenful; this element builds the WHOLE
 * map as nested lists (kinds in words and by shape, texts, essay quotes with their ¶, numbered
 * sources) just before the browser prints (the `beforeprint` event, which both Ctrl+P and
 * `window.print()` fire) and removes it afterwards.
 *
 * The outline is placed in the page's light DOM (a `.warrant-print` element at the end of
 * <body>), because only there can the page's print stylesheet (src/assets/app.css) hide the app
 * and show the outline: styles cannot reach across the app's shadow roots. The element itself
 * renders nothing, wherever it is mounted.
 */
import { LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EvaluationSettings } from '../evaluation/index.js';
import { buildTree, childrenOf, kindOf, walk, type Tree } from '../model/tree.js';
import { KIND_LABELS, Origin, RELIABILITY_WORDS, type ArgNode, type MapBundle, type Source } from '../model/types.js';
import { standingsFor } from '../state/standings.js';
import { KIND_ICONS } from './kind-style.js';
import { preloadMarkdown, fillWithMarkdown } from './markdown.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-print-outline': WarrantPrintOutline;
  }
}

/** Class of the outline's root in <body>; app.css shows it only in print. */
const PRINT_ROOT_CLASS = 'warrant-print';

/**
 * Above this many nodes, texts are printed as written (their Markdown source) instead of
 * rendered, so preparing a huge map for print stays quick.
 */
const RENDER_MARKDOWN_UP_TO = 3000;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

@customElement('warrant-print-outline')
export class WarrantPrintOutline extends LitElement {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** The map to print. */
  @property({ attribute: false }) bundle?: MapBundle;
  /**
   * How standings are computed (AppServices.evaluation). When given and the map has ratings,
   * each node's standing is printed (computed at print time unless `standings` is given).
   */
  @property({ attribute: false }) evaluationSettings?: EvaluationSettings;
  /** The rater whose ratings the standings use; everyone's when absent. */
  @property({ attribute: false }) perspective?: string;
  /** Each node's standing, printed beside it when given. */
  @property({ attribute: false }) standings?: ReadonlyMap<string, number>;
  /** How the standings were computed, printed in the legend (named from the settings when absent). */
  @property({ attribute: false }) semanticsLabel?: string;

  private root: HTMLElement | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    // The browser prints right after beforeprint, with no time to load code: have the Markdown
    // renderer there by then (texts print as plain text if it is not).
    preloadMarkdown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.clear();
  }

  private onBeforePrint = (): void => void this.prepare();
  private onAfterPrint = (): void => this.clear();

  /** Builds the outline of the current map at the end of <body> (replacing any earlier one). */
  prepare(): HTMLElement | null {
    this.clear();
    const bundle = this.bundle;
    if (!bundle) return null;
    let tree: Tree<ArgNode>;
    try {
      tree = buildTree(bundle.nodes);
    } catch {
      return null;
    }
    let standings = this.standings;
    let label = this.semanticsLabel;
    if (this.evaluationSettings && bundle.ratings.length) {
      const computed = standingsFor(bundle, this.evaluationSettings, this.perspective, standings);
      standings = computed.byNode;
      label ??= computed.semanticsLabel;
    }
    const root = buildOutline(bundle, tree, standings, label);
    document.body.append(root);
    this.root = root;
    return root;
  }

  /** Removes the outline. */
  clear(): void {
    this.root?.remove();
    this.root = null;
  }
}

/** The outline's DOM. Every user text goes in as textContent or through the sanitising renderer. */
function buildOutline(
  bundle: MapBundle,
  tree: Tree<ArgNode>,
  standings: ReadonlyMap<string, number> | undefined,
  semanticsLabel: string | undefined,
): HTMLElement {
  const rendered = bundle.nodes.length <= RENDER_MARKDOWN_UP_TO;
  const { map } = bundle;
  const root = el('article', PRINT_ROOT_CLASS);
  root.setAttribute('aria-label', `Print outline: ${map.title}`);
  root.append(el('h1', undefined, map.title));
  if (map.document) {
    const d = map.document;
    const p = el('p', 'doc', `Maps: ${d.title}`);
    if (d.author) p.append(` by ${d.author}`);
    if (d.date) p.append(`, ${d.date}`);
    if (d.url) p.append(' · ', link(d.url));
    root.append(p);
  }
  if (map.description) root.append(textBlock(map.description, 'description', rendered));

  // Sources numbered by first citation in reading order, then the uncited ones.
  const sourcesById = new Map(bundle.sources.map((s) => [s.id, s]));
  const citationsByNode = new Map<string, Array<{ sourceId: string; pinpoint?: string }>>();
  for (const c of bundle.citations) {
    if (!sourcesById.has(c.sourceId)) continue;
    const list = citationsByNode.get(c.nodeId) ?? [];
    list.push(c);
    citationsByNode.set(c.nodeId, list);
  }
  const numbers = new Map<string, number>();
  walk(tree, (n) => {
    for (const c of citationsByNode.get(n.id) ?? [])
      if (!numbers.has(c.sourceId)) numbers.set(c.sourceId, numbers.size + 1);
  });
  for (const s of bundle.sources) if (!numbers.has(s.id)) numbers.set(s.id, numbers.size + 1);
  const ratings = new Map<string, number[]>();
  const relevance = new Map<string, number[]>();
  const add = (to: Map<string, number[]>, id: string, v: number | undefined): void => {
    if (v === undefined) return;
    const list = to.get(id) ?? [];
    list.push(v);
    to.set(id, list);
  };
  for (const r of bundle.ratings) {
    add(ratings, r.nodeId, r.value);
    add(relevance, r.nodeId, r.relevance);
  }

  const legend: string[] = [];
  if (ratings.size)
    legend.push('Ratings: each statement’s own evidence from 0 (none) to 4 (decisive), mean and count.');
  if (relevance.size)
    legend.push('Relevance: how much a statement matters to the one above it, from 0 (irrelevant) to 4 (essential).');
  if (standings?.size) {
    legend.push(
      `Standing: how well each statement stands once everything below it is counted, from 0 to 1${
        semanticsLabel ? `, computed with ${semanticsLabel}` : ''
      }.`,
    );
  }
  legend.push(
    bundle.nodes.some((n) => n.relation === 'neutral')
      ? '⊕ supports the statement above it; ⊟ opposes it; ◈ is an option under it (counted neither way).'
      : '⊕ supports the statement above it; ⊟ opposes it.',
  );
  root.append(el('p', 'legend', legend.join(' ')));

  const item = (node: ArgNode, number: string | null): HTMLElement => {
    const box = el(number === null ? 'section' : 'li', `node ${node.relation ?? 'thesis'}`);
    const kind = kindOf(tree, node);
    const head = el('div', 'statement');
    const label = el('span', 'label');
    if (number !== null) label.append(el('span', 'number', `${number} `));
    label.append(el('span', 'icon', `${KIND_ICONS[kind]} `), el('strong', 'kind', KIND_LABELS[kind]));
    // The author's name, as the tree and details show it (the map view hands the printout the
    // anonymous map in anonymous mode, so names there are already Student A, B ...).
    const qualifier =
      node.origin === Origin.added
        ? `added by ${node.author ?? 'the class'}`
        : node.edited
          ? 'reworded by the class'
          : '';
    const detail = [node.relation ?? '', qualifier].filter(Boolean).join(', ');
    label.append(detail ? ` (${detail}): ` : ': ');
    head.append(label, textBlock(node.text, 'text', rendered));
    box.append(head);
    if (node.quote) {
      const q = el('blockquote', 'quote', `“${node.quote.text}” (¶${node.quote.paragraph})`);
      box.append(q);
    }
    const facts: string[] = [];
    const cites = citationsByNode.get(node.id);
    if (cites?.length) {
      const refs = cites
        .map((c) => ({ n: numbers.get(c.sourceId)!, pinpoint: c.pinpoint }))
        .sort((a, b) => a.n - b.n)
        .map((c) => `[${c.n}]${c.pinpoint ? ` ${c.pinpoint}` : ''}`);
      facts.push(`Sources: ${refs.join('; ')}`);
    }
    const summary = (label: string, values: number[] | undefined): void => {
      if (!values?.length) return;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      facts.push(
        `${label}: ${Number(mean.toFixed(2))} of 4 (${values.length} rating${values.length === 1 ? '' : 's'})`,
      );
    };
    summary('Rating', ratings.get(node.id));
    summary('Relevance', relevance.get(node.id));
    const standing = standings?.get(node.id);
    if (standing !== undefined && Number.isFinite(standing)) facts.push(`Standing: ${standing.toFixed(2)}`);
    if (facts.length) box.append(el('p', 'facts', facts.join(' · ')));
    if (node.notes) {
      const notes = el('div', 'notes');
      notes.append(el('strong', undefined, 'Notes: '), textBlock(node.notes, 'text', rendered));
      box.append(notes);
    }
    return box;
  };

  root.append(item(tree.root, null));
  const top = el('ol', 'tree');
  root.append(top);
  // Iterative, parents before children: a very deep map cannot overflow the stack.
  const stack: Array<[ArgNode, string, HTMLOListElement]> = [];
  const push = (parent: ArgNode, prefix: string, list: HTMLOListElement): void => {
    const kids = childrenOf(tree, parent.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, `${prefix}${i + 1}`, list]);
  };
  push(tree.root, '', top);
  while (stack.length) {
    const [node, number, list] = stack.pop()!;
    const li = item(node, number);
    list.append(li);
    if (childrenOf(tree, node.id).length) {
      const sub = el('ol');
      li.append(sub);
      push(node, `${number}.`, sub);
    }
  }

  if (bundle.sources.length) {
    const section = el('section', 'sources');
    section.append(el('h2', undefined, 'Sources'));
    const list = el('ol');
    const ordered = [...bundle.sources].sort((a, b) => numbers.get(a.id)! - numbers.get(b.id)!);
    for (const s of ordered) list.append(sourceItem(s));
    section.append(list);
    root.append(section);
  }
  return root;
}

function link(url: string): HTMLAnchorElement {
  const a = el('a', undefined, url);
  a.href = url;
  a.rel = 'noopener noreferrer';
  return a;
}

function textBlock(text: string, className: string, rendered: boolean): HTMLElement {
  const box = el('div', className);
  // The renderer sanitises (DOMPurify): the one place user text becomes HTML.
  if (!rendered || !fillWithMarkdown(box, text)) box.append(el('p', undefined, text));
  return box;
}

function sourceItem(s: Source): HTMLLIElement {
  const li = el('li');
  li.append(el('strong', undefined, s.title));
  const parts: string[] = [];
  if (s.authors) parts.push(s.authors);
  if (s.publisher) parts.push(s.publisher);
  if (s.date) parts.push(s.date);
  parts.push(s.type);
  if (s.reliability) parts.push(`reliability ${s.reliability} (${RELIABILITY_WORDS[s.reliability]})`);
  li.append(` · ${parts.join(' · ')}`);
  if (s.reliabilityNote) li.append(` · ${s.reliabilityNote}`);
  if (s.url) li.append(' · ', link(s.url));
  return li;
}
