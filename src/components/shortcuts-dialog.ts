/** <warrant-shortcuts>: the list of keyboard shortcuts (press ?), in a native modal dialog. */
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { COMMANDS, type CommandContext } from '../state/commands.js';
import { baseStyles, dialogStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-shortcuts': WarrantShortcuts;
  }
}

/** Keys of the tree itself (WAI-ARIA tree pattern), listed beside the commands. */
const TREE_KEYS: Array<[string, string]> = [
  ['↓ / ↑', 'Next / previous node'],
  ['→ / ←', 'Expand or go to first child / collapse or go to parent'],
  ['Home / End', 'First / last node'],
  ['*', 'Expand all siblings'],
  ['Letters', 'Jump to a node starting with them'],
  ['Enter', 'Open the node’s details'],
  ['0 – 4', 'Rate the node’s evidence: 0 none, 1 weak, 2 moderate, 3 strong, 4 decisive'],
  [
    'Drag a node',
    'Drop on a node’s left half to support it, right half to oppose it, top or bottom edge to place beside it',
  ],
];

// Labels that do not depend on the selection ignore their context.
const NO_CONTEXT = {} as CommandContext;

const pretty = (key: string) =>
  key.replace('Arrow', '').replace('Up', '↑').replace('Down', '↓').replace('Left', '←').replace('Right', '→');

@customElement('warrant-shortcuts')
export class WarrantShortcuts extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        max-width: min(640px, 94vw);
        max-height: 86vh;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 19px;
      }
      h3 {
        font-size: 14px;
        margin: 14px 0 4px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 14px;
      }
      th,
      td {
        text-align: left;
        padding: 3px 8px 3px 0;
        vertical-align: top;
      }
      th {
        white-space: nowrap;
        font-weight: 600;
      }
      kbd {
        font: inherit;
        font-size: 13px;
        border: 1px solid var(--rule-strong);
        border-radius: 4px;
        padding: 0 4px;
        background: var(--panel);
      }
      .close {
        float: right;
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  private returnFocus: HTMLElement | null = null;

  /** Opens the dialog; focus returns where it was when it closes. */
  async open(): Promise<void> {
    await this.updateComplete;
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.returnFocus = active as HTMLElement | null;
    this.dialog.showModal();
  }

  private onClose = (): void => {
    this.returnFocus?.focus();
  };

  override render() {
    const groups = ['Add', 'Edit', 'Move', 'History', 'Help'] as const;
    return html`<dialog aria-labelledby="h" @close=${this.onClose}>
      <form method="dialog"><button class="close">Close</button></form>
      <h2 id="h">Keyboard shortcuts</h2>
      <h3>In the tree</h3>
      <table>
        ${TREE_KEYS.map(
          ([k, what]) =>
            html`<tr>
              <th><kbd>${k}</kbd></th>
              <td>${what}</td>
            </tr>`,
        )}
      </table>
      ${groups.map(
        (g) =>
          html`<h3>${g}</h3>
            <table>
              ${COMMANDS.filter((c) => c.group === g).map(
                (c) =>
                  html`<tr>
                    <th>${c.keys.map((k, i) => html`${i ? ' or ' : ''}<kbd>${pretty(k)}</kbd>`)}</th>
                    <td>${c.help ?? c.label(NO_CONTEXT)}</td>
                  </tr>`,
              )}
            </table>`,
      )}
    </dialog>`;
  }
}
