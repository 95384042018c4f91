/**
 * Steps, sections and the other nodes that group body elements.
 */

import type { Element } from '../../rst/nodes.js';
import { stringAttribute, wrap } from '../html.js';
import { stepTagAttributes } from '../steps.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

/** A step div with everything impress.js reads (see steps.ts for how ids and attributes are chosen). */
function step(node: Element, ctx: RenderContext): string {
  const info = ctx.steps.get(node);
  if (!info) return ctx.children(node);
  return `<div${stepTagAttributes(node, info)}>\n${ctx.children(node)}</div>\n`;
}

/**
 * How deep a section sits in the document. `split` copies sections into
 * steps without their enclosing sections, so it may record the document
 * depth as a `level` attribute; without it, nesting inside the step counts.
 */
export function sectionDepth(section: Element, ctx: RenderContext): number {
  const own = Number(stringAttribute(section, 'level'));
  if (Number.isInteger(own) && own > 0) return own;
  const index = ctx.ancestors.lastIndexOf(section);
  const outer = ctx.ancestors.slice(0, index < 0 ? ctx.ancestors.length : index);
  for (let i = outer.length - 1; i >= 0; i--) {
    const candidate = outer[i]!;
    if (candidate.type === 'section') return sectionDepth(candidate, ctx) + 1;
  }
  return 1;
}

const TITLE_CLASSES: Partial<Record<string, string>> = {
  topic: 'topic-title',
  sidebar: 'sidebar-title',
  admonition: 'admonition-title',
};

/** Section titles are headings by depth; other titles are labelled paragraphs. */
function title(node: Element, ctx: RenderContext): string {
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  const content = ctx.children(node);
  if (!parent || parent.type === 'section' || parent.type === 'step' || parent.type === 'document') {
    const depth = parent?.type === 'section' ? sectionDepth(parent, ctx) : 1;
    return `${wrap(`h${Math.min(depth, 6)}`, node, ctx, content)}\n`;
  }
  return `${wrap('p', node, ctx, content, { classes: [TITLE_CLASSES[parent.type] ?? 'title'] })}\n`;
}

function subtitle(node: Element, ctx: RenderContext): string {
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  const kind = parent?.type === 'sidebar' ? 'sidebar-subtitle' : 'subtitle';
  return `${wrap('p', node, ctx, ctx.children(node), { classes: [kind] })}\n`;
}

/** A block rule: one tag around the children, on its own lines. */
function block(tag: string, classes: string[] = []): RenderRule {
  return (node, ctx) => `${wrap(tag, node, ctx, `\n${ctx.children(node)}`, { classes })}\n`;
}

export const structureRules = {
  step,
  document: (node, ctx) => ctx.children(node),
  section: block('section'),
  title,
  subtitle,
  transition: () => '<hr class="transition">\n',
  topic: block('aside', ['topic']),
  sidebar: block('aside', ['sidebar']),
  rubric: (node, ctx) => `${wrap('p', node, ctx, ctx.children(node), { classes: ['rubric'] })}\n`,
  compound: block('div', ['compound']),
  container: block('div', ['container']),
  // The page puts the header and footer outside #impress (see page.ts); inside a step they are just content.
  decoration: () => '',
  header: block('div', ['header']),
  footer: block('div', ['footer']),
  // `.. meta::` tags go into the page head (page.ts).
  meta: () => '',
} satisfies Partial<Record<NodeType, RenderRule>>;
