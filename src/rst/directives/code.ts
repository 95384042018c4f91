/**
 * `code` and `math` (docutils `directives/body.py` CodeBlock, MathBlock).
 *
 * Code is kept unhighlighted, as docutils does with `syntax_highlight=none`:
 * a `literal_block` with classes `code` + language and the text as is;
 * highlighting happens when the page is emitted. `:number-lines:` still
 * splits the text into `inline classes="ln"` line numbers plus text, as
 * docutils' NumberLines filter does.
 */

import { element, text, type Element, type Node } from '../nodes.js';
import type { Directive, DirectiveCall } from './types.js';
import { classOption, unchanged } from './options.js';
import {
  CLASS_AND_NAME,
  addName,
  assertHasContent,
  classList,
  directiveError,
  optionAttributes,
  setClasses,
} from './base.js';
import { pyInt } from './python.js';

type Token = [classes: string[], value: string];

/** docutils `NumberLines`: a right-aligned number token before every line. */
export function numberLines(tokens: Token[], startline: number, endline: number): Token[] {
  const width = String(endline).length;
  const label = (n: number): string => `${String(n).padStart(width)} `;
  let lineno = startline;
  const out: Token[] = [[['ln'], label(lineno)]];
  for (const [classes, value] of tokens) {
    const lines = value.split('\n');
    for (const line of lines.slice(0, -1)) {
      out.push([classes, `${line}\n`]);
      lineno += 1;
      out.push([['ln'], label(lineno)]);
    }
    out.push([classes, lines[lines.length - 1]!]);
  }
  return out;
}

/** Turns tokens into children: classed tokens as `inline`, plain ones as text. */
export function tokenNodes(tokens: Token[]): Node[] {
  return tokens.map(([classes, value]) =>
    classes.length > 0 ? element('inline', { classes }, value === '' ? [] : [text(value)]) : text(value),
  );
}

/** The `:number-lines:` start value (`int(value or 1)`). */
export function startLine(value: unknown): number {
  try {
    return pyInt(value ? String(value) : '1');
  } catch {
    throw directiveError(':number-lines: with non-integer start value');
  }
}

/** Runs `code` on the given lines; `include :code:` calls this too. */
export function runCode(call: DirectiveCall, lines: string[]): Node[] {
  if (lines.length === 0) {
    throw directiveError(`Content block expected for the "${call.name}" directive; none found.`);
  }
  const language = call.arguments[0] ?? '';
  setClasses(call.options);
  const classes = ['code'];
  if (language) classes.push(language);
  classes.push(...classList(call.options.classes));
  const code = lines.join('\n');
  let tokens: Token[] = [[[], code]];
  if ('number-lines' in call.options) {
    const start = startLine(call.options['number-lines']);
    tokens = numberLines(tokens, start, start + lines.length);
  }
  const node = element('literal_block', { classes, 'xml:space': 'preserve' });
  addName(call, node);
  if ('source' in call.options) node.attributes.source = String(call.options.source);
  node.children = tokenNodes(tokens);
  return [node];
}

const code: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: false,
  optionSpec: { class: classOption, name: unchanged, 'number-lines': unchanged },
  hasContent: true,
  run: (call) => runCode(call, call.content.lines),
};

const math: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: CLASS_AND_NAME,
  hasContent: true,
  run(call) {
    setClasses(call.options);
    assertHasContent(call);
    const nodes: Element[] = [];
    for (const block of call.content.text().split('\n\n')) {
      if (!block) continue;
      const node = element('math_block', { ...optionAttributes(call.options), 'xml:space': 'preserve' }, [text(block)]);
      node.line = call.contentOffset + 1;
      addName(call, node);
      nodes.push(node);
    }
    return nodes;
  },
};

export const codeDirectives: Record<string, Directive> = { code, math };
