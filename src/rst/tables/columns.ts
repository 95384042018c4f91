/**
 * Character columns as docutils' table code counts them: Python string
 * indices (code points), with a pad character after every double-width
 * character (`StringList.pad_double_width`), combining characters skipped
 * when cutting cells (`utils.column_indices`).
 *
 * JavaScript strings index UTF-16 code units, so a table's lines are encoded
 * into strings whose indices are exactly Python's padded indices:
 *
 * - an astral character (two code units) is replaced by a private-use
 *   placeholder that occurs nowhere else in the table, and restored on the
 *   way out;
 * - a double-width character is followed by `PAD`, as docutils pads it, so a
 *   cell border that falls inside it cuts off only the pad.
 *
 * Every encoded line keeps `origin`: for each encoded index, the UTF-16 index
 * in the original line, so cells map back to source columns.
 */

import { isWide } from './east-asian-width.js';

/** docutils' `TableParser.double_width_pad_char`. */
export const PAD = '\x00';

/**
 * These three have combining class 0 themselves but decompose into
 * combining marks, which would fool the reordering test below.
 */
const STARTERS_WITH_MARKS = new Set(['\u0f73', '\u0f75', '\u0f81']);

/**
 * `unicodedata.combining(ch) != 0`, without a data table: canonical ordering
 * moves a mark of combining class 1..239 in front of U+0345 (class 240), so
 * NFD changes the pair exactly when `ch` is such a mark.
 */
export function isCombining(ch: string): boolean {
  if (ch < '\u0300') return false;
  if (ch === '\u0345') return true;
  if (STARTERS_WITH_MARKS.has(ch)) return false;
  return ('\u0345' + ch).normalize('NFD') !== '\u0345' + ch.normalize('NFD');
}

/** `utils.strip_combining_chars`. */
export function stripCombining(value: string): string {
  let out = '';
  for (const ch of value) if (!isCombining(ch)) out += ch;
  return out;
}

/**
 * `utils.column_indices`: the string index of every non-combining
 * character; undefined when there is no combining character, so that every
 * index is its own column.
 */
export function columnIndices(value: string): number[] | undefined {
  if (!/[\u0300-\uffff]/.test(value)) return undefined;
  const indices: number[] = [];
  for (let i = 0; i < value.length; i++) if (!isCombining(value[i]!)) indices.push(i);
  return indices.length === value.length ? undefined : indices;
}

export interface EncodedLine {
  text: string;
  /** UTF-16 index in the original line of each encoded index (plus one past the end). */
  origin: number[];
}

/** Encodes a table's lines to Python's padded indices and back. */
export class WideCodec {
  private readonly placeholders = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  private nextPlaceholder = 0xe000;
  private readonly used: Set<string>;

  constructor(lines: readonly string[]) {
    this.used = new Set();
    for (const line of lines) {
      for (const ch of line) if (ch >= '\ue000' && ch <= '\uf8ff') this.used.add(ch);
    }
  }

  /** `pad_double_width`, with the index map. */
  encode(line: string): EncodedLine {
    let text = '';
    const origin: number[] = [];
    let index = 0;
    for (const ch of line) {
      text += ch.length === 2 ? this.placeholderFor(ch) : ch;
      origin.push(index);
      index += ch.length;
      if (isWide(ch.codePointAt(0)!)) {
        text += PAD;
        origin.push(index);
      }
    }
    origin.push(index);
    return { text, origin };
  }

  /** Drops the pads (`replace(pad_char, '')`) and restores astral characters. */
  decode(text: string): string {
    let out = text.split(PAD).join('');
    if (this.originals.size > 0) {
      out = Array.from(out, (ch) => this.originals.get(ch) ?? ch).join('');
    }
    return out;
  }

  private placeholderFor(ch: string): string {
    const known = this.placeholders.get(ch);
    if (known) return known;
    let candidate = String.fromCharCode(this.nextPlaceholder++);
    while (this.used.has(candidate) && this.nextPlaceholder <= 0xf8ff) {
      candidate = String.fromCharCode(this.nextPlaceholder++);
    }
    this.placeholders.set(ch, candidate);
    this.originals.set(candidate, ch);
    return candidate;
  }
}
