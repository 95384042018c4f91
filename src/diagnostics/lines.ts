/**
 * Diagnostic lines as editors count them. docutils numbers lines as
 * Python's `splitlines()` cuts them, which also breaks at \x1c-\x1e, \x85,
 * \u2028 and \u2029, and some of its messages point one line past the end;
 * a speaker's editor knows only \n, \r\n and \r, and only the file's lines.
 */

import { isLineBreakCode as isDocutilsBreak } from '../rst/source-lines.js';

/** Something at a line of a file (a diagnostic, a file the page references); no file: the deck. */
export interface Located {
  file?: string;
  line?: number;
}

/** A break that docutils and an editor count differently (`\r` may end a line alone). */
const OTHER_BREAK = /[\r\x1c-\x1e\x85\u2028\u2029]/;

function inFile(d: Located, file: string): boolean {
  return d.line !== undefined && (d.file === undefined || d.file === file);
}

/**
 * The editor's line of each of docutils' lines (absent where the two count
 * alike: only \n breaks lines), and the file's last line.
 */
interface LineTable {
  fileLine: number[] | undefined;
  last: number;
}

function lineTable(source: string): LineTable {
  const endsWithBreak = source.endsWith('\n') || source.endsWith('\r') ? 1 : 0;
  if (!OTHER_BREAK.test(source)) {
    let breaks = 0;
    for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) breaks++;
    return { fileLine: undefined, last: Math.max(1, breaks + 1 - endsWithBreak) };
  }
  const fileLine: number[] = [];
  let line = 1;
  let atStart = true;
  for (let i = 0; i < source.length; i++) {
    if (atStart) fileLine.push(line);
    const ch = source[i]!;
    atStart = isDocutilsBreak(ch.charCodeAt(0)) && !(ch === '\r' && source[i + 1] === '\n');
    if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) line++;
  }
  if (atStart || fileLine.length === 0) fileLine.push(line);
  return { fileLine, last: Math.max(1, line - endsWithBreak) };
}

/**
 * Maps the lines of the items (diagnostics) about `file`, whose text is `source`,
 * to the file's lines. `shift` is for an included file docutils numbered
 * from a clip: the lines of the file before it.
 */
export function toFileLines<T extends Located>(diagnostics: T[], source: string, file: string, shift = 0): T[] {
  if (!diagnostics.some((d) => inFile(d, file))) return diagnostics;
  const { fileLine, last } = lineTable(source);
  for (const d of diagnostics) {
    if (!inFile(d, file)) continue;
    const line = d.line! + shift;
    const mapped = fileLine ? (fileLine[Math.max(0, line - 1)] ?? last) : line;
    d.line = Math.min(Math.max(1, mapped), last);
  }
  return diagnostics;
}
