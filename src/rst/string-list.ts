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
  /** The list this one was sliced from, and where the slice starts in it (docutils' ViewList parent). */
  parent: StringList | undefined;
  parentOffset = 0;

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
    const view = new StringList(this.lines.slice(start, end), this.items.slice(start, end));
    view.parent = this;
    view.parentOffset = start;
    return view;
  }

  /** Inserts lines at `at`, here and in every list this one was sliced from. */
  insert(at: number, lines: string[], items: LineInfo[]): void {
    this.lines.splice(at, 0, ...lines);
    this.items.splice(at, 0, ...items);
    this.parent?.insert(at + this.parentOffset, lines, items);
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

/** Raised (as a value) when `getTextBlock(flushLeft)` meets an indented line. */
export interface UnexpectedIndentation {
  block: StringList;
  source: string;
  /** 1-based line of the indented line. */
  line: number;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** docutils `StringList.get_text_block`: lines up to the next blank one. */
export function getTextBlock(
  list: StringList,
  start: number,
  flushLeft: boolean,
): { block: StringList; indentation?: UnexpectedIndentation } {
  let end = start;
  while (end < list.length) {
    const line = list.lines[end]!;
    if (isBlank(line)) break;
    if (flushLeft && line[0] === ' ') {
      const item = list.items[end]!;
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
    const line = list.lines[end]!;
    if (line && (line[0] !== ' ' || (blockIndent !== null && line.slice(0, blockIndent).trim()))) {
      blankFinish = end > start && isBlank(list.lines[end - 1]!);
      ended = true;
      break;
    }
    const stripped = line.replace(/^\s+/, '');
    if (!stripped) {
      if (untilBlank) {
        blankFinish = true;
        ended = true;
        break;
      }
    } else if (blockIndent === null) {
      const lineIndent = line.length - stripped.length;
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
