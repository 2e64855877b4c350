/**
 * <warrant-command-menu>: the context menu of a node (right-click, Shift+F10 or the Menu key),
 * following the WAI-ARIA menu pattern: arrows move, Enter runs, Escape closes and returns focus.
 * Commands that cannot run are shown disabled with the reason as their description.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, queryAll } from 'lit/decorators.js';
import type { MenuItem } from '../state/command-runner.js';
import { baseStyles } from './shared-styles.js';

declare global {
  interface HTMLElementTagNameMap {
    'warrant-command-menu': WarrantCommandMenu;
  }
  interface HTMLElementEventMap {
    'warrant-menu-run': CustomEvent<{ id: string }>;
    'warrant-menu-close': CustomEvent<void>;
  }
}

@customElement('warrant-command-menu')
export class WarrantCommandMenu extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        z-index: 50;
        min-width: 240px;
        max-width: min(92vw, 340px);
        max-height: 80vh;
        overflow: auto;
        background: var(--surface);
        border: 1px solid var(--rule-strong);
        border-radius: 8px;
        box-shadow: 0 8px 24px rgb(0 0 0 / 20%);
        padding: 4px;
      }
      [role='menuitem'] {
        display: flex;
        justify-content: space-between;
        gap: 16px;
        padding: 7px 10px;
        border-radius: 5px;
        font-size: 14px;
        cursor: pointer;
        outline: none;
      }
      [role='menuitem']:focus {
        background: var(--selected);
        box-shadow: inset 0 0 0 2px var(--focus);
      }
      [role='menuitem'][aria-disabled='true'] {
        color: var(--muted);
        cursor: default;
      }
      kbd {
        font: inherit;
        font-size: 12px;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) items: MenuItem[] = [];
  @property({ attribute: false }) x = 0;
  @property({ attribute: false }) y = 0;
  @queryAll('[role=menuitem]') private entries!: NodeListOf<HTMLElement>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'menu');
    this.setAttribute('aria-label', 'Actions on this node');
    window.addEventListener('pointerdown', this.onOutside, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.onOutside, true);
  }

  protected override updated(): void {
    // Keep the menu on screen.
    const r = this.getBoundingClientRect();
    this.style.left = `${Math.max(4, Math.min(this.x, window.innerWidth - r.width - 4))}px`;
    this.style.top = `${Math.max(4, Math.min(this.y, window.innerHeight - r.height - 4))}px`;
  }

  /** Focuses the first enabled item. */
  focusFirst(): void {
    void this.updateComplete.then(() => {
      const first = [...this.entries].find((e) => e.getAttribute('aria-disabled') !== 'true') ?? this.entries[0];
      first?.focus();
    });
  }

  private onOutside = (e: PointerEvent): void => {
    if (!e.composedPath().includes(this)) this.close();
  };

  private close(): void {
    this.dispatchEvent(new CustomEvent('warrant-menu-close', { bubbles: true, composed: true }));
  }

  private run(item: MenuItem): void {
    if (item.enabled !== true) return;
    this.dispatchEvent(new CustomEvent('warrant-menu-run', { detail: { id: item.id }, bubbles: true, composed: true }));
  }

  private onKeyDown(e: KeyboardEvent): void {
    const list = [...this.entries];
    const i = list.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    let handled = true;
    if (e.key === 'ArrowDown') list[(i + 1) % list.length]?.focus();
    else if (e.key === 'ArrowUp') list[(i - 1 + list.length) % list.length]?.focus();
    else if (e.key === 'Home') list[0]?.focus();
    else if (e.key === 'End') list[list.length - 1]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') this.close();
    else if (e.key === 'Enter' || e.key === ' ') {
      const item = this.items[i];
      if (item) this.run(item);
    } else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  override render() {
    return html`<div @keydown=${this.onKeyDown}>
      ${this.items.map(
        (item) =>
          html`<div
            role="menuitem"
            tabindex="-1"
            aria-disabled=${item.enabled === true ? 'false' : 'true'}
            title=${item.enabled === true ? '' : item.enabled}
            @click=${() => this.run(item)}
          >
            <span>${item.label}</span><kbd>${item.shortcut}</kbd>
          </div>`,
      )}
    </div>`;
  }
}
