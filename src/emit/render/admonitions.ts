/**
 * Admonitions. Inside a step, `.. note::` is a presenter note (Hovercraft's
 * rule): a `div.notes` the stylesheet hides and the presenter console shows.
 */

import type { Element } from '../../rst/nodes.js';
import { wrap } from '../html.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

/** docutils' English labels (docutils/languages/en.py). */
const LABELS = {
  attention: 'Attention!',
  caution: 'Caution!',
  danger: '!DANGER!',
  error: 'Error',
  hint: 'Hint',
  important: 'Important',
  note: 'Note',
  tip: 'Tip',
  warning: 'Warning',
} as const;

function labelled(kind: keyof typeof LABELS): RenderRule {
  return (node, ctx) => {
    const title = `<p class="admonition-title">${LABELS[kind]}</p>\n`;
    return `${wrap('div', node, ctx, `\n${title}${ctx.children(node)}`, { classes: ['admonition', kind] })}\n`;
  };
}

function note(node: Element, ctx: RenderContext): string {
  if (!ctx.closest('step')) return labelled('note')(node, ctx);
  if (ctx.skipNotes) return '';
  return `${wrap('div', node, ctx, `\n${ctx.children(node)}`, { classes: ['notes'] })}\n`;
}

/** The generic `.. admonition:: Title` carries its own title child (rendered as `p.admonition-title`). */
function admonition(node: Element, ctx: RenderContext): string {
  return `${wrap('div', node, ctx, `\n${ctx.children(node)}`, { classes: ['admonition'] })}\n`;
}

export const admonitionRules = {
  admonition,
  attention: labelled('attention'),
  caution: labelled('caution'),
  danger: labelled('danger'),
  error: labelled('error'),
  hint: labelled('hint'),
  important: labelled('important'),
  note,
  tip: labelled('tip'),
  warning: labelled('warning'),
} satisfies Partial<Record<NodeType, RenderRule>>;
