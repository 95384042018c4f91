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

/** The keys of Python 3.11's `encodings.aliases.aliases` whose codec exists on every platform. */
const ENCODING_ALIASES = new Set([
  '037', '1026', '1125', '1140', '1250', '1251', '1252', '1253', '1254', '1255', '1256', '1257', '1258',
  '273', '424', '437', '500', '646', '775', '850', '852', '855', '857', '858', '860', '861', '862', '863',
  '864', '865', '866', '869', '8859', '932', '936', '949', '950', 'ansi_x3.4_1968', 'ansi_x3.4_1986',
  'ansi_x3_4_1968', 'arabic', 'asmo_708', 'base64', 'base_64', 'big5_hkscs', 'big5_tw', 'bz2', 'chinese',
  'cp1051', 'cp1361', 'cp154', 'cp367', 'cp65001', 'cp819', 'cp866u', 'cp936', 'cp_gr', 'cp_is', 'csascii',
  'csbig5', 'csibm037', 'csibm1026', 'csibm273', 'csibm424', 'csibm500', 'csibm855', 'csibm857', 'csibm858',
  'csibm860', 'csibm861', 'csibm863', 'csibm864', 'csibm865', 'csibm866', 'csibm869', 'csiso2022jp',
  'csiso2022kr', 'csiso58gb231280', 'csisolatin1', 'csisolatin2', 'csisolatin3', 'csisolatin4',
  'csisolatin5', 'csisolatin6', 'csisolatinarabic', 'csisolatincyrillic', 'csisolatingreek',
  'csisolatinhebrew', 'cskoi8r', 'cspc775baltic', 'cspc850multilingual', 'cspc862latinhebrew',
  'cspc8codepage437', 'cspcp852', 'csptcp154', 'csshiftjis', 'cyrillic', 'cyrillic_asian', 'ebcdic_cp_be',
  'ebcdic_cp_ca', 'ebcdic_cp_ch', 'ebcdic_cp_he', 'ebcdic_cp_nl', 'ebcdic_cp_us', 'ebcdic_cp_wt', 'ecma_114',
  'ecma_118', 'elot_928', 'euc_cn', 'euc_jis2004', 'euccn', 'eucgb2312_cn', 'eucjis2004', 'eucjisx0213',
  'eucjp', 'euckr', 'gb18030_2000', 'gb2312_1980', 'gb2312_80', 'greek', 'greek8', 'hebrew', 'hex', 'hkscs',
  'hz_gb', 'hz_gb_2312', 'hzgb', 'ibm037', 'ibm039', 'ibm1026', 'ibm1051', 'ibm1125', 'ibm1140', 'ibm273',
  'ibm367', 'ibm424', 'ibm437', 'ibm500', 'ibm775', 'ibm819', 'ibm850', 'ibm852', 'ibm855', 'ibm857',
  'ibm858', 'ibm860', 'ibm861', 'ibm862', 'ibm863', 'ibm864', 'ibm865', 'ibm866', 'ibm869', 'iso2022jp',
  'iso2022jp_1', 'iso2022jp_2', 'iso2022jp_2004', 'iso2022jp_3', 'iso2022jp_ext', 'iso2022kr', 'iso646_us',
  'iso8859', 'iso8859_1', 'iso_2022_jp', 'iso_2022_jp_1', 'iso_2022_jp_2', 'iso_2022_jp_2004',
  'iso_2022_jp_3', 'iso_2022_jp_ext', 'iso_2022_kr', 'iso_646.irv_1991', 'iso_8859_1', 'iso_8859_10',
  'iso_8859_10_1992', 'iso_8859_11', 'iso_8859_11_2001', 'iso_8859_13', 'iso_8859_14', 'iso_8859_14_1998',
  'iso_8859_15', 'iso_8859_16', 'iso_8859_16_2001', 'iso_8859_1_1987', 'iso_8859_2', 'iso_8859_2_1987',
  'iso_8859_3', 'iso_8859_3_1988', 'iso_8859_4', 'iso_8859_4_1988', 'iso_8859_5', 'iso_8859_5_1988',
  'iso_8859_6', 'iso_8859_6_1987', 'iso_8859_7', 'iso_8859_7_1987', 'iso_8859_8', 'iso_8859_8_1988',
  'iso_8859_9', 'iso_8859_9_1989', 'iso_celtic', 'iso_ir_100', 'iso_ir_101', 'iso_ir_109', 'iso_ir_110',
  'iso_ir_126', 'iso_ir_127', 'iso_ir_138', 'iso_ir_144', 'iso_ir_148', 'iso_ir_157', 'iso_ir_166',
  'iso_ir_199', 'iso_ir_226', 'iso_ir_58', 'iso_ir_6', 'jisx0213', 'korean', 'ks_c_5601', 'ks_c_5601_1987',
  'ks_x_1001', 'ksc5601', 'ksx1001', 'kz_1048', 'l1', 'l10', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9',
  'latin', 'latin1', 'latin10', 'latin2', 'latin3', 'latin4', 'latin5', 'latin6', 'latin7', 'latin8',
  'latin9', 'mac_centeuro', 'maccentraleurope', 'maccyrillic', 'macgreek', 'maciceland', 'macintosh',
  'maclatin2', 'macroman', 'macturkish', 'ms1361', 'ms932', 'ms936', 'ms949', 'ms950', 'ms_kanji', 'mskanji',
  'pt154', 'quopri', 'quoted_printable', 'quotedprintable', 'r8', 'rk1048', 'roman8', 'rot13', 'ruscii',
  's_jis', 's_jis_2004', 's_jisx0213', 'shiftjis', 'shiftjis2004', 'shiftjisx0213', 'sjis', 'sjis_2004',
  'sjisx0213', 'strk1048_2002', 'thai', 'tis620', 'tis_620_0', 'tis_620_2529_0', 'tis_620_2529_1', 'u16',
  'u32', 'u7', 'u8', 'u_jis', 'uhc', 'ujis', 'unicode_1_1_utf_7', 'unicodebigunmarked',
  'unicodelittleunmarked', 'us', 'us_ascii', 'utf', 'utf16', 'utf32', 'utf7', 'utf8', 'utf8_ucs2',
  'utf8_ucs4', 'utf_16be', 'utf_16le', 'utf_32be', 'utf_32le', 'uu', 'windows_1250', 'windows_1251',
  'windows_1252', 'windows_1253', 'windows_1254', 'windows_1255', 'windows_1256', 'windows_1257',
  'windows_1258', 'x_mac_japanese', 'x_mac_korean', 'x_mac_simp_chinese', 'x_mac_trad_chinese', 'zip',
  'zlib',
]);

/** The codec modules of Python 3.11's `encodings` package that no alias above names. */
const ENCODING_MODULES = new Set([
  'ascii', 'base64_codec', 'big5', 'big5hkscs', 'bz2_codec', 'charmap', 'cp037', 'cp1006', 'cp1026',
  'cp1125', 'cp1140', 'cp1250', 'cp1251', 'cp1252', 'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257',
  'cp1258', 'cp273', 'cp424', 'cp437', 'cp500', 'cp720', 'cp737', 'cp775', 'cp850', 'cp852', 'cp855',
  'cp856', 'cp857', 'cp858', 'cp860', 'cp861', 'cp862', 'cp863', 'cp864', 'cp865', 'cp866', 'cp869', 'cp874',
  'cp875', 'cp932', 'cp949', 'cp950', 'euc_jis_2004', 'euc_jisx0213', 'euc_jp', 'euc_kr', 'gb18030',
  'gb2312', 'gbk', 'hex_codec', 'hp_roman8', 'hz', 'idna', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2',
  'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext', 'iso2022_kr', 'iso8859_10', 'iso8859_11',
  'iso8859_13', 'iso8859_14', 'iso8859_15', 'iso8859_16', 'iso8859_2', 'iso8859_3', 'iso8859_4', 'iso8859_5',
  'iso8859_6', 'iso8859_7', 'iso8859_8', 'iso8859_9', 'johab', 'koi8_r', 'koi8_t', 'koi8_u', 'kz1048',
  'latin_1', 'mac_arabic', 'mac_croatian', 'mac_cyrillic', 'mac_farsi', 'mac_greek', 'mac_iceland',
  'mac_latin2', 'mac_roman', 'mac_romanian', 'mac_turkish', 'palmos', 'ptcp154', 'punycode', 'quopri_codec',
  'raw_unicode_escape', 'rot_13', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213', 'tis_620', 'undefined',
  'unicode_escape', 'utf_16', 'utf_16_be', 'utf_16_le', 'utf_32', 'utf_32_be', 'utf_32_le', 'utf_7', 'utf_8',
  'utf_8_sig', 'uu_codec', 'zlib_codec',
]);

/**
 * An encoding name as `codecs.lookup` normalises it: lower case, each run
 * of characters other than ASCII letters, digits and `.` one `_` between
 * the others (none at either end).
 */
function normalizeEncoding(name: string): string {
  let out = '';
  let punct = false;
  for (const ch of name) {
    if (/^[A-Za-z0-9.]$/.test(ch)) {
      if (punct && out) out += '_';
      out += ch.toLowerCase();
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/** Whether Python's `codecs.lookup` finds a codec by this name (the `encodings` search function's rules). */
function isKnownEncoding(name: string): boolean {
  const normalized = normalizeEncoding(name);
  if (ENCODING_ALIASES.has(normalized) || ENCODING_ALIASES.has(normalized.replace(/\./g, '_'))) return true;
  return !normalized.includes('.') && ENCODING_MODULES.has(normalized);
}

export function encoding(argument: string | null): string {
  if (!isKnownEncoding(argument ?? '')) throw new OptionError(`unknown encoding: "${argument}"`);
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
