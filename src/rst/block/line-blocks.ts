/**
 * docutils' `nest_line_block_lines`: in a line block, lines indented more
 * than the least become nested line blocks, recursively. A line's
 * indentation (docutils' `line.indent`) is known for lines that start with
 * `|`; a continuation-less line without it takes the previous line's.
 */

import { element, type Element, type Node } from '../nodes.js';

/** Each line's indentation, where known. */
export interface LineIndents {
  get(line: Element): number | undefined;
  set(line: Element, indent: number | undefined): unknown;
}

/**
 * Nests `block`'s lines by `indents` (missing ones inherit the previous
 * line's). The blocks made directly inside `block` take `line`: docutils
 * gives them the parser's line when `block` is in the document; deeper
 * ones are made in a block not yet in it, and get none.
 */
export function nestLineBlockLines(block: Element, indents: LineIndents, line?: number): void {
  const lines = block.children as Element[];
  for (let i = 1; i < lines.length; i++) {
    if (indents.get(lines[i]!) === undefined) indents.set(lines[i]!, indents.get(lines[i - 1]!));
  }
  nestSegment(block, indents, line);
}

function nestSegment(block: Element, indents: LineIndents, line: number | undefined): void {
  const indentOf = (node: Node): number => indents.get(node as Element) ?? 0;
  // A loop, not Math.min(...): a block of 100,000 lines would overflow the stack.
  let least = Infinity;
  for (const item of block.children) least = Math.min(least, indentOf(item));
  const items: Node[] = [];
  let nested = element('line_block');
  const close = (): void => {
    nestSegment(nested, indents, undefined);
    if (line !== undefined) nested.line = line;
    items.push(nested);
    nested = element('line_block');
  };
  for (const item of block.children) {
    if (indentOf(item) > least) {
      nested.children.push(item);
      continue;
    }
    if (nested.children.length > 0) close();
    items.push(item);
  }
  if (nested.children.length > 0) close();
  block.children = items;
}
