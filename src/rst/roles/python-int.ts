import { intStrip } from '../py-space.js';

/**
 * Python's `int(text)` for the PEP and RFC roles: optional surrounding white
 * space, an optional sign, decimal digits with single `_` separators.
 * Undefined where Python raises ValueError.
 */
export function parsePythonInt(value: string): number | undefined {
  const match = /^([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u.exec(intStrip(value));
  if (!match) return undefined;
  let digits = '';
  for (const ch of match[2]!.replace(/_/g, '')) {
    // Any Unicode decimal digit counts, as in Python; map it to 0-9.
    const code = ch.codePointAt(0)!;
    digits += code >= 0x30 && code <= 0x39 ? ch : String(unicodeDigitValue(ch));
  }
  const number = Number(digits);
  return match[1] === '-' ? -number : number;
}

function unicodeDigitValue(ch: string): number {
  // Decimal digits come in contiguous blocks of ten starting at a zero.
  let code = ch.codePointAt(0)!;
  let value = 0;
  while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - 1))) {
    code--;
    value++;
  }
  return value;
}
