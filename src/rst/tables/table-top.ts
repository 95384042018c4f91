/**
 * What grid and simple tables share once their lines are isolated: docutils'
 * `Body.table_top`, `Body.table` and `Body.malformed_table`.
 *
 * Line numbers follow docutils' state machine: `cursor` is its `line_offset`
 * (the index of the last line it consumed) and messages count from
 * `abs_line_number()` at that cursor, not from the lines' own positions. The
 * two differ where docutils backs up, and the corpus expects docutils'.
 */

import { element, Span, text, type Element, type Node, type Point } from '../nodes.js';
import type { StringList } from '../string-list.js';
import { buildTable } from './build-table.js';
import type { TableHost, TableResult } from './index.js';
import type { TableBlock } from './table-block.js';
import type { TableParse } from './table-data.js';

/** What an isolate step leaves: the table's lines, or none when they are already reported as malformed. */
export interface Isolated {
  /** Index in the input of the table's first line. */
  start: number;
  block: TableBlock | undefined;
  messages: Element[];
  /** Whether a blank line (or the end of input) follows the table. */
  blankFinish: boolean;
  /** docutils' `line_offset` after isolating: the last line taken. */
  cursor: number;
}

/** Estimated line start offsets per input, computed once for all the tables in it. */
const lineStarts = new WeakMap<StringList, number[]>();

export class TableContext {
  readonly input: StringList;
  readonly host: TableHost;

  constructor(input: StringList, host: TableHost) {
    this.input = input;
    this.host = host;
  }

  /** docutils `abs_line_number()` with the state machine at `index`. */
  absLine(index: number): number {
    if (this.host.inputOffset !== undefined) return this.host.inputOffset + index + 1;
    const input = this.input;
    const item = input.itemAt(index);
    if (item) return item.offset + 1;
    const last = input.itemAt(input.length - 1);
    return last ? last.offset + 1 + (index - (input.length - 1)) : index + 1;
  }

  /** The line (and file) a message about absolute line `absLine` reports. */
  messagePlace(absLine: number): { line: number; source?: string } {
    const place = this.host.messagePlace?.(absLine);
    return { ...place, line: place?.line ?? absLine };
  }

  /** `malformed_table`: an error quoting the table's text, on its first line (plus `offset`). */
  malformed(block: TableBlock, cursor: number, detail = '', offset = 0): Element {
    const data = block.text();
    const startline = this.absLine(cursor) - block.length + 1;
    const message = detail ? `Malformed table.\n${detail}` : 'Malformed table.';
    return this.host.document.error(message, {
      ...this.messagePlace(startline + offset),
      children: [element('literal_block', { 'xml:space': 'preserve' }, [text(data)])],
      code: 'rst/malformed-table',
    });
  }

  /** A source point for column `column` (0-based, in the input line) of input line `index`. */
  point(index: number, column: number): Point {
    // itemAt, not items: the input is a view on the rest of the document.
    const item = this.input.itemAt(index)!;
    const line = item.offset + 1;
    const sourceColumn = item.column + column + 1;
    const point = this.host.filePoint?.(line, sourceColumn);
    return point ?? { line, column: sourceColumn, offset: this.estimateOffset(index, column) };
  }

  /**
   * Without the source text, the offset as if `input` were the file: exact
   * for a top-level document without tabs, approximate inside nested blocks.
   */
  private estimateOffset(index: number, column: number): number {
    let starts = lineStarts.get(this.input);
    if (!starts || starts.length !== this.input.length) {
      starts = [];
      let offset = 0;
      for (let i = 0; i < this.input.length; i++) {
        starts.push(offset);
        offset += this.input.itemAt(i)!.column + this.input.lineAt(i)!.length + 1;
      }
      lineStarts.set(this.input, starts);
    }
    return starts[index]! + this.input.itemAt(index)!.column + column;
  }
}

/** `Body.table` and `Body.table_top`: parse the isolated block, build the table, check the blank line. */
export function finishTable(
  context: TableContext,
  isolated: Isolated,
  parseStructure: (block: TableBlock) => TableParse,
): TableResult {
  const { block, messages, blankFinish, cursor } = isolated;
  const nodes: Node[] = [];
  if (block) {
    const parsed = parseStructure(block.copy());
    if ('data' in parsed) {
      const tableline = context.absLine(cursor) - block.length + 1;
      const table = buildTable(parsed.data, tableline, context.host);
      table.position = tablePosition(context, isolated.start, block);
      nodes.push(table);
    } else {
      nodes.push(context.malformed(block, cursor, parsed.error.detail, parsed.error.offset));
    }
  }
  nodes.push(...messages);
  if (!blankFinish) {
    nodes.push(
      context.host.document.warning('Blank line required after table.', {
        ...context.messagePlace(context.absLine(cursor) + 1),
        code: 'rst/blank-line-after-table',
      }),
    );
  }
  return { nodes, next: cursor + 1 };
}

/** From the table's first character to just past its last, in source coordinates. */
function tablePosition(context: TableContext, first: number, block: TableBlock): Element['position'] {
  const last = first + block.length - 1;
  const lastOrigin = block.origins[block.length - 1]!;
  const lastLength = block.lines[block.length - 1]!.length;
  return Span.between(
    context.point(first, block.origins[0]![0]!),
    context.point(last, lastOrigin[Math.min(lastLength, lastOrigin.length - 1)]!),
  );
}
