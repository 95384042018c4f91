/**
 * Searching the end-string of a construct whose start-string was found
 * (docutils' `patterns.emphasis`, `strong`, `literal`, `target`,
 * `substitution_ref` and `interpreted_or_phrase_ref`, searched in the text
 * after the start-string).
 *
 * docutils searches the rest of the text again for every start-string, so
 * `*a *a *a ...` costs quadratic time there. Here each kind of end-string
 * remembers the last one it found: the start-strings come in text order, so
 * every character is examined a bounded number of times.
 */

import {
  endSuffixOk,
  NUL,
  previousIndex,
  SimplenameRuns,
  spaceBefore,
  spaceOrNulBefore,
} from './scanner.js';

export interface EndMatch {
  /** Index of the end-string (docutils `endmatch.start(1)`, absolute). */
  start: number;
  /** End of the end-string plus any role/reference suffix. */
  end: number;
  /** The end-string as matched (`|`, `|_`, `|__` for substitutions). */
  endString: string;
  /** Interpreted text only: the `:role:` suffix without colons, and `_`/`__`. */
  suffix?: string;
  roleSuffix?: boolean;
  refend?: string;
}

/** Tries the end-string at `j`; `from` is where the searched string starts. */
type Matcher = (j: number, from: number) => EndMatch | undefined;

class EndFinder {
  private queryFrom = -1;
  private found: EndMatch | null | undefined;

  constructor(
    private readonly text: string,
    private readonly first: string,
    private readonly matchAt: Matcher,
  ) {}

  /** The leftmost end-string in `text[from:]`. */
  find(from: number): EndMatch | undefined {
    // At `from` itself docutils' look-behind sees nothing; the caller treats
    // a match there as "no end-string" (`endmatch.start(1)` is 0).
    const atStart = this.matchAt(from, from);
    if (atStart) return atStart;
    const cached = this.found;
    if (cached !== undefined && this.queryFrom <= from && (cached === null || cached.start > from)) {
      return cached ?? undefined;
    }
    let result: EndMatch | null = null;
    let j = from + 1;
    while (j < this.text.length) {
      j = this.text.indexOf(this.first, j);
      if (j < 0) break;
      const match = this.matchAt(j, from);
      if (match) {
        result = match;
        break;
      }
      j++;
    }
    this.queryFrom = from;
    this.found = result;
    return result ?? undefined;
  }
}

export class EndStrings {
  readonly emphasis: EndFinder;
  readonly strong: EndFinder;
  readonly literal: EndFinder;
  readonly target: EndFinder;
  readonly substitution: EndFinder;
  readonly interpreted: EndFinder;
  private readonly names: SimplenameRuns;

  constructor(private readonly text: string) {
    this.names = new SimplenameRuns(text);
    const n = text.length;
    const suffix = (j: number): boolean => endSuffixOk(text, j, n);
    const simple =
      (marker: string, allowNulBefore: boolean): Matcher =>
      (j, from) => {
        if (!text.startsWith(marker, j)) return undefined;
        const bad = allowNulBefore ? spaceBefore(text, j, from) : spaceOrNulBefore(text, j, from);
        if (bad || !suffix(j + marker.length)) return undefined;
        return { start: j, end: j + marker.length, endString: marker };
      };
    this.emphasis = new EndFinder(text, '*', simple('*', false));
    this.strong = new EndFinder(text, '**', simple('**', false));
    this.literal = new EndFinder(text, '``', simple('``', true));
    this.target = new EndFinder(text, '`', simple('`', false));
    this.substitution = new EndFinder(text, '|', (j, from) => {
      if (text[j] !== '|' || spaceOrNulBefore(text, j, from)) return undefined;
      for (const marker of ['|__', '|_', '|']) {
        if (text.startsWith(marker, j) && suffix(j + marker.length)) {
          return { start: j, end: j + marker.length, endString: marker };
        }
      }
      return undefined;
    });
    this.interpreted = new EndFinder(text, '`', (j, from) => this.interpretedAt(j, from));
  }

  /**
   * `` ` `` + optional `:role:` + optional `_`/`__`, not after unescaped
   * white space or NUL (`(?<!(?<!\x00)[\s\x00])`).
   */
  private interpretedAt(j: number, from: number): EndMatch | undefined {
    const text = this.text;
    if (text[j] !== '`') return undefined;
    if (spaceOrNulBefore(text, j, from)) {
      const before = previousIndex(text, j);
      if (before - 1 < from || text[before - 1] !== NUL) return undefined;
    }
    const suffix = (k: number): boolean => endSuffixOk(text, k, text.length);
    const withRefend = (roleEnd: number, roleSuffix: boolean): EndMatch | undefined => {
      for (const refend of ['__', '_', '']) {
        if (!text.startsWith(refend, roleEnd)) continue;
        const end = roleEnd + refend.length;
        if (suffix(end)) {
          return { start: j, end, endString: '`', suffix: text.slice(j + 1, end), roleSuffix, refend };
        }
      }
      return undefined;
    };
    if (text[j + 1] === ':') {
      const m = this.names.endFrom(j + 2);
      if (m >= 0 && text[m] === ':') {
        const match = withRefend(m + 1, true);
        if (match) return match;
      }
    }
    return withRefend(j + 1, false);
  }
}
