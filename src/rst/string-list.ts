/**
 * A list of text lines that remembers where each came from, like docutils'
 * `statemachine.StringList`: `items[i]` is the source name and the 0-based
 * line offset in that source; `columns[i]` how many characters of the
 * original line were removed in front (indentation), so positions can be
 * mapped back into the file.
 */

export interface LineInfo {
  source: string;
  /** 0-based line offset within `source`. */
  offset: number;
  /** Characters removed before `text` (de-indentation), for columns. */
  column: number;
}

export class StringList {
  readonly lines: string[];
  readonly items: LineInfo[];

  constructor(lines: string[] = [], items: LineInfo[] = []) {
    this.lines = lines;
    this.items = items;
  }

  /** Lines of one source, numbered from `offset`. */
  static fromText(lines: string[], source: string, offset = 0): StringList {
    return new StringList(
      [...lines],
      lines.map((_, i) => ({ source, offset: offset + i, column: 0 })),
    );
  }

  get length(): number {
    return this.lines.length;
  }

  info(index: number): LineInfo | undefined {
    return this.items[index];
  }

  /** 1-based source line of line `index` (docutils' `srcline`). */
  lineNumber(index: number): number | undefined {
    const item = this.items[index];
    return item ? item.offset + 1 : undefined;
  }

  slice(start: number, end: number = this.lines.length): StringList {
    return new StringList(this.lines.slice(start, end), this.items.slice(start, end));
  }

  push(line: string, info: LineInfo): void {
    this.lines.push(line);
    this.items.push(info);
  }

  /** Removes `n` characters from the start of lines [start, end) (docutils `trim_left`). */
  trimLeft(n: number, start = 0, end: number = this.lines.length): void {
    for (let i = start; i < end; i++) {
      this.lines[i] = this.lines[i]!.slice(n);
      const item = this.items[i]!;
      this.items[i] = { ...item, column: item.column + n };
    }
  }

  text(): string {
    return this.lines.join('\n');
  }
}
