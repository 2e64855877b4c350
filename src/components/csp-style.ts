/**
 * A `styleMap` that our Content-Security-Policy allows. Lit's styleMap writes its first value as
 * a `style="..."` attribute, which `style-src 'self'` (no 'unsafe-inline') blocks; this directive
 * only ever sets properties through the CSSOM (element.style.setProperty), which CSP permits.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

type Styles = Readonly<Record<string, string>>;

class CspStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style') {
      throw new Error('cspStyle() can only be used in the style attribute.');
    }
  }

  render(_styles: Styles): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [Styles]): typeof noChange {
    const style = part.element.style;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(styles));
    return noChange;
  }
}

/** Sets CSS properties (kebab-case names) on an element without an inline style attribute. */
export const cspStyle = directive(CspStyleDirective);
