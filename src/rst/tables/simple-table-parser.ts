/**
 * Simple table structure, after docutils' `tableparser.SimpleTableParser`:
 *
 * ```
 * > | =====  =====      the top border fixes the columns;
 *     ^^^^^  ^^^^^
 *   | col 1  col 2      a line with text in the first column starts a row,
 *   | =====  =====      a `=` line ends the head rows,
 *   | 1      a cell     a `-` line ends a row and may join columns;
 *   | span both         text may run past the last column's end.
 *   | ------------
 *   | =====  =====
 * ```
 *
 * The top and bottom borders are rewritten with `-` so that they, too, are
 * column span lines.
 */

import { isBlank, pyRstrip } from '../py-space.js';
import { stripCombining } from './columns.js';
import type { TableBlock } from './table-block.js';
import {
  findHeadBodySeparator,
  markupError,
  type CellData,
  type RowData,
  type TableData,
  type TableMarkupError,
  type TableParse,
} from './table-data.js';

const HEAD_BODY_SEPARATOR = /^=[ =]*$/;
const SPAN_LINE = /^-[ -]*$/;

/** A column as [first index, index past the end]. */
type Column = [number, number];

export function parseSimpleStructure(block: TableBlock): TableParse {
  const last = block.length - 1;
  block.replaceLine(0, block.lines[0]!.replace(/=/g, '-'));
  block.replaceLine(last, block.lines[last]!.replace(/=/g, '-'));
  const found = findHeadBodySeparator(block, HEAD_BODY_SEPARATOR);
  if ('error' in found) return found;
  const parser = new SimpleTableRows(block);
  const failure = parser.parse();
  if (failure) return failure;
  return { data: parser.structure(found.separator) };
}

type Failure = { error: TableMarkupError };

class SimpleTableRows {
  private readonly block: TableBlock;
  /** The table's columns; the last one widens when text runs past it. */
  private columns: Column[] = [];
  private borderEnd = 0;
  private readonly rows: CellData[][] = [];

  constructor(block: TableBlock) {
    this.block = block;
  }

  /** `parse_table`: collects the lines of each row and parses it. */
  parse(): Failure | undefined {
    const lines = this.block.lines;
    const columns = this.parseColumns(lines[0]!, 0);
    if ('error' in columns) return columns;
    this.columns = columns;
    this.borderEnd = columns[columns.length - 1]![1];
    const [firstStart, firstEnd] = columns[0]!;
    let start = 1;
    let textFound = false;
    for (let offset = 1; offset < lines.length; offset++) {
      const line = lines[offset]!;
      let failure: Failure | undefined;
      if (SPAN_LINE.test(line)) {
        // A column span underline or the bottom border: the row is complete.
        failure = this.parseRow(start, offset, [pyRstrip(line), offset]);
        start = offset + 1;
        textFound = false;
      } else if (!isBlank(line.slice(firstStart, firstEnd))) {
        // Text in the first column starts a new row.
        if (textFound && offset !== start) failure = this.parseRow(start, offset);
        start = offset;
        textFound = true;
      } else if (!textFound) {
        start = offset + 1;
      }
      if (failure) return failure;
    }
    return undefined;
  }

  /** `parse_columns`: the runs of `-` in a span line. */
  private parseColumns(line: string, offset: number): Column[] | Failure {
    const columns: Column[] = [];
    let end = 0;
    for (;;) {
      const begin = line.indexOf('-', end);
      if (begin < 0) break;
      end = line.indexOf(' ', begin);
      if (end < 0) end = line.length;
      columns.push([begin, end]);
    }
    if (this.columns.length > 0) {
      const lastColumn = columns[columns.length - 1]!;
      if (lastColumn[1] !== this.borderEnd) {
        return markupError(`Column span incomplete in table line ${offset + 1}.`, offset);
      }
      // The rightmost column stays open to the right.
      columns[columns.length - 1] = [lastColumn[0], this.columns[this.columns.length - 1]![1]];
    }
    return columns;
  }

  /** `parse_row`: lines [start, end) of the block, cut along the row's columns. */
  private parseRow(start: number, end: number, spanLine?: [string, number]): Failure | undefined {
    if (start >= end && !spanLine) return undefined;
    const columns = spanLine
      ? this.parseColumns(...spanLine)
      : this.columns.map((column): Column => [...column]);
    if ('error' in columns) return columns;
    const failure = this.checkColumns(start, end, columns);
    if (failure) return failure;
    const spans = this.initRow(columns, start);
    if ('error' in spans) return spans;
    this.rows.push(
      columns.map(([left, right], i) => ({
        morerows: 0,
        morecols: spans[i]!,
        offset: start,
        content: this.block.get2DBlock(start, left, end, right),
      })),
    );
    return undefined;
  }

  /** `init_row`: how many more table columns each of the row's columns spans. */
  private initRow(columns: Column[], offset: number): number[] | Failure {
    const problem = (): Failure =>
      markupError(`Column span alignment problem in table line ${offset + 2}.`, offset + 1);
    const spans: number[] = [];
    let i = 0;
    for (const [start, end] of columns) {
      let morecols = 0;
      if (this.columns[i]?.[0] !== start) return problem();
      while (end !== this.columns[i]![1]) {
        i += 1;
        morecols += 1;
        if (i >= this.columns.length) return problem();
      }
      spans.push(morecols);
      i += 1;
    }
    return spans;
  }

  /**
   * `check_columns`: only white space may stand between columns; text past
   * the last column widens it (and the table's last column with it).
   */
  private checkColumns(first: number, end: number, columns: Column[]): Failure | undefined {
    const lines = this.block.lines.slice(first, end).map(stripCombining);
    const lastColumn = columns.length - 1;
    for (let i = 0; i < columns.length; i++) {
      const [start, columnEnd] = columns[i]!;
      const nextStart = i < lastColumn ? columns[i + 1]![0] : Number.MAX_SAFE_INTEGER;
      for (let offset = 0; offset < lines.length; offset++) {
        const line = lines[offset]!;
        if (i === lastColumn && !isBlank(line.slice(columnEnd))) {
          const newEnd = start + pyRstrip(line.slice(start)).length;
          const [mainStart, mainEnd] = this.columns[this.columns.length - 1]!;
          columns[i] = [start, Math.max(mainEnd, newEnd)];
          if (newEnd > mainEnd) this.columns[this.columns.length - 1] = [mainStart, newEnd];
        } else if (!isBlank(line.slice(columnEnd, nextStart))) {
          const at = first + offset;
          return markupError(`Text in column margin in table line ${at + 1}.`, at);
        }
      }
    }
    return undefined;
  }

  /** `structure_from_cells`: rows up to the head/body separator are head rows. */
  structure(separator: number | undefined): TableData {
    const colwidths = this.columns.map(([start, end]) => end - start);
    let firstBody = 0;
    if (separator) {
      const index = this.rows.findIndex((row) => row[0]!.offset > separator);
      if (index >= 0) firstBody = index;
    }
    const rows: RowData[] = this.rows;
    return { colwidths, headRows: rows.slice(0, firstBody), bodyRows: rows.slice(firstBody) };
  }
}
