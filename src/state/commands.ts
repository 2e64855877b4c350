/**
 * Every user intent on a map is one named command, shared by the detail panel's buttons, the
 * context menu, the keyboard and the shortcuts list (press ?). A command says whether it can
 * run on the current selection (and why not), and runs through the MapEditor and the view.
 */
import { planMove, planStep, type Step } from '../model/edits.js';
import type { Tree } from '../model/tree.js';
import { Relation, type ArgNode } from '../model/types.js';
import type { EditResult, MapEditor } from './editor.js';

/** What the map view offers commands besides the editor. */
export interface ViewActions {
  /** Opens the text (or notes) editor on a node. */
  startEdit(id: string, field: 'text' | 'notes'): void;
  /** Starts a new, not yet saved node under `parentId` (discarded on Escape if left empty). */
  startNew(parentId: string, relation: Relation, afterId?: string): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  showHelp(): void;
  openMenu(): void;
  /** Moves focus to the search box. */
  focusSearch(): void;
  /** The node marked by Cut, waiting for Paste. */
  cutId: string | undefined;
  setCut(id: string | undefined): void;
}

/** Everything a command sees. */
export interface CommandContext {
  tree: Tree;
  selected: ArgNode | undefined;
  editor: MapEditor;
  view: ViewActions;
}

/** A command: `canRun` answers true or the reason it cannot run now. */
export interface Command {
  id: string;
  /** Label for buttons and menus; may depend on the selection ("Add counterpoint" / "Add rebuttal"). */
  label(ctx: CommandContext): string;
  /** Keys as normalised by keyOf(), e.g. "Alt+ArrowUp", "Ctrl+Z", "+". The first is shown. */
  keys: string[];
  /** Group shown in the shortcuts list and menus. */
  group: 'Add' | 'Edit' | 'Move' | 'History' | 'Help';
  canRun(ctx: CommandContext): true | string;
  run(ctx: CommandContext): Promise<EditResult | void> | EditResult | void;
  /** Shown in the detail panel's toolbar. */
  button?: boolean;
  /** Description for the shortcuts list when the label depends on the selection. */
  help?: string;
}

const needsNode = (ctx: CommandContext): true | string => (ctx.selected ? true : 'Select a node first.');
const notThesis = (ctx: CommandContext, what: string): true | string =>
  !ctx.selected ? 'Select a node first.' : ctx.selected.parentId === null ? `The thesis cannot be ${what}.` : true;

function step(id: string, label: string, key: string, which: Step): Command {
  return {
    id,
    label: () => label,
    keys: [key],
    group: 'Move',
    canRun: (ctx) => {
      const ok = notThesis(ctx, 'moved');
      if (ok !== true) return ok;
      const plan = planStep(ctx.tree, ctx.selected!.id, which);
      return plan.ok ? true : plan.reason;
    },
    run: (ctx) => {
      const plan = planStep(ctx.tree, ctx.selected!.id, which);
      if (!plan.ok) return { ok: false, message: plan.reason };
      return ctx.editor.move(ctx.selected!.id, plan.placement, label.toLowerCase());
    },
  };
}

/** The commands, in the order menus and the shortcuts list show them. */
export const COMMANDS: readonly Command[] = [
  {
    id: 'add-support',
    help: 'Add a claim or premise that supports the node',
    label: (ctx) => (ctx.selected?.parentId === null ? 'Add claim' : 'Add premise'),
    keys: ['+', 'Ctrl+Enter'],
    group: 'Add',
    button: true,
    canRun: needsNode,
    run: (ctx) => ctx.view.startNew(ctx.selected!.id, Relation.supports),
  },
  {
    id: 'add-oppose',
    help: 'Add a counterpoint or rebuttal that opposes the node',
    label: (ctx) => (ctx.selected && ctx.selected.relation === Relation.opposes ? 'Add rebuttal' : 'Add counterpoint'),
    keys: ['-', 'Ctrl+Shift+Enter'],
    group: 'Add',
    button: true,
    canRun: needsNode,
    run: (ctx) => ctx.view.startNew(ctx.selected!.id, Relation.opposes),
  },
  {
    id: 'add-sibling',
    label: () => 'Add sibling',
    keys: ['Shift+Enter'],
    group: 'Add',
    button: true,
    canRun: (ctx) => notThesis(ctx, 'given a sibling'),
    run: (ctx) => {
      const s = ctx.selected!;
      ctx.view.startNew(s.parentId!, s.relation ?? Relation.supports, s.id);
    },
  },
  {
    id: 'edit-text',
    label: () => 'Edit text',
    keys: ['F2'],
    group: 'Edit',
    button: true,
    canRun: needsNode,
    run: (ctx) => ctx.view.startEdit(ctx.selected!.id, 'text'),
  },
  {
    id: 'edit-notes',
    label: () => 'Edit notes',
    keys: ['Shift+F2'],
    group: 'Edit',
    canRun: needsNode,
    run: (ctx) => ctx.view.startEdit(ctx.selected!.id, 'notes'),
  },
  {
    id: 'switch-relation',
    help: 'Switch supports ↔ opposes',
    label: (ctx) => (ctx.selected?.relation === Relation.opposes ? 'Make it support' : 'Make it oppose'),
    keys: ['Alt+R'],
    group: 'Edit',
    button: true,
    canRun: (ctx) => notThesis(ctx, 'switched: it has no parent'),
    run: (ctx) => ctx.editor.switchRelation(ctx.tree, ctx.selected!.id),
  },
  {
    id: 'delete',
    label: () => 'Delete',
    keys: ['Delete'],
    group: 'Edit',
    button: true,
    // The thesis check alone: planDelete would list the whole subtree, and canRun runs on every
    // render of the detail panel's buttons.
    canRun: (ctx) => notThesis(ctx, 'deleted (delete the whole map instead)'),
    run: (ctx) => ctx.editor.deleteWithSubtree(ctx.tree, ctx.selected!.id),
  },
  step('move-up', 'Move up', 'Alt+ArrowUp', 'up'),
  step('move-down', 'Move down', 'Alt+ArrowDown', 'down'),
  step('outdent', 'Move out a level', 'Alt+ArrowLeft', 'outdent'),
  step('indent', 'Move under the sibling above', 'Alt+ArrowRight', 'indent'),
  {
    id: 'cut',
    label: () => 'Cut (to move)',
    keys: ['Ctrl+X'],
    group: 'Move',
    canRun: (ctx) => notThesis(ctx, 'moved'),
    run: (ctx) => {
      ctx.view.setCut(ctx.selected!.id);
      return { ok: true, message: 'Cut. Select where it should go and press Ctrl+V to paste it there.' };
    },
  },
  {
    id: 'paste',
    help: 'Paste the cut node under the selected node',
    label: (ctx) => (ctx.view.cutId ? 'Paste under this node' : 'Paste'),
    keys: ['Ctrl+V'],
    group: 'Move',
    canRun: (ctx) => {
      if (!ctx.view.cutId) return 'Nothing is cut: press Ctrl+X on a node first.';
      if (!ctx.selected) return 'Select a node first.';
      const cut = ctx.tree.byId.get(ctx.view.cutId);
      if (!cut) return 'The cut node no longer exists.';
      const plan = planMove(ctx.tree, cut.id, {
        kind: 'child',
        targetId: ctx.selected.id,
        relation: cut.relation ?? Relation.supports,
      });
      return plan.ok ? true : plan.reason;
    },
    run: async (ctx) => {
      const cut = ctx.tree.byId.get(ctx.view.cutId!)!;
      const plan = planMove(ctx.tree, cut.id, {
        kind: 'child',
        targetId: ctx.selected!.id,
        relation: cut.relation ?? Relation.supports,
      });
      if (!plan.ok) return { ok: false, message: plan.reason };
      const result = await ctx.editor.move(cut.id, plan.placement);
      if (result.ok) ctx.view.setCut(undefined);
      return result;
    },
  },
  {
    id: 'undo',
    label: () => 'Undo',
    keys: ['Ctrl+Z'],
    group: 'History',
    canRun: (ctx) => (ctx.editor.undo.canUndo ? true : 'Nothing to undo.'),
    run: (ctx) => ctx.view.undo(),
  },
  {
    id: 'redo',
    label: () => 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    group: 'History',
    canRun: (ctx) => (ctx.editor.undo.canRedo ? true : 'Nothing to redo.'),
    run: (ctx) => ctx.view.redo(),
  },
  {
    id: 'search',
    label: () => 'Search the map',
    keys: ['/', 'Ctrl+K'],
    group: 'Help',
    canRun: () => true,
    run: (ctx) => ctx.view.focusSearch(),
  },
  {
    id: 'menu',
    label: () => 'Open the menu of actions',
    keys: ['Shift+F10', 'ContextMenu'],
    group: 'Help',
    canRun: needsNode,
    run: (ctx) => ctx.view.openMenu(),
  },
  {
    id: 'help',
    label: () => 'Keyboard shortcuts',
    keys: ['?'],
    group: 'Help',
    canRun: () => true,
    run: (ctx) => ctx.view.showHelp(),
  },
];

/**
 * A keyboard event as a key string: "Ctrl+Shift+Z", "Alt+ArrowUp", "F2", "+". Ctrl and Cmd are
 * one; letters with Ctrl or Alt are read from the physical key (Alt+R types "®" on a Mac);
 * Shift is named only where it is not already in the character typed.
 */
export function keyOf(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const mods: string[] = [];
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  let key = e.key;
  if ((ctrl || e.altKey) && /^Key[A-Z]$/.test(e.code)) key = e.code.slice(3);
  const printable = key.length === 1;
  if (e.shiftKey && (!printable || ctrl || e.altKey)) mods.push('Shift');
  return [...mods, key].join('+');
}

/** The command bound to a key string, if any. */
export function commandForKey(key: string): Command | undefined {
  return COMMANDS.find((c) => c.keys.includes(key));
}
