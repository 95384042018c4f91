/**
 * Inline nodes: the markup inside paragraphs, titles and table cells.
 */

import { unescape } from '../../rst/names.js';
import { listAttribute, textContent, type Element } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';
import { stringAttribute, wrap } from '../html.js';
import { highlight } from '../highlight.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

/** A rule that wraps the children in one tag with the node's ids and classes. */
function simple(tag: string, classes: string[] = []): RenderRule {
  return (node, ctx) => wrap(tag, node, ctx, ctx.children(node), { classes });
}

function reference(node: Element, ctx: RenderContext): string {
  const refuri = stringAttribute(node, 'refuri');
  const refid = stringAttribute(node, 'refid');
  const href = refuri ?? (refid !== undefined ? `#${refid}` : undefined);
  const kind = refuri !== undefined ? 'external' : refid !== undefined ? 'internal' : undefined;
  return wrap('a', node, ctx, ctx.children(node), {
    classes: kind ? ['reference', kind] : ['reference'],
    attributes: [['href', href]],
  });
}

/**
 * A target with text (`` _`word` ``) is an anchor around that text; an empty
 * one keeps its ids as an anchor so links to it still land.
 */
function target(node: Element, ctx: RenderContext): string {
  const content = ctx.children(node);
  if (content === '' && listAttribute(node, 'ids').length === 0) return '';
  return wrap('span', node, ctx, content, { classes: ['target'] });
}

/** docutils keeps `` ``literal`` `` text verbatim; line breaks inside become spaces, as its HTML writer does. */
function literal(node: Element, ctx: RenderContext): string {
  if (ctx.closest('literal_block')) return wrap('code', node, ctx, ctx.children(node), { classes: ['literal'] });
  const code = unescape(textContent(node)).replace(/\n/g, ' ');
  // `:code:` with a language (a role derived from `code`) is highlighted as a code block is.
  const classes = listAttribute(node, 'classes');
  const language = classes[0] === 'code' ? classes[1] : undefined;
  const highlighted = language === undefined ? undefined : highlight(code, language);
  return wrap('code', node, ctx, highlighted ? highlighted.html : escapeHtml(code), { classes: ['literal'] });
}

function problematic(node: Element, ctx: RenderContext): string {
  const refid = stringAttribute(node, 'refid');
  return wrap('a', node, ctx, ctx.children(node), {
    classes: ['problematic'],
    attributes: [['href', refid !== undefined ? `#${refid}` : undefined]],
  });
}

/** Footnote and citation references: `[label]` linking to the note. */
function noteReference(kind: string): RenderRule {
  return (node, ctx) => {
    const refid = stringAttribute(node, 'refid');
    return wrap('a', node, ctx, `[${ctx.children(node)}]`, {
      classes: [kind],
      attributes: [['href', refid !== undefined ? `#${refid}` : undefined]],
    });
  };
}

/** `inline` with no classes or ids is just its text; otherwise a span carrying them. */
function inline(node: Element, ctx: RenderContext): string {
  const hasMarkup = listAttribute(node, 'classes').length > 0 || listAttribute(node, 'ids').length > 0;
  return hasMarkup ? wrap('span', node, ctx, ctx.children(node)) : ctx.children(node);
}


function abbreviation(node: Element, ctx: RenderContext): string {
  return wrap('abbr', node, ctx, ctx.children(node), { attributes: [['title', stringAttribute(node, 'explanation')]] });
}

export const inlineRules = {
  emphasis: simple('em'),
  strong: simple('strong'),
  literal,
  reference,
  target,
  footnote_reference: noteReference('footnote-reference'),
  citation_reference: noteReference('citation-reference'),
  // Unresolved after publish means a missing definition; docutils reported it already.
  substitution_reference: (node, ctx) => ctx.children(node),
  problematic,
  inline,
  subscript: simple('sub'),
  superscript: simple('sup'),
  title_reference: simple('cite'),
  abbreviation,
  acronym: abbreviation,
  generated: inline,
  // An image inside a paragraph is rendered by the image rule (render/images.ts).
} satisfies Partial<Record<NodeType, RenderRule>>;
