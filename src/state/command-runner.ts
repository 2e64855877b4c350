/**
 * A reactive controller that runs a map view's commands (state/commands.ts) from its buttons, its
 * context menu and the keyboard: it builds what a command sees, finishes a half-written new node
 * first, reports refusals and outcomes, and keeps the node marked by Cut.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { planMove, type MoveTarget } from '../model/edits.js';
import type { Tree } from '../model/tree.js';
import type { RatingField } from '../model/ratings.js';
import type { ArgNode, Rating, RatingValue } from '../model/types.js';
import { COMMANDS, commandForKey, keyOf, type Command, type CommandContext, type ViewActions } from './commands.js';
import type { EditSessionController } from './edit-session.js';
import type { MapBundleController } from './map-bundle.js';
import type { MapHistoryController } from './map-history.js';

/** A command as a button or a menu entry shows it. */
export interface MenuItem {
  id: string;
  label: string;
  shortcut: string;
  /** true, or the reason it is disabled. */
  enabled: true | string;
}

/** What the runner needs from the view it serves. */
export interface CommandRunnerView {
  tree(): Tree<ArgNode> | undefined;
  selectedId(): string | undefined;
  /** The view's own actions (editors, menus, help, search); undo, redo and Cut come from here. */
  actions: Omit<ViewActions, 'undo' | 'redo' | 'cutId' | 'setCut'>;
  /** Rates the selected node's evidence (digits 0-4 pressed on the tree). */
  rateSelected(value: RatingValue): void;
  data: MapBundleController;
  edits: EditSessionController;
  history: MapHistoryController;
}

/** Runs commands for one map view. */
export class CommandRunner implements ReactiveController {
  private cut?: string;
  private lastButtons: MenuItem[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly view: CommandRunnerView,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The node marked by Cut, waiting for Paste. */
  get cutId(): string | undefined {
    return this.cut;
  }

  /** What a command sees now; undefined until the map and its editor are there. */
  context(): CommandContext | undefined {
    const tree = this.view.tree();
    const editor = this.view.history.editor;
    if (!tree || !editor) return undefined;
    const id = this.view.selectedId();
    const selected = id ? tree.byId.get(id) : undefined;
    const history = this.view.history;
    const view: ViewActions = {
      ...this.view.actions,
      undo: () => history.undo(),
      redo: () => history.redo(),
      cutId: this.cut,
      setCut: (cut) => {
        this.cut = cut;
        this.host.requestUpdate();
      },
    };
    return { tree, selected, editor, view };
  }

  /** Runs a command by id (buttons, menu, keys and tests all come here). */
  async run(id: string): Promise<void> {
    const command = COMMANDS.find((c) => c.id === id);
    if (command) await this.runCommand(command);
  }

  private async runCommand(command: Command): Promise<void> {
    const ctx = this.context();
    if (!ctx) return;
    const { edits, history } = this.view;
    if (edits.pending && command.id !== 'help') {
      // A half-written new node comes first: finish or discard it before anything else.
      await edits.finish('commit', { quiet: true });
      if (edits.pending) return;
    }
    const can = command.canRun(ctx);
    if (can !== true) {
      history.announce(can, true);
      return;
    }
    const result = await command.run(ctx);
    if (result) history.applyResult(result, command.id === 'delete');
  }

  /** Moves a node where it was dropped (or refuses, saying why). */
  async move(request: { id: string; target: MoveTarget }): Promise<void> {
    const tree = this.view.tree();
    const { editor } = this.view.history;
    if (!tree || !editor) return;
    const plan = planMove(tree, request.id, request.target);
    if (!plan.ok) return this.view.history.announce(plan.reason, true);
    this.view.history.applyResult(await editor.move(request.id, plan.placement));
  }

  /**
   * Rates a node (the selected one unless named) as `rater` (undefined value: withdraws the
   * rating). The new rating shows at once; a failed write re-reads the map.
   */
  /** Sets or clears one field (evidence or relevance) of the rater's rating of the node. */
  async rate(
    rater: string,
    value: RatingValue | undefined,
    rationale: string,
    field: RatingField = 'value',
    nodeId?: string,
  ): Promise<void> {
    // Named by the rating form: "Why" saved on blur must not land on the node clicked next.
    const id = nodeId ?? this.view.selectedId();
    const { data, edits, history } = this.view;
    const editor = history.editor;
    if (!id || !editor || id === edits.pending?.id) return;
    const shown = (next: Rating | undefined, who: string): void =>
      data.applyLocal('ratings', next ? [next] : [], (r) => r.nodeId === id && r.rater === who);
    // The rater's record as the view has it: the change builds on it (same id, other field kept).
    const current = data.derived?.ratingsByNode.get(id)?.find((r) => r.rater === rater);
    const result = await editor.rate(id, rater, value, rationale, shown, { field, ...(current && { current }) });
    if (!result.ok) data.reload();
    history.applyResult(result);
  }

  /**
   * Runs the command bound to a key pressed anywhere in the view, or on the page with nothing
   * focused (not inside a text field, and not inside an open dialog, whose keys are its own).
   */
  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    const path = e.composedPath();
    const target = path[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (path.some((el) => el instanceof HTMLDialogElement && el.open)) return;
    // Commands on the selected node come from the tree; a key pressed on a button elsewhere (say
    // Delete on a citation's "Remove") must not delete the node. Undo, redo, search and help work
    // anywhere; so does rating by digit when nothing in particular has focus.
    // The pictures' wedges and boxes are treeitems too, but they are no place for editing keys.
    const fromTree =
      target?.getAttribute('role') === 'treeitem' && path.some((el) => (el as Element).localName === 'warrant-tree');
    const nothingFocused = !target || target === document.body || target === document.documentElement;
    const key = keyOf(e);
    if (/^[0-4]$/.test(key) && (fromTree || nothingFocused) && this.view.selectedId()) {
      e.preventDefault();
      e.stopPropagation();
      this.view.rateSelected(Number(key) as RatingValue);
      return;
    }
    const command = commandForKey(key);
    if (!command) return;
    if (!fromTree && command.group !== 'History' && command.group !== 'Help') return;
    e.preventDefault();
    e.stopPropagation();
    void this.runCommand(command);
  };

  /**
   * The detail panel's buttons for the selected node. The previous list when nothing in it
   * changed, so the panel (which takes it as a property) does not render again on every
   * keystroke in the search box or every rating.
   */
  buttons(selected: ArgNode | undefined): MenuItem[] {
    const ctx = this.context();
    const next =
      ctx && selected
        ? COMMANDS.filter((c) => c.button).map((c) => ({
            id: c.id,
            label: c.label(ctx),
            shortcut: c.keys[0]!,
            enabled: c.canRun(ctx),
          }))
        : [];
    const prev = this.lastButtons;
    const same =
      prev.length === next.length &&
      prev.every(
        (a, i) =>
          a.id === next[i]!.id &&
          a.label === next[i]!.label &&
          a.shortcut === next[i]!.shortcut &&
          a.enabled === next[i]!.enabled,
      );
    if (!same) this.lastButtons = next;
    return this.lastButtons;
  }

  /** The context menu's entries: every command but the one that opens the menu. */
  menuItems(): MenuItem[] {
    const ctx = this.context();
    if (!ctx) return [];
    return COMMANDS.filter((c) => c.id !== 'menu').map((c) => ({
      id: c.id,
      label: c.label(ctx),
      shortcut: c.keys[0]!.replace('Arrow', ''),
      enabled: c.canRun(ctx),
    }));
  }
}
