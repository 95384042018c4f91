/**
 * Body elements: paragraphs, quotes, literal and code blocks, raw HTML,
 * system messages, and the nodes that render as nothing.
 */

import { unescape } from '../../rst/names.js';
import { isElement, listAttribute, startOf, textContent, type Element } from '../../rst/nodes.js';
import { dropForbiddenCharacters, escapeHtml } from '../escape.js';
import { openTag, stringAttribute, wrap } from '../html.js';
import { highlight, isPlainTextLanguage } from '../highlight.js';
import { isInvisible, lineWithin, type RenderContext } from './context.js';
import { numberLines, splitLineNumbers } from './line-numbers.js';
import type { NodeType, RenderRule } from './rule.js';

/**
 * docutils' HTML writer leaves the `<p>` off a paragraph that is an item of
 * a compact list or the only content of a table cell, so short bullets do
 * not get paragraph margins. A paragraph with classes or ids keeps it.
 */
function isCompactParagraph(node: Element, ctx: RenderContext): boolean {
  if (listAttribute(node, 'classes').length > 0 || listAttribute(node, 'ids').length > 0) return false;
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  if (!parent) return false;
  const visible = parent.children.filter((child) => isElement(child) && !isInvisible(child));
  if (parent.type === 'list_item') return ctx.compactList && visible[0] === node;
  if (parent.type === 'entry') return visible.length === 1;
  return false;
}

function paragraph(node: Element, ctx: RenderContext): string {
  const content = ctx.children(node);
  if (isCompactParagraph(node, ctx)) return content;
  return `${wrap('p', node, ctx, content)}\n`;
}

function blockQuote(node: Element, ctx: RenderContext): string {
  return `${wrap('blockquote', node, ctx, `\n${ctx.children(node)}`)}\n`;
}

/** Hovercraft's attribution: "Source: " and the cited name, at the foot of the quote. */
function attribution(node: Element, ctx: RenderContext): string {
  const content = `<span class="attribution-label">Source: </span><cite>${ctx.children(node)}</cite>`;
  return `${wrap('footer', node, ctx, content, { classes: ['attribution'] })}\n`;
}

function lineBlock(node: Element, ctx: RenderContext): string {
  return `${wrap('div', node, ctx, `\n${ctx.children(node)}`, { classes: ['line-block'] })}\n`;
}

function line(node: Element, ctx: RenderContext): string {
  const content = ctx.children(node);
  return `${wrap('div', node, ctx, content === '' ? '<br>' : content, { classes: ['line'] })}\n`;
}

/** The language of a `code` block: docutils puts it right after the `code` class. */
function codeLanguage(node: Element): string | undefined {
  const classes = listAttribute(node, 'classes');
  const index = classes.indexOf('code');
  return index < 0 ? undefined : classes[index + 1];
}

/** Line numbers (`:number-lines:`) arrive as `inline.ln` children (see line-numbers.ts). */
function hasLineNumbers(node: Element): boolean {
  return node.children.some((child) => isElement(child) && listAttribute(child, 'classes').includes('ln'));
}

function codeBlock(node: Element, ctx: RenderContext, language: string | undefined): string {
  const pre = { classes: ['highlight'] };
  const asParsed = () => `${wrap('pre', node, ctx, `<code>${ctx.children(node)}</code>`, pre)}\n`;
  if (language === undefined) return asParsed();
  const numbered = hasLineNumbers(node) ? splitLineNumbers(node) : undefined;
  const code = numbered ? numbered.code : unescape(textContent(node));
  const result = highlight(code, language);
  if (!result) {
    if (!isPlainTextLanguage(language)) {
      ctx.report('info', 'emit/unknown-language', `No syntax highlighting for "${language}": highlight.js does not know this language.`, startOf(node));
    }
    return numbered ? asParsed() : `${wrap('pre', node, ctx, `<code>${escapeHtml(code)}</code>`, pre)}\n`;
  }
  const content = numbered ? numberLines(result.html, numbered.numbers) : result.html;
  const codeTag = `<code class="hljs language-${escapeHtml(language)}">`;
  return `${wrap('pre', node, ctx, `${codeTag}${content}</code>`, pre)}\n`;
}

/** `::` blocks stay as written; `code` blocks are highlighted; parsed-literal keeps its inline markup. */
function literalBlock(node: Element, ctx: RenderContext): string {
  if (listAttribute(node, 'classes').includes('code')) return codeBlock(node, ctx, codeLanguage(node));
  return `${wrap('pre', node, ctx, ctx.children(node), { classes: ['literal-block'] })}\n`;
}

function doctestBlock(node: Element, ctx: RenderContext): string {
  const result = highlight(unescape(textContent(node)), 'pycon');
  const content = result ? `<code class="hljs language-pycon">${result.html}</code>` : ctx.children(node);
  return `${wrap('pre', node, ctx, content, { classes: ['doctest-block'] })}\n`;
}

/** docutils' TextElements: a `raw` node inside one is inline (a custom `raw` role), so no line break follows it. */
const TEXT_ELEMENTS = new Set([
  'paragraph', 'title', 'subtitle', 'rubric', 'line', 'term', 'classifier', 'caption', 'attribution',
  'label', 'field_name', 'literal_block', 'doctest_block', 'option_string', 'option_argument',
]);

/**
 * Raw HTML is the one place text is not escaped (control characters,
 * which no HTML may hold and nobody sees, still become U+FFFD). Other formats
 * (LaTeX …) do not apply to a web page: they are left out, with a note so
 * the speaker knows why the content is missing.
 */
function raw(node: Element, ctx: RenderContext): string {
  const format = stringAttribute(node, 'format') ?? '';
  if (!format.toLowerCase().split(/\s+/).includes('html')) {
    ctx.report('info', 'emit/raw-format-dropped', `Raw content for "${format}" is left out: only "html" applies to a web page.`, lineWithin(node, ctx));
    return '';
  }
  ctx.claimIds(node);
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  const inline = parent !== undefined && (TEXT_ELEMENTS.has(parent.type) || ctx.closest(...TEXT_ELEMENTS) !== undefined);
  const html = dropForbiddenCharacters(textContent(node));
  return inline ? html : `${html}\n`;
}

const LEVEL_NAMES: Record<string, string> = { '0': 'DEBUG', '1': 'INFO', '2': 'WARNING', '3': 'ERROR', '4': 'SEVERE' };

/**
 * Problems docutils leaves in the tree are shown where they occur, as its
 * HTML writer does, so the speaker sees them on the slide. Info and debug
 * messages are left out, as docutils' default report level does.
 */
function systemMessage(node: Element, ctx: RenderContext): string {
  const level = stringAttribute(node, 'level') ?? '2';
  if (Number(level) < 2) return '';
  const type = stringAttribute(node, 'type') ?? LEVEL_NAMES[level] ?? 'WARNING';
  const lineNumber = stringAttribute(node, 'line');
  // The heading is drawn by the stylesheet from data-title, so the slide's
  // text is the message alone (as in Hovercraft) and no file path leaks in.
  const title = `${type}/${level}${lineNumber ? `, line ${lineNumber}` : ''}`;
  const open = openTag('div', node, ctx, {
    classes: ['system-message'],
    attributes: [
      ['data-title', title],
      ['role', 'note'],
    ],
  });
  return `${open}\n${ctx.children(node)}</div>\n`;
}

const nothing: RenderRule = () => '';

export const bodyRules = {
  paragraph,
  block_quote: blockQuote,
  attribution,
  line_block: lineBlock,
  line,
  literal_block: literalBlock,
  doctest_block: doctestBlock,
  raw,
  comment: nothing,
  pending: nothing,
  substitution_definition: nothing,
  system_message: systemMessage,
} satisfies Partial<Record<NodeType, RenderRule>>;
