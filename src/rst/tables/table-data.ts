/**
 * What a table parser hands to `buildTable`, the structure docutils'
 * `TableParser.parse` returns: column widths, head rows and body rows, each
 * row a list of cells (null where another cell's span covers the place).
 */

import type { StringList } from '../string-list.js';
import type { TableBlock } from './table-block.js';

export interface CellData {
  /** Extra rows the cell spans (`morerows`). */
  morerows: number;
  /** Extra columns the cell spans (`morecols`). */
  morecols: number;
  /** Index in the table block of the cell's first line. */
  offset: number;
  /** The cell text, each line with its source position. */
  content: StringList;
}

export type RowData = (CellData | null)[];

export interface TableData {
  colwidths: number[];
  headRows: RowData[];
  bodyRows: RowData[];
}

/** docutils' `TableMarkupError`: what is wrong, and on which table line (0-based). */
export interface TableMarkupError {
  detail: string;
  offset: number;
}

export type TableParse = { data: TableData } | { error: TableMarkupError };

export function markupError(detail: string, offset = 0): { error: TableMarkupError } {
  return { error: { detail, offset } };
}

/**
 * `TableParser.find_head_body_sep`: the one line matching `pattern` divides
 * head rows from body rows; it is rewritten with `-` so the parsers treat it
 * as an ordinary row border. Returns the line index (undefined when absent)
 * or the error docutils raises.
 */
export function findHeadBodySeparator(
  block: TableBlock,
  pattern: RegExp,
): { separator: number | undefined } | { error: TableMarkupError } {
  let separator: number | undefined;
  const last = block.length - 1;
  for (let i = 0; i < block.length; i++) {
    const line = block.lines[i]!;
    if (!pattern.test(line)) continue;
    // docutils tests the index for truth, so a separator on line 0 would not count as found.
    if (separator) {
      return markupError(
        `Multiple head/body row separators (table lines ${separator + 1} and ${i + 1}); only one allowed.`,
        i,
      );
    }
    separator = i;
    block.replaceLine(i, line.replace(/=/g, '-'));
  }
  if (separator === 0 || separator === last) {
    return markupError(
      'The head/body row separator may not be the first or last line of the table.',
      last,
    );
  }
  return { separator };
}
