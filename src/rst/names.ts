/**
 * Name and id normalisation, as docutils' `nodes.make_id`,
 * `fully_normalize_name` and `whitespace_normalize_name` do it.
 */

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

/**
 * The characters Python's `str.isspace()` accepts, as the body of a regex
 * character class. Not JavaScript's `\s`, which also has U+FEFF and lacks
 * \x1c-\x1f and \x85.
 */
export const PY_SPACE_CLASS = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const PY_SPACE_RUN = new RegExp(`[${PY_SPACE_CLASS}]+`);

/** Python's `str.split()` with no argument: split on runs of white space. */
export function splitWhitespace(value: string): string[] {
  return value.split(PY_SPACE_RUN).filter((part) => part !== '');
}

const NON_ASCII = /[^\x00-\x7f]/;

/** docutils `make_id`: an identifier matching `[a-z](-?[a-z0-9]+)*`. */
export function makeId(value: string): string {
  let id = value.toLowerCase();
  // ASCII has nothing to translate or decompose: skip the per-character pass.
  if (NON_ASCII.test(id)) {
    id = Array.from(id, (ch) => TRANSLATE[ch] ?? ch).join('');
    id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  }
  id = splitWhitespace(id).join(' ').replace(/[^a-z0-9]+/g, '-');
  return id.replace(/^[-0-9]+|-+$/g, '');
}

export function fullyNormalizeName(name: string): string {
  return splitWhitespace(name.toLowerCase()).join(' ');
}

export function whitespaceNormalizeName(name: string): string {
  return splitWhitespace(name).join(' ');
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

/** Python's `str.isspace()` for one UTF-16 unit (none of its characters are astral). */
export function isPySpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python's `str.rstrip()`, in linear time (a `\s+$` regex is quadratic on long blank runs). */
export function rstrip(value: string): string {
  let end = value.length;
  while (end > 0 && isPySpace(value[end - 1]!)) end--;
  return end === value.length ? value : value.slice(0, end);
}

/** Python's `str.lstrip()`. */
export function lstrip(value: string): string {
  let start = 0;
  while (start < value.length && isPySpace(value[start]!)) start++;
  return start === 0 ? value : value.slice(start);
}

/** Python's `str.strip()`. */
export function strip(value: string): string {
  return lstrip(rstrip(value));
}
