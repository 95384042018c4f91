/**
 * Simple tables in the block parser: docutils' `Body.simple_table_top` and
 * `isolate_simple_table`.
 *
 * ```
 * > | =====  =====      from the top border, look for `=` border lines as
 *     ^                  long as the top one: the table ends at the second
 *   | a      b          one found, or at the first one followed by a blank
 *   | =====  =====      line or the end of input.
 * ```
 */

import type { StringList } from '../string-list.js';
import { isBlank, pyStrip } from '../py-space.js';
import type { TableHost, TableResult } from './index.js';
import { SIMPLE_TABLE_BORDER } from './patterns.js';
import { parseSimpleStructure } from './simple-table-parser.js';
import { TableBlock } from './table-block.js';
import { finishTable, TableContext, type Isolated } from './table-top.js';

/** Parses the simple table whose top border is `input` line `start`. */
export function parseSimpleTable(input: StringList, start: number, host: TableHost): TableResult {
  const context = new TableContext(input, host);
  return finishTable(context, isolateSimpleTable(context, start), parseSimpleStructure);
}

function isolateSimpleTable(context: TableContext, start: number): Isolated {
  // A view, not a copy: the input is the whole rest of the document.
  const input = context.input;
  const lines = { length: input.length, at: (i: number) => input.lineAt(i) };
  const limit = lines.length - 1;
  const topLength = pyStrip(lines.at(start)!).length;
  const blankAfter = (i: number): boolean => i === limit || isBlank(lines.at(i + 1));
  const failure = (cursor: number, detail: string, blankFinish: boolean): Isolated => {
    const block = TableBlock.fromInput(context.input, start, cursor + 1, false);
    const messages = [context.malformed(block, cursor, detail)];
    return { start, block: undefined, messages, blankFinish, cursor };
  };
  let found = 0;
  let foundAt = start;
  for (let i = start + 1; i <= limit; i++) {
    const line = lines.at(i)!;
    if (!SIMPLE_TABLE_BORDER.test(line)) continue;
    if (pyStrip(line).length !== topLength) {
      return failure(i, 'Bottom/header table border does not match top border.', blankAfter(i));
    }
    found += 1;
    foundAt = i;
    if (found === 2 || blankAfter(i)) {
      const block = TableBlock.fromInput(context.input, start, i + 1, false);
      return { start, block, messages: [], blankFinish: blankAfter(i), cursor: i };
    }
  }
  if (found > 0) {
    return failure(foundAt, 'No bottom table border found or no blank line after table bottom.', false);
  }
  return failure(limit, 'No bottom table border found.', true);
}
