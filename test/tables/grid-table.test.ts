import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRID_TABLE_TOP, parseGridTable } from '../../src/rst/tables/index.js';
import { REPO } from '../shared.js';
import { colwidths, el, fakeHost, input, messageText, rowsOf } from './helpers.js';

const SPANS = `+------------------------+------------+----------+----------+
| Header row, column 1   | Header 2   | Header 3 | Header 4 |
+========================+============+==========+==========+
| body row 1, column 1   | column 2   | column 3 | column 4 |
+------------------------+------------+----------+----------+
| body row 2             | Cells may span columns.          |
+------------------------+------------+---------------------+
| body row 3             | Cells may  | - Table cells       |
+------------------------+ span rows. | - contain           |
| body row 4             |            | - body elements.    |
+------------------------+------------+---------------------+`;

describe('grid tables', () => {
  it('recognises only border lines as a table top', () => {
    expect(GRID_TABLE_TOP.test('+---+---+')).toBe(true);
    expect(GRID_TABLE_TOP.test('+-+')).toBe(false);
    expect(GRID_TABLE_TOP.test('+===+')).toBe(false);
    expect(GRID_TABLE_TOP.test('| a |')).toBe(false);
  });

  it('builds head and body rows with row and column spans', () => {
    const { host } = fakeHost();
    const result = parseGridTable(input(SPANS), 0, host);
    expect(result.nodes).toHaveLength(1);
    expect(result.next).toBe(11);
    const table = el(result.nodes[0]);
    expect(table.type).toBe('table');
    expect(el(table.children[0]).attributes.cols).toBe(4);
    expect(colwidths(table)).toEqual([24, 12, 10, 10]);
    expect(rowsOf(table, 'thead')).toHaveLength(1);
    const body = rowsOf(table, 'tbody');
    expect(body.map((row) => row.length)).toEqual([4, 2, 3, 1]);
    expect(body[1]![1]!.attributes).toEqual({ morecols: 2 });
    expect(body[2]![1]!.attributes).toEqual({ morerows: 1 });
    expect(body[2]![2]!.attributes).toEqual({ morerows: 1, morecols: 1 });
    expect(body[0]![0]!.attributes).toEqual({});
  });

  it('hands each cell its lines with their source lines and columns', () => {
    const { host, calls } = fakeHost();
    parseGridTable(input(SPANS, 5), 0, host);
    const spanRows = calls.find((call) => call.lines[0] === 'Cells may')!;
    expect(spanRows.lines).toEqual(['Cells may', 'span rows.', '']);
    expect(spanRows.lines1).toEqual([12, 13, 14]);
    expect(spanRows.columns1).toEqual([28, 28, 28]);
    // docutils' input_offset: table line (5) + the cell's offset in the table (7).
    expect(spanRows.inputOffset).toBe(12);
    const list = calls.find((call) => call.lines[0] === '- Table cells')!;
    expect(list.lines).toEqual(['- Table cells', '- contain', '- body elements.']);
  });

  it('positions the table from its first to its last line', () => {
    const { host } = fakeHost();
    const lines = input(`Text\n\n${SPANS}\n\nAfter`);
    const table = el(parseGridTable(lines, 2, host).nodes[0]);
    expect(table.position?.start).toMatchObject({ line: 3, column: 1, offset: 6 });
    expect(table.position?.end).toMatchObject({ line: 13, column: 62 });
  });

  it('parses the seed deck fs_table: bullet lists in the right-hand cells', () => {
    const deck = fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8').split('\n');
    const start = deck.findIndex((line, i) => i > deck.indexOf(':id: fs_table') && line.startsWith('+'));
    expect(start).toBeGreaterThan(0);
    const { host, calls, document } = fakeHost();
    const result = parseGridTable(input(deck.join('\n')), start, host);
    const table = el(result.nodes[0]);
    expect(result.nodes).toHaveLength(1);
    expect(result.next).toBe(start + 14);
    expect(colwidths(table)).toEqual([26, 10]);
    expect(rowsOf(table, 'thead')).toEqual([]);
    expect(rowsOf(table, 'tbody').map((row) => row.length)).toEqual([2, 2, 2, 2]);
    // Empty cells are not parsed at all.
    expect(calls.map((call) => call.lines)).toEqual([
      ['/var/lib/lxc/ubuntu/rootfs'],
      ['* /usr', '* /var', '* /dev', '* ...'],
      ['/var/lib/lxc/nix/rootfs'],
      ['* /nix', '* /run', '* ...'],
    ]);
    const usr = calls[1]!;
    expect(usr.lines1).toEqual([start + 4, start + 5, start + 6, start + 7]);
    expect(usr.columns1).toEqual([30, 30, 30, 30]);
    expect(usr.inputOffset).toBe(start + 1 + 3);
    expect(document.diagnostics).toEqual([]);
  });

  it('reports a table that cannot be traced as malformed, quoting it', () => {
    const source = `+----+----+\n| a  | b  |\n+----+    +\n| c       |\n+---------+`;
    const { host, document } = fakeHost();
    const result = parseGridTable(input(source, 3), 0, host);
    const message = el(result.nodes[0]);
    expect(message.type).toBe('system_message');
    expect(message.attributes).toMatchObject({ level: 3, line: 3 });
    expect(messageText(message)).toBe('Malformed table.\nMalformed table; parse incomplete.');
    const literal = el(message.children[1]);
    expect(literal.type).toBe('literal_block');
    expect(el(literal).children[0]).toEqual({ type: 'text', value: source });
    expect(document.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('rejects ragged right edges', () => {
    const { host } = fakeHost();
    const result = parseGridTable(input('+---+---+\n| a | b |\n+---+---+-\n'), 0, host);
    expect(messageText(result.nodes[0])).toBe('Malformed table.');
    expect(result.next).toBe(3);
  });

  it('rejects two head/body separators', () => {
    const source = '+---+\n| a |\n+===+\n| b |\n+===+\n| c |\n+---+';
    const { host } = fakeHost();
    const result = parseGridTable(input(source), 0, host);
    expect(messageText(result.nodes[0])).toBe(
      'Malformed table.\nMultiple head/body row separators (table lines 3 and 5); only one allowed.',
    );
    expect(el(result.nodes[0]).attributes.line).toBe(5);
  });

  it('warns when no blank line follows, and stops at a line without a left edge', () => {
    const { host } = fakeHost();
    const result = parseGridTable(input('+---+\n| a |\n+---+\ntext'), 0, host);
    expect(result.nodes.map((node) => node.type)).toEqual(['table', 'system_message']);
    expect(messageText(result.nodes[1])).toBe('Blank line required after table.');
    expect(el(result.nodes[1]).attributes).toMatchObject({ level: 2, line: 4 });
    expect(result.next).toBe(3);
  });

  it('reports an indented line inside the table block', () => {
    const { host } = fakeHost();
    const result = parseGridTable(input('+---+\n| a |\n+---+\n  indented'), 0, host);
    expect(result.nodes.map((node) => node.type)).toEqual(['table', 'system_message', 'system_message']);
    expect(messageText(result.nodes[1])).toBe('Unexpected indentation.');
    expect(el(result.nodes[1]).attributes.line).toBe(4);
    expect(messageText(result.nodes[2])).toBe('Blank line required after table.');
    expect(result.next).toBe(3);
  });

  it('backs up as docutils does when the bottom border is missing', () => {
    // docutils keeps the table up to the last border but resumes parsing
    // two lines above it, so those lines are read again.
    const { host } = fakeHost();
    const result = parseGridTable(input('+---+\n| a |\n+---+\n| b |\n+---+\n| c |'), 0, host);
    const table = el(result.nodes[0]);
    expect(rowsOf(table, 'tbody')).toHaveLength(2);
    expect(result.next).toBe(3);
    expect(el(result.nodes[1]).attributes.line).toBe(4);
  });

  it('counts wide characters as two columns', () => {
    const source = '+------+----+\n| 漢字 | ab |\n+------+----+';
    const { host, calls } = fakeHost();
    const result = parseGridTable(input(source), 0, host);
    expect(colwidths(el(result.nodes[0]))).toEqual([6, 4]);
    expect(calls.map((call) => call.lines)).toEqual([['漢字'], ['ab']]);
    // Source columns count characters, not display columns.
    expect(calls[1]!.columns1).toEqual([8]);
  });

  it('counts an astral character as one column, as Python does', () => {
    const { host, calls } = fakeHost();
    const result = parseGridTable(input('+---+---+\n| \u{1d465} | y |\n+---+---+'), 0, host);
    expect(colwidths(el(result.nodes[0]))).toEqual([3, 3]);
    expect(calls.map((call) => call.lines)).toEqual([['\u{1d465}'], ['y']]);
  });

  it('converts message lines through the host, as docutils reporter does', () => {
    const { host } = fakeHost({ messagePlace: (line) => ({ line: line + 1000, source: 'part.rst' }) });
    const result = parseGridTable(input('+---+\n| a |\n+---+\ntext'), 0, host);
    expect(el(result.nodes[1]).attributes.line).toBe(1004);
    expect(el(result.nodes[1]).attributes.source).toBe('part.rst');
  });

  it('uses the host input offset for message lines when given', () => {
    const { host } = fakeHost({ inputOffset: 100 });
    const result = parseGridTable(input('+---+\n| a |\n+---+\ntext', 1), 0, host);
    expect(el(result.nodes[1]).attributes.line).toBe(104);
  });
});
