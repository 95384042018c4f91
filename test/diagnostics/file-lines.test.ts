/**
 * Diagnostics point at lines as the speaker's editor counts them, whatever
 * breaks the file has: docutils also breaks lines at \x1c-\x1e, \x85,
 * \u2028 and \u2029, an editor only at \n, \r\n and \r.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { toFileLines } from '../../src/diagnostics/lines.js';

/** Where each of docutils' lines starts (Python's str.splitlines). */
function docutilsLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\r' && source[i + 1] === '\n') continue;
    if ('\n\r\x1c\x1d\x1e\x85\u2028\u2029'.includes(c) && i + 1 < source.length) starts.push(i + 1);
  }
  return starts;
}

/** The editor's line (1-based) of the character at `offset`. */
function editorLine(source: string, offset: number): number {
  const before = source.slice(0, offset);
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** The editor's last line: a final break does not start another. */
function editorLast(source: string): number {
  return Math.max(1, editorLine(source, source.length) - (/[\r\n]$/.test(source) ? 1 : 0));
}

function expected(source: string, line: number): number {
  const starts = docutilsLineStarts(source);
  const start = starts[Math.max(0, line - 1)];
  const last = editorLast(source);
  return start === undefined ? last : Math.min(Math.max(1, editorLine(source, start)), last);
}

function diagnostic(line: number, file?: string): Diagnostic {
  const made: Diagnostic = { severity: 'warning', code: 'test', message: 'm', line };
  if (file !== undefined) made.file = file;
  return made;
}

const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((list) => list.join(''));

describe('diagnostic lines in the file', () => {
  it('match the editor on sources with any mix of breaks', () => {
    fc.assert(
      fc.property(text(['a', ' ', '\n', '\r', '\r\n', '\x1c', '\x85', '\u2028']), fc.array(fc.integer({ min: -2, max: 50 }), { minLength: 1, maxLength: 6 }), (source, lines) => {
        const mapped = toFileLines(lines.map((line) => diagnostic(line)), source, 'deck.rst');
        expect(mapped.map((d) => d.line)).toEqual(lines.map((line) => expected(source, line)));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('match the editor on sources broken only by \\n', () => {
    fc.assert(
      fc.property(text(['a', ' ', '\n']), fc.array(fc.integer({ min: -2, max: 50 }), { minLength: 1, maxLength: 6 }), (source, lines) => {
        const mapped = toFileLines(lines.map((line) => diagnostic(line)), source, 'deck.rst');
        expect(mapped.map((d) => d.line)).toEqual(lines.map((line) => expected(source, line)));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("leave other files' diagnostics alone", () => {
    const other = diagnostic(3, 'other.rst');
    const own = diagnostic(3, 'deck.rst');
    toFileLines([other, own], 'a\u2028b\nc\n', 'deck.rst');
    expect(other.line).toBe(3);
    expect(own.line).toBe(2);
  });
});
