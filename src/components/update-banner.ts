/** A polite banner offering the new version of the app once it has been downloaded. */
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { UpdateOffer } from '../state/offline.js';
import { baseStyles } from './shared-styles.js';

/** Shown at the bottom of the page when a new version waits; Reload applies it, Later hides it. */
@customElement('warrant-update-banner')
export class UpdateBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: fixed;
        inset: auto 12px 12px auto;
        max-width: min(420px, calc(100vw - 24px));
        z-index: 50;
      }
      div {
        display: flex;
        gap: 8px;
        align-items: center;
        flex-wrap: wrap;
        padding: 10px 12px;
        border: 1px solid var(--rule-strong);
        border-radius: 8px;
        background: var(--surface);
        box-shadow: 0 2px 8px rgb(0 0 0 / 20%);
      }
      p {
        margin: 0;
        flex: 1 1 200px;
      }
    `,
  ];

  /** The waiting version; the banner renders nothing without one. */
  @property({ attribute: false }) offer: UpdateOffer | null = null;

  override render() {
    if (!this.offer) return html``;
    return html`<div role="status">
      <p>A new version of Warrant is ready. Your maps stay as they are.</p>
      <button class="primary" @click=${() => this.offer?.apply()}>Reload now</button>
      <button @click=${() => (this.offer = null)}>Later</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'warrant-update-banner': UpdateBanner;
  }
}
