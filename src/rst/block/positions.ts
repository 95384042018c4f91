/**
 * Source positions for block-level nodes. Each transition of a state
 * machine covers a span of input lines; the nodes it adds get that span
 * (first non-blank line to last non-blank line), and inline text gets a
 * mapping from string index to file position.
 */

import type { SourceLine } from '../../diagnostics/diagnostic.js';
import { Span, type Element, type Node, type Point, type Position } from '../nodes.js';
import { isBlank, leadingSpace } from '../py-space.js';
import { sourceColumns } from '../source-lines.js';
import type { Memo, StateMachine } from './machine.js';

function rootOf(memo: Memo, machine: StateMachine): StateMachine {
  return memo.root ?? machine;
}

/** The file's point at `column` (0-based, tabs expanded) of source line `line` (0-based). */
export function sourcePoint(memo: Memo, line: number, column: number): Point {
  const columns = memo.tabbedLines === undefined ? undefined : tabColumns(memo, memo.tabbedLines, line);
  const col = columns === undefined ? column : columns(column);
  return { line: line + 1, column: col + 1, offset: (memo.lineStarts[line] ?? 0) + col };
}

/** The column mapping of source line `line` if it holds a tab, made on first use. */
function tabColumns(memo: Memo, tabbed: Map<number, string>, line: number): ((column: number) => number) | undefined {
  const raw = tabbed.get(line);
  if (raw === undefined) return undefined;
  memo.tabColumns ??= new Map();
  let columns = memo.tabColumns.get(line);
  if (columns === undefined) {
    columns = sourceColumns(raw);
    memo.tabColumns.set(line, columns);
  }
  return columns;
}

/** The point at `column` (0-based, in the line as the machine holds it) of machine line `index`. */
function pointOf(memo: Memo, machine: StateMachine, index: number, column: number): Point | undefined {
  const item = machine.inputLines.itemAt(index);
  if (!item || item.offset < 0 || item.source !== memo.document.sourceName) return undefined;
  return sourcePoint(memo, item.fileOffset ?? item.offset, item.column + column);
}

/** The span of machine lines [from, to], trimmed of blank lines (as the parser sees them) at both ends. */
export function spanOf(memo: Memo, machine: StateMachine, from: number, to: number): Position | undefined {
  const lines = machine.inputLines;
  let first = Math.max(0, from);
  let last = Math.min(to, lines.length - 1);
  while (first < last && isBlank(lines.lineAt(first)!)) first++;
  while (last > first && isBlank(lines.lineAt(last)!)) last--;
  if (first > last || lines.lineAt(first) === undefined) return undefined;
  const startText = lines.lineAt(first)!;
  const start = pointOf(memo, machine, first, leadingSpace(startText));
  const end = pointOf(memo, machine, last, lines.lineAt(last)!.length);
  return start && end ? Span.between(start, end) : undefined;
}

/** The file a line comes from, if an included one (the padding include puts around a file is not a file). */
export function includedSource(name: string | undefined, documentName: string): string | undefined {
  if (name === undefined || name === documentName || name.startsWith('internal padding')) return undefined;
  return name;
}

/** The included file machine line `index` comes from; undefined for the document's own lines. */
export function includedSourceAt(memo: Memo, machine: StateMachine, index: number): string | undefined {
  return includedSource(machine.inputLines.itemAt(index)?.source, memo.document.sourceName);
}

/**
 * Where machine lines [from, to] start in the included file line `from`
 * comes from: its first non-blank line there. Undefined for the document's
 * own lines.
 */
export function includedStartAt(memo: Memo, machine: StateMachine, from: number, to: number): IncludedLine | undefined {
  const file = includedSourceAt(memo, machine, from);
  if (file === undefined) return undefined;
  const lines = machine.inputLines;
  let first = Math.max(0, from);
  while (first < to && isBlank(lines.lineAt(first) ?? '')) first++;
  const start = lines.itemAt(from)!;
  const item = lines.itemAt(first)?.source === start.source ? lines.itemAt(first)! : start;
  return { line: item.offset + 1, file };
}

/** A line in an included file. */
export type IncludedLine = Required<SourceLine>;

/**
 * Gives every element in `nodes` from index `from` (and their descendants)
 * lacking a source the included file and line `at` (an element appended
 * with the file as its source gets the line).
 */
export function fillSources(nodes: Node[], at: IncludedLine, from = 0): void {
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') continue;
    const element = node as Element;
    if (element.source === undefined || (element.source === at.file && element.includedLine === undefined)) {
      element.source = at.file;
      element.includedLine = at.line;
    }
    fillSources(element.children, at);
  }
}

/** Gives every node in `nodes` from index `from` (and their descendants) lacking a position the span `position`. */
export function fillPositions(nodes: Node[], position: Position, from = 0): void {
  // Indexed: this runs over every node a transition adds, mostly before V8 optimises it.
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.position) node.position = position;
    if (node.type !== 'text') fillPositions((node as Element).children, node.position);
  }
}

/** Maps an index into inline text whose lines start at absolute line `lineno` to its file position. */
export function inlinePointer(memo: Memo, machine: StateMachine, value: string, lineno: number) {
  const root = rootOf(memo, machine);
  const starts: number[] = [0];
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') starts.push(i + 1);
  const columns = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : value.length;
    const text = value.slice(start, end);
    const line = root.inputLines.lineAt(lineno - 1 + i) ?? '';
    return Math.max(0, text ? line.indexOf(text) : 0);
  });
  return (index: number): Point => {
    // Binary search for the last line starting at or before `index`: a
    // scan per lookup is quadratic on long paragraphs full of markup.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! > index) high = middle - 1;
      else low = middle;
    }
    const i = low;
    const point = pointOf(memo, root, lineno - 1 + i, columns[i]! + index - starts[i]!);
    return point ?? { line: lineno + i, column: 1 + index - starts[i]!, offset: 0 };
  };
}
