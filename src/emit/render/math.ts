/**
 * Math (`:math:` and `.. math::`), typeset at build time by KaTeX into
 * HTML plus MathML, so the page needs no script for it: only KaTeX's
 * stylesheet and fonts, which the build copies into `KATEX_FOLDER` when
 * the page reports the `math` feature.
 *
 * The wrapping element keeps the `math` / `math-block` classes docutils'
 * writer gives, so stylesheets written for docutils still apply.
 */

import type katexModule from 'katex';
import { unescape } from '../../rst/names.js';
import { textContent, type Element } from '../../rst/nodes.js';
import { dropForbiddenCharacters, escapeHtml } from '../escape.js';
import { wrap } from '../html.js';
import { requirePackageFile } from '../installed.js';
import { lineWithin, type RenderContext } from './context.js';
import type { NodeType } from './rule.js';

/** KaTeX is large: loaded on the first formula, so decks without math start faster. */
let katexCache: typeof katexModule | undefined;
function loadKatex(): typeof katexModule {
  katexCache ??= requirePackageFile('katex', 'dist/katex.js') as typeof katexModule;
  return katexCache;
}

/** Where the build puts KaTeX's stylesheet and fonts, relative to the page. Keep in step with src/build/katex.ts. */
export const KATEX_FOLDER = 'deck/katex';
export const KATEX_STYLESHEET = `${KATEX_FOLDER}/katex.min.css`;

/**
 * docutils' `toplevel_code`: the code with `\begin{…}…\end{…}` environments
 * taken out, so a `\\` inside a matrix does not count as a line break.
 */
function toplevelCode(code: string): string {
  return code
    .split('\\begin{')
    .map((chunk) => chunk.split('\\end{').pop() ?? '')
    .join('\\begin{');
}

/**
 * docutils' writer sets a multi-line block (a `\\` outside environments)
 * in `align*`; KaTeX's display mode is already an equation, so the lines
 * go in `aligned`, which KaTeX allows there.
 */
function blockSource(code: string): string {
  return toplevelCode(code).includes('\\\\') ? `\\begin{aligned}\n${code}\n\\end{aligned}` : code;
}

/**
 * KaTeX writes empty MathML elements self-closed (`<mspace width="1em"/>`).
 * That is fine directly inside `<math>`, but KaTeX also nests elements in
 * token elements (`<mi><mrow>…` for `\boldsymbol{…}`), where the HTML
 * parser takes over and a self-closed `<mspace/>` is an error that leaves
 * the element open. Written as a start and an end tag, both read the same.
 */
function closeEmptyElements(html: string): string {
  return html.replace(/<([a-z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/>/g, '<$1$2></$1>');
}

/**
 * KaTeX's markup as the page takes it: empty elements closed, and control
 * characters the formula had (KaTeX copies them into its error rendering)
 * dropped, as everywhere else on the page.
 */
function katexMarkup(html: string): string {
  return dropForbiddenCharacters(closeEmptyElements(html));
}

/** Runs `work` with `console.warn` routed to `report`. */
function withConsoleWarnings<T>(report: (message: string) => void, work: () => T): T {
  const original = console.warn;
  console.warn = (...args: unknown[]) => report(args.map(String).join(' '));
  try {
    return work();
  } finally {
    console.warn = original;
  }
}

/**
 * One formula as KaTeX HTML+MathML. A LaTeX error becomes a warning at the
 * node's line and KaTeX's error rendering (the source in the error colour,
 * the message as its tooltip); KaTeX's strict-mode remarks, which it would
 * print to the console, become info diagnostics.
 */
function typeset(tex: string, displayMode: boolean, node: Element, ctx: RenderContext): string {
  const line = lineWithin(node, ctx);
  const options: katexModule.KatexOptions = {
    displayMode,
    output: 'htmlAndMathml',
    strict: (code: string, message: string) => {
      ctx.report('info', 'emit/math-strict', `KaTeX: ${message} [${code}]`, line);
      return 'ignore';
    },
  };
  ctx.features.add('math');
  // KaTeX prints some remarks itself (a character it has no metrics for):
  // they become info diagnostics at the formula, not stray console lines.
  const remark = (message: string): void => ctx.report('info', 'emit/math-remark', `KaTeX: ${message}`, line);
  try {
    return katexMarkup(withConsoleWarnings(remark, () => loadKatex().renderToString(tex, { ...options, throwOnError: true })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.report('warning', 'emit/math-error', `The formula could not be typeset: ${message}`, line);
    try {
      return katexMarkup(loadKatex().renderToString(tex, { ...options, strict: 'ignore', throwOnError: false }));
    } catch {
      // Only parse errors are rendered by KaTeX itself; anything else shows the source the same way.
      return dropForbiddenCharacters(`<span class="katex-error" title="${escapeHtml(message)}">${escapeHtml(tex)}</span>`);
    }
  }
}

function math(node: Element, ctx: RenderContext): string {
  const tex = unescape(textContent(node));
  return wrap('span', node, ctx, typeset(tex, false, node, ctx), { classes: ['math'] });
}

/** `.. math::` blocks: one `math_block` per paragraph of the directive, each a display formula. */
function mathBlock(node: Element, ctx: RenderContext): string {
  const tex = blockSource(unescape(textContent(node)));
  return `${wrap('div', node, ctx, typeset(tex, true, node, ctx), { classes: ['math', 'math-block'] })}\n`;
}

export const mathRules = {
  math,
  math_block: mathBlock,
} satisfies Partial<Record<NodeType, (node: Element, ctx: RenderContext) => string>>;
