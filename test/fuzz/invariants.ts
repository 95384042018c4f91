/**
 * What must hold for any input to `compile`, however broken: it returns
 * (never throws), every diagnostic points at a line of the file it names,
 * and the page is well-formed HTML whose steps each carry seven finite
 * coordinates.
 */
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import { compile, type CompileResult } from '../../src/build/compile.js';
import { COORDINATE_KEYS } from '../../src/deck/types.js';
import type { EmitTemplate } from '../../src/emit/types.js';

type HtmlNode = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type HtmlElement = DefaultTreeAdapterMap['element'];

/** The text `include` finds for any file name: it has problems of its own, so its diagnostics are checked too. */
export const INCLUDED_TEXT = 'Included *unclosed\n\n.. nosuch::\n\n----\n\n:data-x: r1e400\n';

export const SOURCE_NAME = 'fuzz.rst';

export function compileForFuzz(source: string, template: EmitTemplate): CompileResult {
  return compile(source, {
    sourceName: SOURCE_NAME,
    sourceDir: '.',
    readFile: (file) => (/\.(rst|txt)$/.test(file) ? INCLUDED_TEXT : undefined),
    template,
  });
}

/** Lines as an editor counts them (the code frame does too). */
export function editorLineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function* elements(node: HtmlNode): Generator<HtmlElement> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if ('content' in node && node.content) yield* elements(node.content);
}

/** HTML parse errors parse5 reports; the page template's own choices are not ours to judge. */
const TOLERATED_HTML_ERRORS = new Set<string>([]);

/**
 * Violations the fuzzer found that are not fixed yet, each with why and
 * where the fix belongs. This list may only shrink: remove an entry when
 * its fix lands, and the fuzzer holds the line from then on.
 */
export const KNOWN_VIOLATIONS: { pattern: RegExp; reason: string }[] = [];

/** The author wrote raw HTML (directly, in a substitution, or through a role or an option): it passes through as written. */
const RAW_HTML = /raw::[ \t]*(?:\S+[ \t]+)*html|:raw-html:|:format:\s*(?:\S+\s+)*html/i;

export function isKnownViolation(problem: string): boolean {
  return KNOWN_VIOLATIONS.some(({ pattern }) => pattern.test(problem));
}

/** Every way `result` breaks the contract; empty when it holds. */
export function violations(source: string, result: CompileResult): string[] {
  const problems: string[] = [];
  const lineCounts = new Map([[SOURCE_NAME, editorLineCount(source)]]);
  for (const d of result.diagnostics) {
    const file = d.file ?? SOURCE_NAME;
    const count = lineCounts.get(file) ?? editorLineCount(INCLUDED_TEXT);
    if (d.line === undefined) problems.push(`diagnostic without a line: ${d.code} ${JSON.stringify(d.message)}`);
    else if (!(Number.isInteger(d.line) && d.line >= 1 && d.line <= count)) {
      problems.push(`diagnostic at line ${d.line} of ${file} (${count} lines): ${d.code} ${JSON.stringify(d.message)}`);
    }
  }
  const html = result.page.html;
  const document = parseHtml(html, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      if (TOLERATED_HTML_ERRORS.has(error.code)) return;
      // `.. raw:: html` passes the author's HTML through untouched, by
      // design: what is broken there stays broken.
      if (RAW_HTML.test(source)) return;
      const context = html.slice(Math.max(0, error.startOffset - 60), error.endOffset + 60);
      problems.push(`invalid HTML (${error.code}) at offset ${error.startOffset}: ${JSON.stringify(context)}`);
    },
  });
  let steps = 0;
  for (const element of elements(document)) {
    const attributes = new Map(element.attrs.map((a) => [a.name, a.value]));
    const classes = (attributes.get('class') ?? '').split(/\s+/);
    if (element.tagName !== 'div' || !classes.includes('step')) continue;
    steps++;
    for (const key of COORDINATE_KEYS) {
      const value = attributes.get(key);
      if (value === undefined) problems.push(`step ${steps} lacks ${key}`);
      else if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) || !Number.isFinite(Number(value))) {
        problems.push(`step ${steps} has ${key}="${value}"`);
      }
    }
  }
  // Raw HTML can swallow the rest of the page (an unclosed <script>), as the author wrote it.
  if (steps !== result.deck.steps.length && !RAW_HTML.test(source)) problems.push(`${result.deck.steps.length} steps in the deck, ${steps} in the page`);
  return problems;
}
