/**
 * Footnotes and citations: the note with its label linking back to the
 * first reference. References themselves are inline (inline.ts).
 */

import { isElement, listAttribute, type Element } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';
import { openTag, wrap } from '../html.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

function labelOf(node: Element, ctx: RenderContext, kind: string): string {
  const label = node.children.find((child) => isElement(child) && child.type === 'label') as Element | undefined;
  if (!label) return '';
  const text = ctx.children(label);
  const backrefs = listAttribute(node, 'backrefs');
  // Footnotes as Hovercraft labels them ("#1:"), citations in brackets.
  const shown = kind === 'footnote' ? `#${text}:` : `[${text}]`;
  const linked = backrefs.length > 0 ? `<a href="#${escapeHtml(backrefs[0]!)}">${shown}</a>` : shown;
  return `<span class="label">${linked}</span>\n`;
}

function note(kind: string): RenderRule {
  return (node, ctx) => {
    const open = openTag('div', node, ctx, { classes: [kind] });
    ctx.ancestors.push(node);
    const label = labelOf(node, ctx, kind);
    const body = node.children
      .filter((child) => !(isElement(child) && child.type === 'label'))
      .map((child) => ctx.render(child))
      .join('');
    ctx.ancestors.pop();
    return `${open}\n${label}${body}</div>\n`;
  };
}

export const footnoteRules = {
  footnote: note('footnote'),
  citation: note('citation'),
  label: (node, ctx) => wrap('span', node, ctx, ctx.children(node), { classes: ['label'] }),
} satisfies Partial<Record<NodeType, RenderRule>>;
