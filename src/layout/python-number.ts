/**
 * Numbers as Hovercraft's position code sees them: Python `int` or `float`.
 *
 * The kind matters because the page shows `str()` of the value: an int
 * prints "1600", a float "1600.0". Hovercraft reads a field with
 * `int(s)` and falls back to `float(s)`; int + float gives a float; path
 * coordinates are truncated to ints; angles are floats except an exact 0.
 */

import { pyNumberText } from '../rst/py-space.js';

export interface PyNumber {
  value: number;
  /** True for a Python int, false for a float. */
  isInt: boolean;
}

export function pyInt(value: number): PyNumber {
  return { value: Math.trunc(value), isInt: true };
}

export function pyFloat(value: number): PyNumber {
  return { value, isInt: false };
}

export function pyAdd(a: PyNumber, b: PyNumber): PyNumber {
  return { value: a.value + b.value, isInt: a.isInt && b.isInt };
}

// Python's int() and float() accept surrounding white space, single
// underscores between digits ("1_000"), and any script's decimal digits
// (pyNumberText makes those ASCII).
const DIGITS = String.raw`\d(?:_?\d)*`;
const INT_RE = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_RE = new RegExp(
  `^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`,
  'i',
);

/**
 * Hovercraft's `num(s)`: `int(s)`, else `float(s)`; undefined where Python
 * raises (the value is not a number).
 */
export function parsePyNumber(text: string): PyNumber | undefined {
  const trimmed = pyNumberText(text);
  if (INT_RE.test(trimmed)) return pyInt(Number(trimmed.replace(/_/g, '')));
  if (!FLOAT_RE.test(trimmed)) return undefined;
  const lower = trimmed.toLowerCase().replace(/_/g, '');
  const sign = lower.startsWith('-') ? -1 : 1;
  const bare = lower.replace(/^[+-]/, '');
  if (bare === 'inf' || bare === 'infinity') return pyFloat(sign * Infinity);
  if (bare === 'nan') return pyFloat(NaN);
  return pyFloat(Number(lower));
}

/** Python's `str()` of the number. */
export function formatPyNumber(num: PyNumber): string {
  if (num.isInt) return formatInt(num.value);
  return formatFloat(num.value);
}

function formatInt(value: number): string {
  // Ints above 2**53 only come from absurd input; print them in full.
  return Number.isSafeInteger(value) ? String(value) : BigInt(Math.trunc(value)).toString();
}

/**
 * Python's float repr: the shortest digits that round-trip (as JavaScript
 * finds them too), in fixed notation when the decimal exponent is between
 * -4 and 16, else in exponent notation with at least two exponent digits.
 */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa!.replace('.', '');
  const exponent = Number(exponentText);
  // Python's decpt: the value is 0.DIGITS × 10**decpt.
  const decpt = exponent + 1;
  if (decpt > -4 && decpt <= 16) return sign + fixedNotation(digits, decpt);
  const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function fixedNotation(digits: string, decpt: number): string {
  if (decpt <= 0) return `0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}
