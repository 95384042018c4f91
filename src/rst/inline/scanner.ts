/**
 * Low-level recognition over the NUL-escaped text of one inline parse:
 * the start-string and end-string conditions and docutils' `simplename`.
 *
 * docutils runs its regular expressions on ever shorter copies of the text
 * (`remaining`, the text between constructs), where `^` and `$` match at the
 * copy's edges and look-behinds cannot see before it. We never copy: every
 * check takes the bounds of the copy docutils would have made.
 */

import {
  charLength,
  isAfterEndAt,
  isBeforeStartAt,
  isSpaceAt,
  isWordAt,
  previousIndex,
} from './punctuation.js';

export const NUL = '\x00';
import { escapeToNull } from '../names.js';
export { escapeToNull };

/** `[-._+:]`, the separators allowed inside a simplename. */
function isNameSeparator(ch: string | undefined): boolean {
  return ch === '-' || ch === '.' || ch === '_' || ch === '+' || ch === ':';
}

/**
 * Extents of docutils' `simplename` (`(?:(?!_)\w)+(?:[-._+:](?:(?!_)\w)+)*`).
 * Scanning from any word character inside a run ends where scanning from the
 * run's start ends, so the last run is remembered: repeated questions about
 * one long run (`a-a-a-a...`, where every `a` may start markup) stay linear.
 */
export class SimplenameRuns {
  private runStart = -1;
  private runEnd = -1;

  constructor(private readonly text: string) {}

  /** Whether a simplename may start at `i` (a word character other than `_`). */
  startsAt(i: number): boolean {
    return i < this.text.length && this.text[i] !== '_' && isWordAt(this.text, i);
  }

  /**
   * End (exclusive) of the longest simplename starting at `i`, limited to
   * `limit`; -1 when none starts there. The characters that may follow a
   * simplename in every pattern using it (`_`, `:`, `]`) can only match at
   * this longest end: inside the run they are followed by a word character,
   * and no word character is punctuation or white space.
   */
  endFrom(i: number, limit = this.text.length): number {
    if (i >= limit || !this.startsAt(i)) return -1;
    if (i >= this.runStart && i < this.runEnd && this.runEnd <= limit) return this.runEnd;
    let k = i;
    for (;;) {
      while (k < limit && this.startsAt(k)) k += charLength(this.text, k);
      if (k + 1 < limit && isNameSeparator(this.text[k]) && this.startsAt(k + 1)) {
        k += 1;
        continue;
      }
      break;
    }
    this.runStart = i;
    this.runEnd = k;
    return k;
  }
}

/**
 * `start_string_prefix` at `i`, with `start` the beginning of the string
 * docutils searches: `^`, or after white space, an opener or a delimiter.
 */
export function startPrefixOk(text: string, i: number, start: number): boolean {
  if (i <= start) return true;
  const before = previousIndex(text, i);
  if (before < start) return true;
  return isSpaceAt(text, before) || isBeforeStartAt(text, before);
}

/**
 * `end_string_suffix` at `j`, with `end` the end of the searched string:
 * `$`, or before white space, NUL, a closing delimiter, delimiter or closer.
 */
export function endSuffixOk(text: string, j: number, end: number): boolean {
  if (j >= end) return true;
  return isSpaceAt(text, j) || isAfterEndAt(text, j);
}

/** `(?!\s)` at `i`. */
export function notSpaceAt(text: string, i: number, end = text.length): boolean {
  return i >= end || !isSpaceAt(text, i);
}

/** Whether the character before `j` (if inside [start, j)) is white space or NUL. */
export function spaceOrNulBefore(text: string, j: number, start: number): boolean {
  if (j <= start) return false;
  const before = previousIndex(text, j);
  if (before < start) return false;
  return text[before] === NUL || isSpaceAt(text, before);
}

/** Whether the character before `j` (if inside [start, j)) is white space. */
export function spaceBefore(text: string, j: number, start: number): boolean {
  if (j <= start) return false;
  const before = previousIndex(text, j);
  return before >= start && isSpaceAt(text, before);
}

export { isSpaceAt, isWordAt, previousIndex, charLength };
