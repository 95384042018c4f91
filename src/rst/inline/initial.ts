/**
 * The search for the next inline markup candidate (docutils'
 * `Inliner.patterns.initial`): a start-string (`**`, `*`, ``` `` ```, `` _` ``,
 * `|`), a whole construct (`name_`, `name__`, `[label]_`) or a backquote
 * with an optional `:role:` prefix, each where the start-string prefix rule
 * allows one.
 *
 *     > | see *this* and `that`_ or [1]_
 *             ^        ^          ^
 *
 * A hand-written scanner instead of the regular expression: each position
 * is looked at once, so long runs of markup characters stay linear.
 */

import { endSuffixOk, notSpaceAt, SimplenameRuns, startPrefixOk } from './scanner.js';

export type InitialMatch =
  | { kind: 'start'; start: number; end: number; marker: '**' | '*' | '``' | '_`' | '|' }
  | { kind: 'reference'; start: number; end: number; nameEnd: number; anonymous: boolean }
  | { kind: 'footnote'; start: number; end: number; label: string; citation: boolean }
  | { kind: 'backquote'; start: number; end: number; roleStart: number; role: string };

export class InitialSearch {
  private readonly names: SimplenameRuns;

  constructor(private readonly text: string) {
    this.names = new SimplenameRuns(text);
  }

  /** The leftmost candidate in `text[from:]`, searched as docutils searches `remaining`. */
  find(from: number): InitialMatch | undefined {
    const text = this.text;
    for (let i = from; i < text.length; i++) {
      const ch = text[i]!;
      if (!isCandidateChar(ch) && !this.names.startsAt(i)) continue;
      if (!startPrefixOk(text, i, from)) continue;
      const match = this.matchAt(i);
      if (match) return match;
    }
    return undefined;
  }

  private matchAt(i: number): InitialMatch | undefined {
    const text = this.text;
    const next = text[i + 1];
    switch (text[i]) {
      case '*':
        if (next === '*') {
          return notSpaceAt(text, i + 2) ? { kind: 'start', start: i, end: i + 2, marker: '**' } : undefined;
        }
        return notSpaceAt(text, i + 1) ? { kind: 'start', start: i, end: i + 1, marker: '*' } : undefined;
      case '`':
        if (next === '`') {
          return notSpaceAt(text, i + 2) ? { kind: 'start', start: i, end: i + 2, marker: '``' } : undefined;
        }
        return notSpaceAt(text, i + 1)
          ? { kind: 'backquote', start: i, end: i + 1, roleStart: i, role: '' }
          : undefined;
      case '_':
        return next === '`' && notSpaceAt(text, i + 2)
          ? { kind: 'start', start: i, end: i + 2, marker: '_`' }
          : undefined;
      case '|':
        return next !== '|' && notSpaceAt(text, i + 1)
          ? { kind: 'start', start: i, end: i + 1, marker: '|' }
          : undefined;
      case '[':
        return this.footnoteAt(i);
      case ':':
        return this.roleAt(i);
      default:
        return this.referenceAt(i);
    }
  }

  /** `name_` or `name__` followed by the end-string suffix. */
  private referenceAt(i: number): InitialMatch | undefined {
    const text = this.text;
    const m = this.names.endFrom(i);
    if (m < 0 || text[m] !== '_') return undefined;
    if (text[m + 1] === '_' && endSuffixOk(text, m + 2, text.length)) {
      return { kind: 'reference', start: i, end: m + 2, nameEnd: m, anonymous: true };
    }
    if (endSuffixOk(text, m + 1, text.length)) {
      return { kind: 'reference', start: i, end: m + 1, nameEnd: m, anonymous: false };
    }
    return undefined;
  }

  /** `[1]_`, `[#]_`, `[#label]_`, `[*]_` or `[citation]_`, in docutils' order. */
  private footnoteAt(i: number): InitialMatch | undefined {
    const text = this.text;
    const closesAt = (k: number): boolean =>
      text[k] === ']' && text[k + 1] === '_' && endSuffixOk(text, k + 2, text.length);
    const found = (k: number, citation: boolean): InitialMatch => ({
      kind: 'footnote',
      start: i,
      end: k + 2,
      label: text.slice(i + 1, k),
      citation,
    });
    let k = i + 1;
    while (k < text.length && text[k]! >= '0' && text[k]! <= '9') k++;
    if (k > i + 1 && closesAt(k)) return found(k, false);
    if (text[i + 1] === '#') {
      const m = this.names.endFrom(i + 2);
      if (m >= 0 && closesAt(m)) return found(m, false);
      if (closesAt(i + 2)) return found(i + 2, false);
    }
    if (text[i + 1] === '*' && closesAt(i + 2)) return found(i + 2, false);
    const m = this.names.endFrom(i + 1);
    if (m >= 0 && closesAt(m)) return found(m, true);
    return undefined;
  }

  /** `:role:` directly followed by a backquote that starts interpreted text. */
  private roleAt(i: number): InitialMatch | undefined {
    const text = this.text;
    const m = this.names.endFrom(i + 1);
    if (m < 0 || text[m] !== ':' || text[m + 1] !== '`') return undefined;
    if (text[m + 2] === '`' || !notSpaceAt(text, m + 2)) return undefined;
    return { kind: 'backquote', start: m + 1, end: m + 2, roleStart: i, role: text.slice(i + 1, m) };
  }
}

function isCandidateChar(ch: string): boolean {
  return ch === '*' || ch === '`' || ch === '_' || ch === '|' || ch === '[' || ch === ':';
}
