/** The CSV reader behaves as Python's `csv.reader` with docutils' dialects. */
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvDialect } from '../../src/rst/directives/csv.js';

const DOCUTILS: CsvDialect = {
  delimiter: ',',
  quotechar: '"',
  escapechar: null,
  doublequote: true,
  skipinitialspace: true,
  strict: true,
};

const read = (lines: string[], dialect: CsvDialect = DOCUTILS): string[][] | string => {
  try {
    return readCsv(lines.map((l) => `${l}\n`), dialect);
  } catch (error) {
    return `Error: ${(error as Error).message}`;
  }
};

describe('CSV reader', () => {
  it('splits fields, honours quotes, and keeps an empty line as an empty row', () => {
    expect(read(['a, "b, c", d', '', '"multi', 'line", x'])).toEqual([['a', 'b, c', 'd'], [], ['multi\nline', 'x']]);
    expect(read(['a,"b""c"', ' x'])).toEqual([['a', 'b"c'], ['x']]);
  });

  it('reports the errors Python reports', () => {
    expect(read(['"abc" d'])).toBe(`Error: ',' expected after '"'`);
    expect(read(['"abc'])).toBe('Error: unexpected end of data');
  });

  it('uses an escape character instead of doubled quotes when asked', () => {
    const escaped = { ...DOCUTILS, doublequote: false, escapechar: '\\' };
    expect(read(['a\\,b, c\\', 'd'], escaped)).toEqual([['a,b', 'c\nd']]);
    expect(read(['a\\,b, c\\'], escaped)).toBe('Error: unexpected end of data');
  });

  it('keeps leading spaces when skipinitialspace is off', () => {
    expect(read(['a, b'], { ...DOCUTILS, skipinitialspace: false })).toEqual([['a', ' b']]);
    expect(read(['a;b'], { ...DOCUTILS, delimiter: ';' })).toEqual([['a', 'b']]);
  });
});
