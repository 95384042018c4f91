/**
 * White space as Python's `str` sees it (`str.isspace()`, `strip()`,
 * `split()`, `\s` in a `str` pattern), which is what docutils tests with.
 * JavaScript's `trim()` and `\s` differ: they count U+FEFF, and miss
 * \x1c-\x1f and \x85.
 *
 * Only docutils' own literal-space tests (`' *$'`, `[ ]`, `line[0] == ' '`)
 * are narrower; they stay spelled as spaces where they are used.
 */

/** The characters of `str.isspace()`, as the body of a regex character class. */
export const PY_SPACE_CLASS = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** `str.isspace()` for one UTF-16 unit (none of its characters are astral). */
export function isPySpaceCode(c: number): boolean {
  if (c > 0x20) {
    // Printable ASCII, the common case, is settled by one comparison.
    if (c < 0x85) return false;
    return c === 0x85 || c === 0xa0 || (c >= 0x1680 && isWideSpaceCode(c));
  }
  return c === 0x20 || c >= 0x1c || (c >= 0x09 && c <= 0x0d);
}

function isWideSpaceCode(c: number): boolean {
  return (
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/** `str.isspace()` for the first UTF-16 unit of `ch`. */
export function isPySpace(ch: string): boolean {
  return isPySpaceCode(ch.charCodeAt(0));
}

/**
 * What `int()` strips: ASCII white space only as C's `isspace()` has it
 * (not \x1c-\x1f), other white space as `str.isspace()` has it.
 */
function isIntSpaceCode(c: number): boolean {
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : isPySpaceCode(c);
}

/** Index of the first unit of `value` that is not white space. */
function firstNonSpace(value: string, isSpace: (c: number) => boolean): number {
  let start = 0;
  while (start < value.length && isSpace(value.charCodeAt(start))) start++;
  return start;
}

/** Index after the last unit of `value` that is not white space. */
function endOfNonSpace(value: string, isSpace: (c: number) => boolean): number {
  let end = value.length;
  while (end > 0 && isSpace(value.charCodeAt(end - 1))) end--;
  return end;
}

/** `str.rstrip()`, in linear time (a `\s+$` regex is quadratic on long blank runs). */
export function pyRstrip(value: string): string {
  const end = endOfNonSpace(value, isPySpaceCode);
  return end === value.length ? value : value.slice(0, end);
}

/** `str.lstrip()`. */
export function pyLstrip(value: string): string {
  const start = firstNonSpace(value, isPySpaceCode);
  return start === 0 ? value : value.slice(start);
}

/** `str.strip()`. */
export function pyStrip(value: string): string {
  return pyLstrip(pyRstrip(value));
}

/** The white space `int()` ignores around its digits, stripped. */
export function intStrip(value: string): string {
  return value.slice(firstNonSpace(value, isIntSpaceCode), endOfNonSpace(value, isIntSpaceCode));
}

/**
 * The text `int()` and `float()` parse, as CPython makes it: stripped of
 * the white space `int()` ignores, and every script's decimal digits as
 * ASCII ones ("١٠٠٠" is 1000 to Python). Other characters stay, to fail
 * the caller's pattern as they fail Python.
 */
export function pyNumberText(value: string): string {
  const stripped = intStrip(value);
  if (/^[\x00-\x7f]*$/.test(stripped)) return stripped;
  let out = '';
  for (const ch of stripped) out += DECIMAL_DIGIT.test(ch) ? digitValue(ch) : ch;
  return out;
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * A decimal digit's value. Unicode puts every script's digits in runs of
 * ten from zero, some runs back to back (the mathematical digits): the
 * value counts from the start of the run.
 */
function digitValue(ch: string): string {
  const code = ch.codePointAt(0)!;
  let start = code;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return String((code - start) % 10);
}

/** Length of the leading white space, `len(s) - len(s.lstrip())`. */
export function leadingSpace(value: string): number {
  return firstNonSpace(value, isPySpaceCode);
}

/**
 * `not s.strip()`: the line is empty or white space only. Runs for most
 * lines of a document, so it stops at the first other character.
 */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined) return true;
  for (let i = 0; i < value.length; i++) if (!isPySpaceCode(value.charCodeAt(i))) return false;
  return true;
}

/**
 * `str.split(None, maxsplit)`: the words between white-space runs; once
 * `maxsplit` splits are made the remainder is kept whole (leading space
 * removed, trailing space kept), as Python does.
 */
export function pySplit(value: string, maxsplit = -1): string[] {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    while (i < value.length && isPySpaceCode(value.charCodeAt(i))) i++;
    if (i === value.length) return parts;
    if (parts.length === maxsplit) {
      parts.push(value.slice(i));
      return parts;
    }
    const start = i;
    while (i < value.length && !isPySpaceCode(value.charCodeAt(i))) i++;
    parts.push(value.slice(start, i));
  }
}
