/**
 * The few Python built-ins whose exact behaviour (and error wording) shows
 * through docutils' directive messages: `int()`, `str.split()`,
 * `str.strip()`, `chr()`. Directive errors quote these messages verbatim
 * ("invalid literal for int() with base 10: 'two'"), so they live in one
 * place, phrased as CPython 3.11 phrases them.
 */

import { pythonStringRepr } from '../pformat.js';
import { pyNumberText } from '../py-space.js';
import { OptionError } from './types.js';

/** The `str` methods, with the other built-ins directives use. */
export { isPySpace, pyLstrip, pyRstrip, pySplit, pyStrip } from '../py-space.js';

/** Python `repr()` of an option value (a string or None). */
export function pyRepr(value: string | null): string {
  return value === null ? 'None' : pythonStringRepr(value);
}

/**
 * The OSError text Python gives when `open(path)` finds no file: "File name
 * too long" (Linux's limits: 255 bytes a name, 4,095 a path) before "No such
 * file or directory", the path as `repr()` shows it.
 */
export function pyOpenError(path: string): string {
  const bytes = (value: string) => Buffer.byteLength(value, 'utf8');
  const tooLong = bytes(path) > 4095 || path.split('/').some((name) => bytes(name) > 255);
  return tooLong ? `[Errno 36] File name too long: ${pyRepr(path)}` : `[Errno 2] No such file or directory: ${pyRepr(path)}`;
}

/** Python `len()` of a string: code points, not UTF-16 units. */
export function pyLen(value: string): number {
  return Array.from(value).length;
}

const INT_LITERAL = /^[+-]?[0-9]+(?:_[0-9]+)*$/;

/** Python 3.11's `sys.get_int_max_str_digits()`: int() refuses longer decimal strings. */
const INT_MAX_STR_DIGITS = 4300;

/**
 * Python `int(text)` in base 10: optional surrounding white space, an
 * optional sign, decimal digits (any script's, as Python takes them) with
 * single `_` separators. The value as a bigint, so huge values keep every
 * digit; else why Python raises ValueError: not a literal, or the number
 * of digits past its limit.
 */
function readPyInt(text: string): bigint | { notLiteral: true } | { digits: number } {
  const ascii = pyNumberText(text);
  if (!INT_LITERAL.test(ascii)) return { notLiteral: true };
  const digits = ascii.replace(/[^0-9]/g, '').length;
  return digits > INT_MAX_STR_DIGITS ? { digits } : BigInt(ascii.replace(/_/g, ''));
}

/** Python `int(text)` in base 10 (see `readPyInt`); undefined where Python raises ValueError. */
export function parsePyInt(text: string): bigint | undefined {
  const read = readPyInt(text);
  return typeof read === 'bigint' ? read : undefined;
}

/**
 * Python `int(value)` for a decimal string, raising as Python does.
 * Returns a bigint so huge values keep their magnitude (docutils reports
 * "code too large" for them).
 */
export function pyIntBig(value: string | null): bigint {
  if (value === null) {
    throw new OptionError(
      "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
    );
  }
  const read = readPyInt(value);
  if (typeof read === 'bigint') return read;
  if ('digits' in read) {
    throw new OptionError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${read.digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  throw new OptionError(`invalid literal for int() with base 10: ${pythonStringRepr(value)}`);
}

/** Python `int(value)`, as a number (directive options are small). */
export function pyInt(value: string | null): number {
  return Number(pyIntBig(value));
}

const C_INT_MAX = 2n ** 31n - 1n;

/** Thrown by `pyChr`, named after the Python exception it stands for. */
export class PythonError extends Error {
  constructor(
    readonly pythonType: 'ValueError' | 'OverflowError',
    message: string,
  ) {
    super(message);
  }
}

/** Python `chr(code)`, with its two failure modes. */
export function pyChr(code: bigint): string {
  if (code > C_INT_MAX) throw new PythonError('OverflowError', 'Python int too large to convert to C int');
  if (code < 0n || code >= 0x110000n) throw new PythonError('ValueError', 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(Number(code));
}

/** Python `str.expandtabs(width)`: columns restart after every line break. */
export function pyExpandTabs(value: string, width: number): string {
  let out = '';
  let column = 0;
  for (const ch of value) {
    if (ch === '\t') {
      if (width > 0) {
        const spaces = width - (column % width);
        out += ' '.repeat(spaces);
        column += spaces;
      }
    } else if (ch === '\n' || ch === '\r') {
      out += ch;
      column = 0;
    } else {
      out += ch;
      column += 1;
    }
  }
  return out;
}

/** Python slice `list[start:end]` with negative and missing bounds. */
export function pySlice<T>(list: T[], start: number | null, end: number | null): T[] {
  const n = list.length;
  const norm = (i: number | null, fallback: number): number => {
    if (i === null) return fallback;
    if (i < 0) return Math.max(0, n + i);
    return Math.min(i, n);
  };
  return list.slice(norm(start, 0), norm(end, n));
}
