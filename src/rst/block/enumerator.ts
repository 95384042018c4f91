/**
 * Enumerated-list markers: formats, sequences and ordinals, as docutils'
 * `Body.enum` and `parse_enumerator` / `make_enumerator` define them.
 */

export type EnumFormat = 'parens' | 'rparen' | 'period';

export const FORMAT_INFO: Record<EnumFormat, { prefix: string; suffix: string }> = {
  parens: { prefix: '(', suffix: ')' },
  rparen: { prefix: '', suffix: ')' },
  period: { prefix: '', suffix: '.' },
};

export const SEQUENCES = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'] as const;
export type Sequence = (typeof SEQUENCES)[number] | '#';

const SEQUENCE_PATTERNS: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};

const ENUM = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
export const ENUMERATOR_PATTERN = new RegExp(
  `^((?<parens>\\(${ENUM}\\))|(?<rparen>${ENUM}\\))|(?<period>${ENUM}\\.))( +|$)`,
);

const ROMAN: [string, number][] = [
  ['M', 1000], ['CM', 900], ['D', 500], ['CD', 400], ['C', 100], ['XC', 90],
  ['L', 50], ['XL', 40], ['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1],
];

export function toRoman(n: number): string | null {
  if (n <= 0 || n >= 5000) return null;
  let out = '';
  for (const [sym, val] of ROMAN) {
    while (n >= val) {
      out += sym;
      n -= val;
    }
  }
  return out;
}

/** The roman package's strict parse: null where it raises InvalidRomanNumeralError. */
export function fromRoman(s: string): number | null {
  if (!/^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(s) || s === '') return null;
  let result = 0;
  let index = 0;
  for (const [sym, val] of ROMAN) {
    while (s.startsWith(sym, index)) {
      result += val;
      index += sym.length;
    }
  }
  return result;
}

function ordinalOf(sequence: Sequence, value: string): number | null {
  switch (sequence) {
    case '#':
      return 1;
    case 'arabic':
      return parseInt(value, 10);
    case 'loweralpha':
      return value.charCodeAt(0) - 'a'.charCodeAt(0) + 1;
    case 'upperalpha':
      return value.charCodeAt(0) - 'A'.charCodeAt(0) + 1;
    case 'lowerroman':
      return fromRoman(value.toUpperCase());
    case 'upperroman':
      return fromRoman(value);
  }
}

export interface ParsedEnumerator {
  format: EnumFormat;
  sequence: Sequence;
  text: string;
  ordinal: number | null;
}

export function parseEnumerator(match: RegExpExecArray, expected?: string): ParsedEnumerator {
  const groups = match.groups ?? {};
  const format = (['parens', 'rparen', 'period'] as const).find((f) => groups[f] !== undefined)!;
  const raw = groups[format]!;
  const text = format === 'parens' ? raw.slice(1, -1) : raw.slice(0, -1);
  let sequence: Sequence | '' = '';
  if (text === '#') sequence = '#';
  else if (expected) {
    if (SEQUENCE_PATTERNS[expected]?.test(text)) sequence = expected as Sequence;
  } else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) sequence = SEQUENCES.find((s) => SEQUENCE_PATTERNS[s]!.test(text)) ?? 'arabic';
  return { format, sequence, text, ordinal: ordinalOf(sequence, text) };
}

export function makeEnumerator(ordinal: number, sequence: Sequence, format: EnumFormat): [string, string] | null {
  let enumerator: string;
  if (sequence === '#') enumerator = '#';
  else if (sequence === 'arabic') enumerator = String(ordinal);
  else {
    if (sequence.endsWith('alpha')) {
      if (ordinal > 26) return null;
      enumerator = String.fromCharCode(ordinal + 'a'.charCodeAt(0) - 1);
    } else {
      const roman = toRoman(ordinal);
      if (roman === null) return null;
      enumerator = roman;
    }
    enumerator = sequence.startsWith('lower') ? enumerator.toLowerCase() : enumerator.toUpperCase();
  }
  const info = FORMAT_INFO[format];
  return [`${info.prefix}${enumerator}${info.suffix} `, `${info.prefix}#${info.suffix} `];
}
