/**
 * Grid tables in the block parser: docutils' `Body.grid_table_top` and
 * `isolate_grid_table`.
 *
 * ```
 * > | +-----+-----+      the top border starts the block; it runs to the
 *     ^                  first blank line, and must be flush left
 *   | | a   | b   |      ("Unexpected indentation." otherwise). It stops
 *   | +-----+-----+      early at a line not framed by `+` or `|`, and
 *                        ends at the last border line found.
 * ```
 */

import type { Element } from '../nodes.js';
import type { StringList } from '../string-list.js';
import { isBlank } from '../py-space.js';
import { parseGridStructure } from './grid-table-parser.js';
import type { TableHost, TableResult } from './index.js';
import { GRID_TABLE_TOP } from './patterns.js';
import { TableBlock } from './table-block.js';
import { finishTable, TableContext, type Isolated } from './table-top.js';

/** Parses the grid table whose top border is `input` line `start`. */
export function parseGridTable(input: StringList, start: number, host: TableHost): TableResult {
  const context = new TableContext(input, host);
  return finishTable(context, isolateGridTable(context, start), parseGridStructure);
}

function isFramed(ch: string | undefined): boolean {
  return ch === '+' || ch === '|';
}

function isolateGridTable(context: TableContext, start: number): Isolated {
  const { input, host } = context;
  const messages: Element[] = [];
  let blankFinish = true;
  // StateMachine.get_text_block(flush_left=True)
  let end = start;
  for (; end < input.length && !isBlank(input.lineAt(end)); end++) {
    if (input.lineAt(end)![0] === ' ') {
      const item = input.itemAt(end)!;
      messages.push(host.document.error('Unexpected indentation.', { source: item.source, line: item.offset + 1 }));
      blankFinish = false;
      break;
    }
  }
  const block = TableBlock.fromInput(input, start, end, true);
  let cursor = end - 1;
  const width = block.lines[0]!.length;
  for (let i = 0; i < block.length; i++) {
    if (!isFramed(block.lines[i]![0])) {
      // A line without a left edge ends the table; docutils parses it again.
      blankFinish = false;
      cursor -= block.length - i;
      block.truncate(i);
      break;
    }
  }
  if (!GRID_TABLE_TOP.test(block.lines[block.length - 1]!)) {
    blankFinish = false;
    const bottom = findBottomBorder(block);
    if (bottom === undefined) {
      messages.push(context.malformed(block, cursor));
      return { start, block: undefined, messages, blankFinish, cursor };
    }
    // As in docutils, the state machine backs up one line more than it
    // drops, so parsing resumes on the two lines above the bottom border.
    cursor -= block.length - bottom + 1;
    block.truncate(bottom + 1);
  }
  for (const line of block.lines) {
    if (line.length !== width || !isFramed(line[line.length - 1])) {
      messages.push(context.malformed(block, cursor));
      return { start, block: undefined, messages, blankFinish, cursor };
    }
  }
  return { start, block, messages, blankFinish, cursor };
}

/** The last border line from the second-last line up to the third, if any. */
function findBottomBorder(block: TableBlock): number | undefined {
  for (let i = block.length - 2; i > 1; i--) {
    if (GRID_TABLE_TOP.test(block.lines[i]!)) return i;
  }
  return undefined;
}
