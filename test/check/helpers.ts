/** Decks from text through parse, split and layout, as `deck check` sees them. */
import { parse } from '../../src/rst/parse.js';
import { split } from '../../src/deck/split.js';
import { layout } from '../../src/layout/layout.js';
import { check, type AssetText } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export function laidOut(text: string) {
  const { document } = parse(text, { sourceName: 'talk.rst', mode: 'publish', hovercraft: true, fileInsertionEnabled: false });
  const { deck } = split(document, { sourceName: 'talk.rst' });
  const { positions, diagnostics } = layout(deck, { sourceName: 'talk.rst' });
  return { deck, positions, diagnostics };
}

export function checkText(text: string, options: { assets?: AssetText[]; offline?: boolean } = {}): Diagnostic[] {
  const { deck, positions } = laidOut(text);
  return check({ deck, positions, file: 'talk.rst', ...options });
}

/** `code@line` of each diagnostic, the way a reader scans the output. */
export function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.line}`);
}

/** A deck of `n` steps with content, each 1600 px right of the one before. */
export function steps(n: number, fields: (i: number) => string = () => ''): string {
  return Array.from({ length: n }, (_, i) => `----\n\n${fields(i)}${fields(i) ? '\n' : ''}Step ${i + 1}\n`).join('\n');
}
