/**
 * Directive option converters, after `docutils.parsers.rst.directives`.
 * Each takes the option's raw text (null when the field had no body) and
 * returns the converted value or throws `OptionError` with docutils' text;
 * `run.ts` wraps the text as "invalid option value: (option: ...)".
 */

import { makeId, unescape } from '../names.js';
import { splitlines } from '../pformat.js';
import { OptionError, type OptionConverter } from './types.js';
import { PythonError, pyChr, pyInt, pyLen, pyRepr, pySplit, pyStrip } from './python.js';

/** Python's `AttributeError`/`TypeError` text when a converter gets None where it needs a string. */
const NONE_NOT_STRING = "expected string or bytes-like object, got 'NoneType'";

export function flag(argument: string | null): null {
  if (argument && pyStrip(argument)) {
    throw new OptionError(`no argument is allowed; "${argument}" supplied`);
  }
  return null;
}

export function unchangedRequired(argument: string | null): string {
  if (argument === null) throw new OptionError('argument required but none supplied');
  return argument;
}

export function unchanged(argument: string | null): string {
  return argument ?? '';
}

/** A path with its line breaks (and the space around them) removed. */
export function path(argument: string | null): string {
  if (argument === null) throw new OptionError('argument required but none supplied');
  return splitlines(argument).map(pyStrip).join('');
}

import { escapeToNull, splitEscapedWhitespace } from '../names.js';
export { escapeToNull, splitEscapedWhitespace };

/** A URI with unescaped white space removed; escaped spaces survive. */
export function uri(argument: string | null): string {
  if (argument === null) throw new OptionError('argument required but none supplied');
  return splitEscapedWhitespace(escapeToNull(argument))
    .map((part) => pySplit(unescape(part)).join(''))
    .join(' ');
}

export function nonnegativeInt(argument: string | null): number {
  const value = pyInt(argument);
  if (value < 0) throw new OptionError('negative value; must be positive or zero');
  return value;
}

export function positiveInt(argument: string | null): number {
  const value = pyInt(argument);
  if (value < 1) throw new OptionError('negative or zero value; must be positive');
  return value;
}

/** Integer percentage with an optional percent sign. */
export function percentage(argument: string | null): number {
  const value = argument === null ? null : argument.replace(/[ %]+$/, '');
  return nonnegativeInt(value);
}

export const LENGTH_UNITS = ['em', 'ex', 'px', 'in', 'cm', 'mm', 'pt', 'pc'];

/** Python's `float()` on the digits-and-dots part of a measure. */
const FLOAT_DIGITS = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/;

const MEASURES = new Map<string, RegExp>();

/** `argument` as "<value><unit>" when it is a positive measure in one of `units`. */
function matchMeasure(argument: string, units: string[]): string | undefined {
  const key = units.join('|');
  let pattern = MEASURES.get(key);
  if (!pattern) {
    // Python's `$` also matches before a final newline.
    pattern = new RegExp(`^([0-9.]+) *(${key})(?:\\n)?$`);
    MEASURES.set(key, pattern);
  }
  const match = pattern.exec(argument);
  return match && FLOAT_DIGITS.test(match[1]!) ? match[1]! + match[2]! : undefined;
}

/** A positive measure in one of `units`, normalised to "<value><unit>". */
export function getMeasure(argument: string | null, units: string[]): string {
  if (argument === null) throw new OptionError(NONE_NOT_STRING);
  const measure = matchMeasure(argument, units);
  if (measure === undefined) {
    throw new OptionError(
      `not a positive measure of one of the following units:\n${units.map((u) => `"${u}"`).join(' ')}`,
    );
  }
  return measure;
}

export function lengthOrUnitless(argument: string | null): string {
  return getMeasure(argument, [...LENGTH_UNITS, '']);
}

const LENGTHS_AND_PERCENT = [...LENGTH_UNITS, '%'];

/** A length or percentage; a bare number gets `defaultUnit`. */
export function lengthOrPercentageOrUnitless(argument: string | null, defaultUnit = ''): string {
  if (argument !== null) {
    const measure = matchMeasure(argument, LENGTHS_AND_PERCENT);
    if (measure !== undefined) return measure;
    const bare = matchMeasure(argument, ['']);
    if (bare !== undefined) return bare + defaultUnit;
  }
  // Not a measure: getMeasure says why.
  return getMeasure(argument, LENGTHS_AND_PERCENT);
}

/** Class names, each made into a valid id. */
export function classOption(argument: string | null): string[] {
  if (argument === null) throw new OptionError('argument required but none supplied');
  return pySplit(argument).map((name) => {
    const className = makeId(name);
    if (!className) throw new OptionError(`cannot make "${name}" into a class name`);
    return className;
  });
}

const UNICODE_PATTERN = /^(?:(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)|&#x([0-9a-f]+);)$/i;

/**
 * A character code (decimal, `0x`/`x`/`\x`/`U+`/`u`/`\u` hex, or `&#x..;`)
 * as the character; other text is returned unchanged. `chr()` range errors
 * surface as `PythonError` (docutils lets them through as ValueError).
 */
export function unicodeCode(code: string): string {
  try {
    if (/^[0-9]+$/.test(code)) return pyChr(BigInt(code));
    const match = UNICODE_PATTERN.exec(code);
    if (match) return pyChr(BigInt(`0x${match[1] ?? match[2]}`));
    return code;
  } catch (error) {
    if (error instanceof PythonError && error.pythonType === 'OverflowError') {
      throw new PythonError('ValueError', `code too large (${error.message})`);
    }
    throw error;
  }
}

/** `unicodeCode`, with Python's errors turned into option errors. */
function unicodeCodeOption(code: string): string {
  try {
    return unicodeCode(code);
  } catch (error) {
    if (error instanceof PythonError) throw new OptionError(error.message);
    throw error;
  }
}

export function singleCharOrUnicode(argument: string | null): string {
  if (argument === null) throw new OptionError(NONE_NOT_STRING);
  const char = unicodeCodeOption(argument);
  if (pyLen(char) > 1) {
    throw new OptionError(`${pyRepr(char)} invalid; must be a single character or a Unicode code`);
  }
  return char;
}

export function singleCharOrWhitespaceOrUnicode(argument: string | null): string {
  if (argument === 'tab') return '\t';
  if (argument === 'space') return ' ';
  return singleCharOrUnicode(argument);
}

export function positiveIntList(argument: string | null): number[] {
  if (argument === null) throw new OptionError("argument of type 'NoneType' is not iterable");
  const entries = argument.includes(',') ? argument.split(',') : pySplit(argument);
  return entries.map(positiveInt);
}

/** Codec names Python's `codecs.lookup` knows, normalised (lower case, `_` for `-` and space). */
const KNOWN_ENCODINGS = new Set([
  'ascii', 'us_ascii', 'utf_8', 'utf8', 'u8', 'utf', 'utf_8_sig', 'utf_16', 'utf16', 'utf_16_le',
  'utf_16_be', 'utf_32', 'utf32', 'utf_32_le', 'utf_32_be', 'latin_1', 'latin1', 'latin', 'l1',
  'iso8859_1', 'iso_8859_1', 'iso8859', 'cp1252', 'windows_1252', 'cp1250', 'cp1251', 'cp437',
  'cp850', 'iso8859_2', 'iso_8859_2', 'iso8859_15', 'iso_8859_15', 'koi8_r', 'koi8_u', 'mac_roman',
  'macroman', 'shift_jis', 'sjis', 'euc_jp', 'euc_kr', 'gb2312', 'gbk', 'gb18030', 'big5', 'utf_7',
]);

export function encoding(argument: string | null): string {
  const normalized = (argument ?? '').toLowerCase().replace(/[- ]/g, '_');
  if (!KNOWN_ENCODINGS.has(normalized)) throw new OptionError(`unknown encoding: "${argument}"`);
  return argument!;
}

function formatValues(values: readonly string[]): string {
  const head = values.slice(0, -1).map((v) => `"${v}"`).join(', ');
  return `${head}, or "${values[values.length - 1]}"`;
}

/** One of `values` (compared lower-cased and stripped). */
export function choice(argument: string | null, values: readonly string[]): string {
  if (argument === null) {
    throw new OptionError(`must supply an argument; choose from ${formatValues(values)}`);
  }
  const value = pyStrip(argument.toLowerCase());
  if (values.includes(value)) return value;
  throw new OptionError(`"${argument}" unknown; choose from ${formatValues(values)}`);
}

/** A converter accepting any of `values` as is, else converting with `other`. */
export function valueOr(values: readonly string[], other: OptionConverter): OptionConverter {
  return (argument) => (argument !== null && values.includes(argument) ? argument : other(argument));
}

/** Python's bare `int` used as a converter (sectnum's depth/start, include's line numbers). */
export function integer(argument: string | null): number {
  return pyInt(argument);
}
