import { describe, expect, it } from 'vitest';
import { parseSimpleTable, SIMPLE_TABLE_TOP } from '../../src/rst/tables/index.js';
import { colwidths, el, fakeHost, input, messageText, rowsOf } from './helpers.js';

const EXAMPLE = `=====  =====
col 1  col 2
=====  =====
1      Second column of row 1.
2      Second column of row 2.
       Second line of paragraph.
3      - Second column of row 3.

       - Second item in bullet
         list (row 3, column 2).
4 is a span
------------
5
=====  =====`;

function texts(row: { children: unknown[] }[]): string[] {
  return row.map((entry) => {
    const paragraph = entry.children[0] as { children: { value: string }[] } | undefined;
    // Cells keep their blank lines; the nested parse would drop the trailing ones.
    return paragraph ? paragraph.children[0]!.value.trimEnd() : '';
  });
}

describe('simple tables', () => {
  it('recognises a top border of two columns or more', () => {
    expect(SIMPLE_TABLE_TOP.test('=====  =====')).toBe(true);
    expect(SIMPLE_TABLE_TOP.test('= =  ')).toBe(true);
    expect(SIMPLE_TABLE_TOP.test('==========')).toBe(false);
  });

  it('splits head and body rows, joins continuation lines and widens the last column', () => {
    const { host, document } = fakeHost();
    const result = parseSimpleTable(input(EXAMPLE), 0, host);
    expect(result.nodes).toHaveLength(1);
    expect(result.next).toBe(14);
    const table = el(result.nodes[0]);
    // The last column grows to the longest text running past the border.
    expect(colwidths(table)).toEqual([5, 25]);
    expect(rowsOf(table, 'thead').map(texts)).toEqual([['col 1', 'col 2']]);
    const body = rowsOf(table, 'tbody');
    expect(body.map(texts)).toEqual([
      ['1', 'Second column of row 1.'],
      ['2', 'Second column of row 2.\nSecond line of paragraph.'],
      ['3', '- Second column of row 3.\n\n- Second item in bullet\n  list (row 3, column 2).'],
      ['4 is a span'],
      ['5', ''],
    ]);
    expect(body[3]![0]!.attributes).toEqual({ morecols: 1 });
    expect(document.diagnostics).toEqual([]);
  });

  it('gives cells their source lines, columns and docutils input offset', () => {
    const { host, calls } = fakeHost();
    parseSimpleTable(input(EXAMPLE, 20), 0, host);
    const third = calls.find((call) => call.lines[0] === '- Second column of row 3.')!;
    expect(third.lines1).toEqual([26, 27, 28, 29]);
    expect(third.columns1).toEqual([8, 8, 8, 8]);
    // table line 20 + offset 6 of the row in the table
    expect(third.inputOffset).toBe(26);
    // The empty last cell of row 5 is not parsed.
    expect(calls.some((call) => call.lines.join('') === '')).toBe(false);
  });

  it('reports text in a column margin', () => {
    const { host } = fakeHost();
    const result = parseSimpleTable(input('=====  =====\na    x b\n=====  ====='), 0, host);
    expect(messageText(result.nodes[0])).toBe('Malformed table.\nText in column margin in table line 2.');
    expect(el(result.nodes[0]).attributes.line).toBe(2);
  });

  it('reports column spans that do not line up', () => {
    const source = '=====  =====\na      b\n---  -------\nc      d\n=====  =====';
    const { host } = fakeHost();
    const result = parseSimpleTable(input(source, 5), 0, host);
    expect(messageText(result.nodes[0])).toBe('Malformed table.\nColumn span alignment problem in table line 3.');
    expect(el(result.nodes[0]).attributes.line).toBe(7);
    const literal = el(el(result.nodes[0]).children[1]);
    expect(literal.children[0]).toEqual({ type: 'text', value: source });
  });

  it('reports a bottom border that does not match the top', () => {
    const { host } = fakeHost();
    const result = parseSimpleTable(input('=====  =====\na      b\n======\n'), 0, host);
    expect(messageText(result.nodes[0])).toBe(
      'Malformed table.\nBottom/header table border does not match top border.',
    );
    expect(result.nodes).toHaveLength(1);
    expect(result.next).toBe(3);
  });

  it('reports a missing bottom border and a missing blank line after it', () => {
    const { host } = fakeHost();
    const lines = input('para\n\n=====  =====\na      b\n=====  =====\nnext');
    const result = parseSimpleTable(lines, 2, host);
    expect(messageText(result.nodes[0])).toBe(
      'Malformed table.\nNo bottom table border found or no blank line after table bottom.',
    );
    expect(el(result.nodes[0]).attributes.line).toBe(3);
    expect(messageText(result.nodes[1])).toBe('Blank line required after table.');
    expect(el(result.nodes[1]).attributes.line).toBe(6);
    expect(result.next).toBe(5);

    const open = parseSimpleTable(input('=====  =====\na      b'), 0, fakeHost().host);
    expect(messageText(open.nodes[0])).toBe('Malformed table.\nNo bottom table border found.');
    expect(open.nodes).toHaveLength(1);
    expect(open.next).toBe(2);
  });

  it('takes a second table top as the bottom border, as docutils does', () => {
    const source = '=====  =====\na      b\n=====  =====\nmore\n\n=====  =====\na      b\nnothing';
    const { host } = fakeHost();
    const result = parseSimpleTable(input(source), 0, host);
    const table = el(result.nodes[0]);
    expect(rowsOf(table, 'thead').map(texts)).toEqual([['a', 'b']]);
    expect(rowsOf(table, 'tbody').map(texts)).toEqual([['more', '']]);
    expect(el(result.nodes[1]).attributes.line).toBe(7);
    expect(result.next).toBe(6);
  });

  it('cuts a wide character off as docutils does when combining characters shift the columns', () => {
    // docutils carries the column shift of one line's combining character
    // over to the following lines, so the emoji's cell starts at its pad.
    const source = [
      '======   =====  ======',
      '..       t\u0306ab',
      '                \u{1f600}',
      '======   =====  ======',
    ].join('\n');
    const { host, calls } = fakeHost();
    const result = parseSimpleTable(input(source), 0, host);
    expect(el(result.nodes[0]).type).toBe('table');
    expect(calls.map((call) => call.lines)).toEqual([['..', ''], ['t\u0306ab', '']]);
  });

  it('skips combining characters when cutting columns', () => {
    const source = '=====  =====\nt\u0306ab    x\n=====  =====';
    const { host, calls } = fakeHost();
    const result = parseSimpleTable(input(source), 0, host);
    expect(el(result.nodes[0]).type).toBe('table');
    expect(calls.map((call) => call.lines)).toEqual([['t\u0306ab'], ['x']]);
  });
});
