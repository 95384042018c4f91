import { describe, expect, it } from 'vitest';
import { formatFloat, formatPyNumber, parsePyNumber, pyAdd } from '../../src/layout/python-number.js';

describe('numbers as Hovercraft prints them', () => {
  it('keeps ints and floats apart, as int() then float() read them', () => {
    expect(parsePyNumber('1600')).toEqual({ value: 1600, isInt: true });
    expect(parsePyNumber(' -20 ')).toEqual({ value: -20, isInt: true });
    expect(parsePyNumber('1_000')).toEqual({ value: 1000, isInt: true });
    expect(parsePyNumber('90.0')).toEqual({ value: 90, isInt: false });
    expect(parsePyNumber('.5')).toEqual({ value: 0.5, isInt: false });
    expect(parsePyNumber('1e3')).toEqual({ value: 1000, isInt: false });
    expect(parsePyNumber('r100')).toBeUndefined();
    expect(parsePyNumber('')).toBeUndefined();
    expect(parsePyNumber('100 200')).toBeUndefined();
  });

  it("reads any script's decimal digits and skips Python's white space, as int() and float() do", () => {
    expect(parsePyNumber('\u0661\u0660\u0660\u0660')).toEqual({ value: 1000, isInt: true });
    expect(parsePyNumber('\u0661\u0660.\u0665')).toEqual({ value: 10.5, isInt: false });
    expect(parsePyNumber('\u0665e\u0662')).toEqual({ value: 500, isInt: false });
    expect(parsePyNumber('1_\u0660\u0660\u0660')).toEqual({ value: 1000, isInt: true });
    // Mathematical digits: five runs of ten back to back, each from zero.
    expect(parsePyNumber('\u{1d7d9}\u{1d7ec}')).toEqual({ value: 10, isInt: true });
    expect(parsePyNumber('\x855')).toEqual({ value: 5, isInt: true });
    expect(parsePyNumber('\u20035\u3000')).toEqual({ value: 5, isInt: true });
    expect(parsePyNumber('5\x1f')).toBeUndefined();
    expect(parsePyNumber('\ufeff5')).toBeUndefined();
  });

  it('prints str() of ints and floats', () => {
    expect(formatPyNumber({ value: 1600, isInt: true })).toBe('1600');
    expect(formatPyNumber(pyAdd({ value: 1, isInt: true }, { value: 0.5, isInt: false }))).toBe('1.5');
    expect(formatFloat(90)).toBe('90.0');
    expect(formatFloat(0.7)).toBe('0.7');
    expect(formatFloat(-0.00001)).toBe('-1e-05');
    expect(formatFloat(0.0001)).toBe('0.0001');
    expect(formatFloat(1e16)).toBe('1e+16');
    expect(formatFloat(1234567890123456)).toBe('1234567890123456.0');
    expect(formatFloat(1.5e-7)).toBe('1.5e-07');
    expect(formatFloat(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatFloat(Infinity)).toBe('inf');
  });
});
