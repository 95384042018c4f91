/**
 * Name and id normalisation, as docutils' `nodes.make_id`,
 * `fully_normalize_name` and `whitespace_normalize_name` do it.
 */

import { pySplit } from './py-space.js';

const TRANSLATE: Record<string, string> = {
  '\u00f8': 'o', '\u0111': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l',
  '\u0167': 't', '\u0180': 'b', '\u0183': 'b', '\u0188': 'c', '\u018c': 'd',
  '\u0192': 'f', '\u0199': 'k', '\u019a': 'l', '\u019e': 'n', '\u01a5': 'p',
  '\u01ab': 't', '\u01ad': 't', '\u01b4': 'y', '\u01b6': 'z', '\u01e5': 'g',
  '\u0225': 'z', '\u0234': 'l', '\u0235': 'n', '\u0236': 't', '\u0237': 'j',
  '\u023c': 'c', '\u023f': 's', '\u0240': 'z', '\u0247': 'e', '\u0249': 'j',
  '\u024b': 'q', '\u024d': 'r', '\u024f': 'y',
  // digraphs
  '\u00df': 'sz', '\u00e6': 'ae', '\u0153': 'oe', '\u0238': 'db', '\u0239': 'qp',
};

/** `str.split()`; the name outside the parser uses for it. */
export { pySplit as splitWhitespace } from './py-space.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** docutils `make_id`: an identifier matching `[a-z](-?[a-z0-9]+)*`. */
export function makeId(value: string): string {
  let id = value.toLowerCase();
  // ASCII has nothing to translate or decompose: skip the per-character pass.
  if (NON_ASCII.test(id)) {
    id = Array.from(id, (ch) => TRANSLATE[ch] ?? ch).join('');
    id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  }
  id = pySplit(id).join(' ').replace(/[^a-z0-9]+/g, '-');
  return id.replace(/^[-0-9]+|-+$/g, '');
}

export function fullyNormalizeName(name: string): string {
  return pySplit(name.toLowerCase()).join(' ');
}

export function whitespaceNormalizeName(name: string): string {
  return pySplit(name).join(' ');
}

/**
 * docutils keeps backslash-escaped characters as NUL + char inside text;
 * `unescape` drops the NULs (and escaped white space altogether).
 */
export function unescape(value: string, restoreBackslashes = false): string {
  if (restoreBackslashes) return value.replace(/\x00/g, '\\');
  return value.replace(/\x00[ \n]?/g, '');
}

/**
 * docutils `escape2null`: every escaping backslash becomes NUL (the escaped
 * character stays), so indices are unchanged and map straight to the source.
 */
export function escapeToNull(text: string): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let start = 0;
  for (;;) {
    const found = text.indexOf('\\', start);
    if (found < 0) return out + text.slice(start);
    out += text.slice(start, found) + '\x00' + text.slice(found + 1, found + 2);
    start = found + 2;
  }
}

/** docutils `split_escaped_whitespace`: split on escaped (NUL-prefixed) spaces and line breaks. */
export function splitEscapedWhitespace(value: string): string[] {
  return value.split('\x00 ').flatMap((part) => part.split('\x00\n'));
}
