/**
 * Diagnostic lines as editors count them. docutils numbers lines as
 * Python's `splitlines()` cuts them, which also breaks at \x1c-\x1e, \x85,
 * \u2028 and \u2029, and some of its messages point one line past the end;
 * a speaker's editor knows only \n, \r\n and \r, and only the file's lines.
 */

import type { Diagnostic } from './diagnostic.js';

function isDocutilsBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** A break that docutils and an editor count differently (`\r` may end a line alone). */
const OTHER_BREAK = /[\r\x1c-\x1e\x85\u2028\u2029]/;

function inFile(d: Diagnostic, file: string): boolean {
  return d.line !== undefined && (d.file === undefined || d.file === file);
}

export function toFileLines(diagnostics: Diagnostic[], source: string, file: string): Diagnostic[] {
  if (!diagnostics.some((d) => inFile(d, file))) return diagnostics;
  // Only \n breaks lines: both count alike, and only the end needs a clamp.
  if (!OTHER_BREAK.test(source)) return clampToEnd(diagnostics, source, file);
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
  const last = Math.max(1, line - (source.endsWith('\n') || source.endsWith('\r') ? 1 : 0));
  for (const d of diagnostics) {
    if (!inFile(d, file)) continue;
    const mapped = fileLine[Math.max(0, d.line! - 1)] ?? last;
    d.line = Math.min(Math.max(1, mapped), last);
  }
  return diagnostics;
}

/** `toFileLines` for a source whose only breaks are \n: lines stay, within the file's last line. */
function clampToEnd(diagnostics: Diagnostic[], source: string, file: string): Diagnostic[] {
  let breaks = 0;
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) breaks++;
  const last = Math.max(1, breaks + 1 - (source.endsWith('\n') ? 1 : 0));
  for (const d of diagnostics) {
    if (inFile(d, file)) d.line = Math.min(Math.max(1, d.line!), last);
  }
  return diagnostics;
}
