/** Option converters: the values docutils produces and the messages it gives. */
import { describe, expect, it } from 'vitest';
import {
  choice,
  classOption,
  encoding,
  flag,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  nonnegativeInt,
  path,
  percentage,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unicodeCode,
  uri,
  valueOr,
} from '../../src/rst/directives/options.js';
import { OptionError } from '../../src/rst/directives/types.js';

function failure(convert: () => unknown): string {
  try {
    convert();
  } catch (error) {
    if (error instanceof OptionError || error instanceof Error) return error.message;
  }
  return 'no error';
}

describe('option converters', () => {
  it('knows the encodings Python 3.11 knows, by the names codecs.lookup accepts', () => {
    // Each name with what `codecs.lookup` does with it, from CPython 3.11.
    const known = ['utf-', 'UTF8 ', 'latin-', 'iso.8859.1', 'iso8859.1', '8859', '-utf-8-', 'utf--8', 'Shift-JIS', 'base64', 'rot13', 'zip', 'hex', 'utf_8_sig', 'utf\u00e98', 'ANSI_X3.4-1968', 'cp65001', 'koi8_t', 'mac-iceland'];
    const unknown = ['utf.8', 'cp', 'x', 'mbcs', 'oem', 'tactis', 'cshproman8', 'u.t.f.8', '\u00e9bc', ''];
    for (const name of known) expect(encoding(name), name).toBe(name);
    for (const name of unknown) expect(failure(() => encoding(name)), name).toBe(`unknown encoding: "${name}"`);
  });

  it('normalises lengths and percentages', () => {
    expect(lengthOrPercentageOrUnitless('3 pt')).toBe('3pt');
    expect(lengthOrPercentageOrUnitless('3', 'px')).toBe('3px');
    expect(lengthOrPercentageOrUnitless('3%', 'px')).toBe('3%');
    expect(lengthOrUnitless('1.5em')).toBe('1.5em');
    expect(failure(() => lengthOrPercentageOrUnitless('20mc'))).toBe(
      'not a positive measure of one of the following units:\n"em" "ex" "px" "in" "cm" "mm" "pt" "pc" "%"',
    );
    expect(failure(() => lengthOrUnitless('40%'))).toBe(
      'not a positive measure of one of the following units:\n"em" "ex" "px" "in" "cm" "mm" "pt" "pc" ""',
    );
    expect(failure(() => lengthOrUnitless('1.2.3px'))).toContain('not a positive measure');
  });

  it('joins wrapped URIs and paths, keeping escaped spaces in URIs', () => {
    expect(uri('http://a.org/ with\\ space\n  more')).toBe('http://a.org/with spacemore');
    expect(path(' a/b\n  /c.txt ')).toBe('a/b/c.txt');
    expect(failure(() => uri(null))).toBe('argument required but none supplied');
  });

  it('parses integers as Python does', () => {
    expect(nonnegativeInt(' 1_000 ')).toBe(1000);
    expect(percentage('50 %')).toBe(50);
    expect(failure(() => nonnegativeInt('-1'))).toBe('negative value; must be positive or zero');
    expect(failure(() => percentage('fifty'))).toBe("invalid literal for int() with base 10: 'fifty'");
    expect(positiveIntList('1, 2 ,3')).toEqual([1, 2, 3]);
    expect(failure(() => positiveIntList('10,y,z'))).toBe("invalid literal for int() with base 10: 'y'");
    expect(failure(() => positiveIntList('0 0 0'))).toBe('negative or zero value; must be positive');
  });

  it('decodes character codes', () => {
    expect(unicodeCode('U+262E')).toBe('\u262e');
    expect(unicodeCode('&#x262E;')).toBe('\u262e');
    expect(unicodeCode('abc')).toBe('abc');
    expect(failure(() => unicodeCode('0x11111111'))).toBe('chr() arg not in range(0x110000)');
    expect(failure(() => unicodeCode('0x111111111111111111'))).toBe(
      'code too large (Python int too large to convert to C int)',
    );
    expect(singleCharOrWhitespaceOrUnicode('tab')).toBe('\t');
    expect(failure(() => singleCharOrUnicode('multiple'))).toBe(
      "'multiple' invalid; must be a single character or a Unicode code",
    );
  });

  it('makes class names and checks flags and choices', () => {
    expect(classOption('Big  Red-Box')).toEqual(['big', 'red-box']);
    expect(failure(() => classOption('a 1'))).toBe('cannot make "1" into a class name');
    expect(flag(null)).toBeNull();
    expect(failure(() => flag('arg'))).toBe('no argument is allowed; "arg" supplied');
    expect(choice('Top ', ['top', 'bottom'])).toBe('top');
    expect(failure(() => choice('up', ['top', 'middle', 'bottom']))).toBe(
      '"up" unknown; choose from "top", "middle", or "bottom"',
    );
    expect(valueOr(['auto'], positiveIntList)('auto')).toBe('auto');
    expect(valueOr(['auto'], positiveIntList)('2 1')).toEqual([2, 1]);
  });
});
