/**
 * The lines of one table, as docutils' table parsers see them (padded for
 * double-width characters, see `columns.ts`), with the source position of
 * every line so that cell contents keep their lines and columns.
 */

import { StringList, type LineInfo } from '../string-list.js';
import { leadingSpace, pyRstrip, pyStrip } from '../py-space.js';
import { columnIndices, WideCodec } from './columns.js';

export class TableBlock {
  /** Encoded lines: string indices are docutils' column indices. */
  readonly lines: string[];
  /** Per line: encoded index → UTF-16 index in the input line. */
  readonly origins: number[][];
  readonly items: LineInfo[];
  readonly codec: WideCodec;
  private readonly indexCache = new Map<number, number[] | undefined>();

  private constructor(lines: string[], origins: number[][], items: LineInfo[], codec: WideCodec) {
    this.lines = lines;
    this.origins = origins;
    this.items = items;
    this.codec = codec;
  }

  /**
   * Lines [start, end) of `input`, padded; with `strip`, also stripped of
   * surrounding white space, as `isolate_grid_table` does.
   */
  static fromInput(input: StringList, start: number, end: number, strip: boolean): TableBlock {
    const view = input.slice(start, end);
    const raw = view.lines;
    const codec = new WideCodec(raw);
    const lines: string[] = [];
    const origins: number[][] = [];
    for (const line of raw) {
      const encoded = codec.encode(line);
      if (strip) {
        const lead = leadingSpace(encoded.text);
        lines.push(pyStrip(encoded.text));
        origins.push(encoded.origin.slice(lead));
      } else {
        lines.push(encoded.text);
        origins.push(encoded.origin);
      }
    }
    return new TableBlock(lines, origins, view.items, codec);
  }

  /** A copy the parsers may rewrite (docutils' parsers work on `block[:]`). */
  copy(): TableBlock {
    return new TableBlock([...this.lines], [...this.origins], [...this.items], this.codec);
  }

  get length(): number {
    return this.lines.length;
  }

  /** Keeps the first `length` lines (`del block[length:]`). */
  truncate(length: number): void {
    this.lines.length = length;
    this.origins.length = length;
    this.items.length = length;
  }

  /** The table's text without pads, for the "Malformed table." literal block. */
  text(): string {
    return this.lines.map((line) => this.codec.decode(line)).join('\n');
  }

  /** Replaces one line (the parsers rewrite `=` borders and separators to `-`). */
  replaceLine(index: number, line: string): void {
    this.lines[index] = line;
    this.indexCache.delete(index);
  }

  /** Column indices of line `row`, computed once per line (undefined: no combining characters). */
  private columnIndices(row: number): number[] | undefined {
    if (!this.indexCache.has(row)) this.indexCache.set(row, columnIndices(this.lines[row]!));
    return this.indexCache.get(row);
  }

  /**
   * `StringList.get_2D_block`: the text between columns `left` and `right`
   * of lines [top, bottom), right-stripped and with the common indentation
   * removed. As in docutils, `left` and `right` are re-mapped past combining
   * characters line after line, and the mapping carries over to the next
   * line; lines keep their source line and gain the column they start at.
   */
  get2DBlock(top: number, left: number, bottom: number, right: number): StringList {
    const pieces: { text: string; start: number; row: number }[] = [];
    let indent = right;
    for (let row = top; row < bottom; row++) {
      const line = this.lines[row]!;
      const indices = this.columnIndices(row);
      if (indices) {
        const combining = line.length - indices.length;
        left = left < indices.length ? indices[left]! : left + combining;
        right = right < indices.length ? indices[right]! : right + combining;
      }
      const piece = pyRstrip(line.slice(left, right));
      if (piece) indent = Math.min(indent, leadingSpace(piece));
      pieces.push({ text: piece, start: left, row });
    }
    const dedent = indent > 0 && indent < right ? indent : 0;
    const cell = new StringList();
    for (const { text, start, row } of pieces) {
      const origin = this.origins[row]!;
      const item = this.items[row]!;
      cell.push(this.codec.decode(text.slice(dedent)), {
        ...item,
        column: item.column + sourceIndex(origin, start + dedent),
      });
    }
    return cell;
  }
}

/** The input-line index of encoded index `at`, counting on past the end of a short line. */
function sourceIndex(origin: number[], at: number): number {
  const last = origin.length - 1;
  return at <= last ? origin[at]! : origin[last]! + (at - last);
}
