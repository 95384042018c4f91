/**
 * The source cut into lines as docutils' `string2lines` cuts it, and the
 * way back: where a line and a column of the parser's lines lie in the
 * source text (an editor's offsets).
 */

import { pyExpandTabs } from './directives/python.js';
import { pyRstrip } from './py-space.js';

/** docutils' default `tab_width`. */
export const TAB_WIDTH = 8;

/**
 * The line breaks of a source as the parser counts its lines: those of
 * `splitlines()` but \v and \f, which `string2lines` makes spaces first.
 */
export const SOURCE_LINE_BREAK = /\r\n|[\n\r\x1c\x1d\x1e\x85\u2028\u2029]/;

/** The same breaks, one UTF-16 unit at a time (a `\r` before `\n` is left to the caller). */
export function isLineBreakCode(c: number): boolean {
  if (c <= 0x1e) return c === 0x0a || c === 0x0d || c >= 0x1c;
  return c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** docutils `string2lines` of the document: its byte order mark dropped, see `readLines`. */
export function toLines(source: string): string[] {
  return readLines(source.replace(/^\ufeff/, ''));
}

/** docutils `string2lines`: \v and \f become spaces, then split, expand tabs, strip trailing white space. */
export function readLines(text: string, tabWidth = TAB_WIDTH): string[] {
  const lines = text.replace(/[\v\f]/g, ' ').split(SOURCE_LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => pyRstrip(expandTabs(line, tabWidth)));
}

/** Python's `expandtabs()`, at docutils' tab width unless told otherwise. */
export function expandTabs(line: string, tabWidth = TAB_WIDTH): string {
  return line.includes('\t') ? pyExpandTabs(line, tabWidth) : line;
}

/**
 * 0-based offsets of the start of each line as `toLines` cuts them, so that
 * the parser's line numbers find their text. The first line starts after
 * the byte order mark `toLines` drops.
 */
export function lineStarts(source: string): number[] {
  const starts = [source.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (isLineBreakCode(c) && !(c === 0x0d && source.charCodeAt(i + 1) === 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** The source lines holding a tab, by line index (their columns move when tabs are expanded), or none. */
export function findTabbedLines(source: string, starts: number[]): Map<number, string> | undefined {
  let tab = source.indexOf('\t');
  if (tab < 0) return undefined;
  const lines = new Map<number, string>();
  let line = 0;
  for (; tab >= 0; tab = source.indexOf('\t', tab + 1)) {
    while (line + 1 < starts.length && starts[line + 1]! <= tab) line++;
    if (!lines.has(line)) lines.set(line, source.slice(starts[line], starts[line + 1] ?? source.length));
  }
  return lines;
}

/**
 * For source line `raw`, the column each column of its tab-expanded form
 * comes from (Python's `expandtabs()` counts code points; a column inside
 * a tab's spaces is the tab's), as a function. It builds its table once,
 * so that the many positions on one line cost a lookup each.
 */
export function sourceColumns(raw: string): (column: number) => number {
  const table: number[] = [];
  let codePoints = 0;
  let i = 0;
  while (i < raw.length) {
    const code = raw.codePointAt(i)!;
    if (code === 9) {
      const spaces = TAB_WIDTH - (codePoints % TAB_WIDTH);
      for (let k = 0; k < spaces; k++) table.push(i);
      codePoints += spaces;
      i++;
    } else {
      const length = code > 0xffff ? 2 : 1;
      for (let k = 0; k < length; k++) table.push(i + k);
      codePoints++;
      i += length;
    }
  }
  return (column) => (column < table.length ? table[column]! : raw.length + (column - table.length));
}
