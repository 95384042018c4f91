/**
 * A list of text lines that remembers where each came from, like docutils'
 * `statemachine.StringList`: `items[i]` is the source name and the 0-based
 * line offset in that source; `columns[i]` how many characters of the
 * original line were removed in front (indentation), so positions can be
 * mapped back into the file.
 */

import { isBlank, leadingSpace } from './py-space.js';

export interface LineInfo {
  source: string;
  /** 0-based line offset within `source`. */
  offset: number;
  /** Characters removed before `text` (de-indentation), for columns. */
  column: number;
  /**
   * The 0-based line of the file that positions place this line on, where
   * docutils numbers it otherwise (a CSV table's cells count from 0).
   */
  fileOffset?: number;
}

export class StringList {
  /**
   * A slice is a view on its parent's arrays until someone needs arrays of
   * its own (`lines`/`items`, or a change): nested parsers take "the rest of
   * the input" many times over, and copying it each time made parsing
   * quadratic in the number of constructs.
   */
  private data: string[];
  private info_: LineInfo[];
  private start: number;
  private end: number;
  private owned: boolean;
  /** The list this one was sliced from, and where the slice starts in it (docutils' ViewList parent). */
  parent: StringList | undefined;
  parentOffset = 0;

  constructor(lines: string[] = [], items: LineInfo[] = []) {
    this.data = lines;
    this.info_ = items;
    this.start = 0;
    this.end = lines.length;
    this.owned = true;
  }

  /** Lines of one source, numbered from `offset`; placed in the file from `fileOffset` where that differs (see `LineInfo.fileOffset`). */
  static fromText(lines: string[], source: string, offset = 0, fileOffset?: number): StringList {
    return new StringList(
      [...lines],
      lines.map((_, i) =>
        fileOffset === undefined ? { source, offset: offset + i, column: 0 } : { source, offset: offset + i, column: 0, fileOffset: fileOffset + i },
      ),
    );
  }

  private own(): void {
    if (this.owned) return;
    this.data = this.data.slice(this.start, this.end);
    this.info_ = this.info_.slice(this.start, this.end);
    this.start = 0;
    this.end = this.data.length;
    this.owned = true;
  }

  /** The lines as an array of this list's own (materialises a view). */
  get lines(): string[] {
    this.own();
    return this.data;
  }

  get items(): LineInfo[] {
    this.own();
    return this.info_;
  }

  get length(): number {
    return this.owned ? this.data.length : this.end - this.start;
  }

  /** Line `index`, without copying a view. */
  lineAt(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.data[this.start + index];
  }

  /** Where line `index` came from, without copying a view. */
  itemAt(index: number): LineInfo | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.info_[this.start + index];
  }

  info(index: number): LineInfo | undefined {
    return this.itemAt(index);
  }

  /** 1-based source line of line `index` (docutils' `srcline`). */
  lineNumber(index: number): number | undefined {
    const item = this.itemAt(index);
    return item ? item.offset + 1 : undefined;
  }

  slice(start: number, end: number = this.length): StringList {
    const length = this.length;
    const from = Math.min(Math.max(0, start < 0 ? length + start : start), length);
    const to = Math.min(Math.max(from, end < 0 ? length + end : end), length);
    const view = new StringList(this.data, this.info_);
    view.start = this.start + from;
    view.end = this.start + to;
    view.owned = false;
    view.parent = this;
    view.parentOffset = from;
    return view;
  }

  /** Inserts lines at `at`, here and in every list this one was sliced from. */
  insert(at: number, lines: string[], items: LineInfo[]): void {
    this.own();
    spliceIn(this.data, at, lines);
    spliceIn(this.info_, at, items);
    this.end = this.data.length;
    this.parent?.insert(at + this.parentOffset, lines, items);
  }

  push(line: string, info: LineInfo): void {
    this.own();
    this.data.push(line);
    this.info_.push(info);
    this.end = this.data.length;
  }

  /** Removes `n` characters from the start of lines [start, end) (docutils `trim_left`). */
  trimLeft(n: number, start = 0, end: number = this.length): void {
    this.own();
    for (let i = start; i < Math.min(end, this.data.length); i++) {
      this.data[i] = this.data[i]!.slice(n);
      const item = this.info_[i]!;
      this.info_[i] = { ...item, column: item.column + n };
    }
  }

  text(): string {
    return this.lines.join('\n');
  }
}

/** `list.splice(at, 0, ...items)` without spreading (long lists overflow the call stack). */
function spliceIn<T>(list: T[], at: number, items: readonly T[]): void {
  const tail = list.splice(at);
  for (const item of items) list.push(item);
  for (const item of tail) list.push(item);
}

/** Raised (as a value) when `getTextBlock(flushLeft)` meets an indented line. */
export interface UnexpectedIndentation {
  block: StringList;
  source: string;
  /** 1-based line of the indented line. */
  line: number;
}

/** docutils `StringList.get_text_block`: lines up to the next blank one. */
export function getTextBlock(
  list: StringList,
  start: number,
  flushLeft: boolean,
): { block: StringList; indentation?: UnexpectedIndentation } {
  let end = start;
  while (end < list.length) {
    const line = list.lineAt(end)!;
    if (isBlank(line)) break;
    if (flushLeft && line[0] === ' ') {
      const item = list.itemAt(end)!;
      return {
        block: list.slice(start, end),
        indentation: { block: list.slice(start, end), source: item.source, line: item.offset + 1 },
      };
    }
    end++;
  }
  return { block: list.slice(start, end) };
}

export interface IndentedBlock {
  block: StringList;
  indent: number;
  blankFinish: boolean;
}

/** docutils `StringList.get_indented`. */
export function getIndented(
  list: StringList,
  start: number,
  untilBlank: boolean,
  stripIndent: boolean,
  blockIndent: number | null = null,
  firstIndentIn: number | null = null,
): IndentedBlock {
  let indent: number | null = blockIndent;
  let end = start;
  let firstIndent = firstIndentIn;
  if (blockIndent !== null && firstIndent === null) firstIndent = blockIndent;
  if (firstIndent !== null) end += 1;
  let blankFinish = true;
  let ended = false;
  while (end < list.length) {
    const line = list.lineAt(end)!;
    const lineIndent = leadingSpace(line);
    // Not indented, or something other than white space within the block's
    // indent (`line[:block_indent].strip()`).
    const outdented = line[0] !== ' ' || (blockIndent !== null && lineIndent < Math.min(blockIndent, line.length));
    if (line && outdented) {
      blankFinish = end > start && isBlank(list.lineAt(end - 1)!);
      ended = true;
      break;
    }
    if (lineIndent === line.length) {
      if (untilBlank) {
        blankFinish = true;
        ended = true;
        break;
      }
    } else if (blockIndent === null) {
      indent = indent === null ? lineIndent : Math.min(indent, lineIndent);
    }
    end++;
  }
  if (!ended) blankFinish = true;
  const block = list.slice(start, end);
  if (firstIndent !== null && block.length > 0) {
    block.lines[0] = block.lines[0]!.slice(firstIndent);
    const item = block.items[0]!;
    block.items[0] = { ...item, column: item.column + firstIndent };
  }
  if (indent && stripIndent) block.trimLeft(indent, firstIndent !== null ? 1 : 0);
  return { block, indent: indent ?? 0, blankFinish };
}
