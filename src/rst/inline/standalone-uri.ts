/**
 * Standalone URIs and e-mail addresses (docutils' `patterns.uri` and
 * `patterns.email`), recognised in the plain text between other constructs:
 *
 *     > | see https://example.org/a?b=1#c, or mail me@example.org.
 *             ^^^^^^^^^^^^^^^^^^^^^^^^^^^       ^^^^^^^^^^^^^^
 *
 * docutils' expressions backtrack over every possible end of a URI. The
 * possible ends do not depend on where the URI starts, so each run of URI
 * characters is measured once per search: linear even for `a:a:a:a...`.
 */

import { endSuffixOk, NUL, startPrefixOk } from './scanner.js';

const ALNUM = 'a-zA-Z0-9';
/** `uric`: RFC 2396 URI characters, plus NUL for backslash escapes. */
const URIC = new RegExp(`^[-_.!~*'()[\\];/:@&=+$,%${ALNUM}\\x00]$`);
/** `urilast`: a URI's last character (`uric` without punctuation). */
const URILAST = new RegExp(`^[_~*/=+${ALNUM}]$`);
/** `emailc`: characters of an e-mail address. */
const EMAILC = new RegExp(`^[-_!~*'{|}/#?^\`&=+$%${ALNUM}\\x00]$`);
const SCHEME_FIRST = /^[a-zA-Z]$/;
const SCHEME_CHAR = /^[a-zA-Z0-9.+-]$/;

const isUric = (ch: string | undefined): boolean => ch !== undefined && URIC.test(ch);
const isUrilast = (ch: string | undefined): boolean => ch !== undefined && URILAST.test(ch);
const isEmailc = (ch: string | undefined): boolean => ch !== undefined && EMAILC.test(ch);

export interface UriMatch {
  start: number;
  end: number;
  /** Lower-case scheme for absolute URIs; undefined for e-mail addresses. */
  scheme?: string;
}

/** Searches `text[start:end]` as docutils' `patterns.uri.search` would. */
export function searchUri(text: string, start: number, end: number): UriMatch | undefined {
  // Every URI has a scheme's colon and every address an @: most text has neither.
  if (!containsBefore(text, ':', start, end) && !containsBefore(text, '@', start, end)) return undefined;
  return new UriSearch(text, end).search(start);
}

function containsBefore(text: string, mark: string, start: number, end: number): boolean {
  const at = text.indexOf(mark, start);
  return at >= 0 && at < end;
}

/**
 * `patterns.email.match(text)` anchored at both ends (docutils'
 * `adjust_uri`, which turns an embedded `<me@example.org>` into `mailto:`).
 */
export function isEmailAddress(text: string): boolean {
  if (text === '') return false;
  return new UriSearch(text, text.length).emailAt(0, true) === text.length;
}

class UriSearch {
  /** Best end found per end of a run of URI characters (see `bestEnd`). */
  private best: Map<number, { end: number; partEnd: number; lowest: number }> | undefined;
  private schemeStart = -1;
  private schemeEnd = -1;
  private nameStart = -1;
  private nameEnd = -1;
  private hostAt = -1;
  private hostEnd = -1;
  /** The match ends found for the host at `hostAt`, anchored and not (undefined: not yet known). */
  private hostAnchored: number | undefined;
  private hostSuffixed: number | undefined;

  constructor(
    private readonly text: string,
    private readonly end: number,
  ) {}

  search(start: number): UriMatch | undefined {
    for (let i = start; i < this.end; i++) {
      const ch = this.text[i]!;
      const letter = SCHEME_FIRST.test(ch);
      if (!letter && !isEmailc(ch)) continue;
      if (!startPrefixOk(this.text, i, start)) continue;
      const match = this.matchAt(i);
      if (match) return match;
    }
    return undefined;
  }

  /** An absolute URI, else an e-mail address, starting at `i`. */
  matchAt(i: number): UriMatch | undefined {
    if (SCHEME_FIRST.test(this.text[i] ?? '')) {
      const absolute = this.absoluteAt(i);
      if (absolute) return absolute;
    }
    const email = this.emailAt(i, false);
    return email >= 0 ? { start: i, end: email } : undefined;
  }

  private suffix(j: number): boolean {
    return endSuffixOk(this.text, j, this.end);
  }

  private runOf(from: number, test: (ch: string | undefined) => boolean): number {
    let k = from;
    while (k < this.end && test(this.text[k])) k++;
    return k;
  }

  /** `uri_end` ending at `k`: a `urilast` char, or any `uric` before `>`. */
  private uriEndBefore(k: number): boolean {
    return isUrilast(this.text[k - 1]) || (k < this.end && this.text[k] === '>');
  }

  /** scheme `:` hier-part [`?` query] [`#` fragment]. */
  private absoluteAt(i: number): UriMatch | undefined {
    const text = this.text;
    // Every start inside one run of scheme characters ends where it ends.
    if (!(i > this.schemeStart && i < this.schemeEnd)) {
      this.schemeStart = i;
      this.schemeEnd = i + 1;
      while (this.schemeEnd < this.end && SCHEME_CHAR.test(text[this.schemeEnd]!)) this.schemeEnd++;
    }
    const c = this.schemeEnd;
    if (c >= this.end || text[c] !== ':') return undefined;
    const body = c + 1;
    const runEnd = this.runOf(body, isUric);
    const end = this.bestEnd(body, runEnd);
    if (end < 0) return undefined;
    return { start: i, end, scheme: text.slice(i, c).toLowerCase() };
  }

  /**
   * The end the regular expression settles on for a hier-part starting at
   * `body`: the longest part end that the optional query and fragment and
   * the end-string suffix accept. Every start inside one run shares the run
   * end, and later starts lie further right, so one downward scan per run
   * answers them all.
   */
  private bestEnd(body: number, runEnd: number): number {
    this.best ??= new Map();
    let memo = this.best.get(runEnd);
    if (!memo) {
      memo = { end: -1, partEnd: -1, lowest: runEnd + 1 };
      this.best.set(runEnd, memo);
    }
    if (memo.partEnd >= 0) return memo.partEnd > body ? memo.end : -1;
    for (let k = memo.lowest - 1; k > body; k--) {
      memo.lowest = k;
      if (!this.uriEndBefore(k)) continue;
      const end = this.afterHierPart(k);
      if (end >= 0) {
        memo.partEnd = k;
        memo.end = end;
        return end;
      }
    }
    return -1;
  }

  /** Optional query and fragment after a hier-part ending at `k`, then the suffix. */
  private afterHierPart(k: number): number {
    if (this.text[k] === '?') {
      const queryEnd = this.runOf(k + 1, isUric);
      for (let q = queryEnd; q > k + 1; q--) {
        if (!this.uriEndBefore(q)) continue;
        const end = this.afterQuery(q);
        if (end >= 0) return end;
      }
    }
    return this.afterQuery(k);
  }

  /** Optional fragment after `k`, then the suffix. */
  private afterQuery(k: number): number {
    if (this.text[k] === '#') {
      const fragmentEnd = this.runOf(k + 1, isUric);
      for (let f = fragmentEnd; f > k + 1; f--) {
        if (this.uriEndBefore(f) && this.suffix(f)) return f;
      }
    }
    return this.suffix(k) ? k : -1;
  }

  /**
   * `emailc+(\.emailc+)* (?<!\x00)@ emailc+(\.emailc*)* uri_end` at `i`;
   * returns the match end or -1. `anchored` requires the match to end at
   * the end of the text instead of the end-string suffix.
   */
  emailAt(i: number, anchored: boolean): number {
    const text = this.text;
    const at = this.nameEndFrom(i);
    if (at < 0 || text[at] !== '@' || text[at - 1] === NUL) return -1;
    const host = at + 1;
    if (!isEmailc(text[host])) return -1;
    if (this.hostAt !== host) {
      this.hostAt = host;
      this.hostEnd = this.runOf(host, (ch) => ch === '.' || isEmailc(ch));
      this.hostAnchored = undefined;
      this.hostSuffixed = undefined;
    }
    if (anchored) return (this.hostAnchored ??= this.hostMatchEnd(host, true));
    return (this.hostSuffixed ??= this.hostMatchEnd(host, false));
  }

  /** The longest host + `uri_end` from `host` that ends where it must. */
  private hostMatchEnd(host: number, anchored: boolean): number {
    const text = this.text;
    for (let p = this.hostEnd; p > host; p--) {
      if (p >= this.end) continue;
      const ch = text[p];
      if (!(isUrilast(ch) || (isUric(ch) && text[p + 1] === '>' && p + 1 < this.end))) continue;
      const end = p + 1;
      if (anchored ? end === this.end : this.suffix(end)) return end;
    }
    return -1;
  }

  /** End of `emailc+(\.emailc+)*` from `i` (shared by every start inside one run). */
  private nameEndFrom(i: number): number {
    const text = this.text;
    if (!isEmailc(text[i])) return -1;
    if (i >= this.nameStart && i < this.nameEnd) return this.nameEnd;
    let k = i;
    for (;;) {
      while (k < this.end && isEmailc(text[k])) k++;
      if (k + 1 < this.end && text[k] === '.' && isEmailc(text[k + 1])) {
        k++;
        continue;
      }
      break;
    }
    this.nameStart = i;
    this.nameEnd = k;
    return k;
  }
}

/** `patterns.uri.match(text)`: whether a URI or e-mail address starts `text`. */
export function matchesUriAtStart(text: string): boolean {
  if (text === '') return false;
  const search = new UriSearch(text, text.length);
  return search.matchAt(0) !== undefined;
}
