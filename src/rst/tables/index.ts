/**
 * Grid and simple tables: the contract between the block parser and the
 * table code (docutils' `Body.grid_table_top` / `simple_table_top` and
 * `tableparser`).
 *
 * The block parser tests a line against `GRID_TABLE_TOP` / `SIMPLE_TABLE_TOP`
 * (in docutils' transition order), calls the matching parse function with its
 * whole input and the line's index, appends the returned nodes to the current
 * parent and goes on at `next`.
 */

import type { MessagePlace, RstDocument } from '../document.js';
import type { Element, Node, Point } from '../nodes.js';
import type { StringList } from '../string-list.js';

export interface NestedParseOptions {
  /**
   * docutils' `input_offset` for the cell's state machine: `tableline +
   * offset`, where `tableline` is the 1-based line of the table's top border
   * and `offset` the cell's first line within the table. For most tables
   * that is one more than the cell's 0-based source line, so messages
   * docutils derives from `abs_line_number()` inside cells come out one line
   * late; the corpus expects exactly that.
   */
  inputOffset: number;
}

export interface TableHost {
  document: RstDocument;
  /** Parses a cell's lines as body elements into `node` (docutils nested_parse of the cell block). */
  nestedParse(content: StringList, node: Element, options?: NestedParseOptions): void;
  /**
   * docutils' `input_offset` of the state machine reading `input`, when the
   * host tracks it: docutils numbers the lines of its messages from it
   * (`abs_line_number()`), not from where the lines came from. Without it,
   * line numbers come from `input.items`.
   */
  inputOffset?: number;
  /**
   * docutils' `Reporter.get_source_and_line` for messages: converts an
   * absolute line number (see `inputOffset`) to the line, and the file, a
   * message reports. Without it, message lines are the absolute line numbers.
   */
  messagePlace?(absLine: number): MessagePlace;
  /**
   * The file point of a 1-based line and column of the input as the parser
   * holds it (tabs expanded), when the host has the source text.
   */
  filePoint?(line: number, column: number): Point;
}

export interface TableResult {
  /** The table element or the error nodes, then the "Blank line required after table." warning when due. */
  nodes: Node[];
  /** Index in `input` of the first line after the table block. */
  next: number;
}

export { GRID_TABLE_TOP, SIMPLE_TABLE_TOP } from './patterns.js';
export { parseGridTable } from './grid-table.js';
export { parseSimpleTable } from './simple-table.js';
export { buildTable, type BuildTableOptions } from './build-table.js';
export type { CellData, RowData, TableData } from './table-data.js';
