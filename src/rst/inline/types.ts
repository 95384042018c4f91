/**
 * The contract between the block parser and the inline parser
 * (docutils `Inliner.parse(text, lineno, memo, parent)`).
 */

import type { RstDocument } from '../document.js';
import type { Element, Node, Point } from '../nodes.js';

export interface InlineContext {
  document: RstDocument;
  /** The element the returned nodes will be appended to. */
  parent: Element;
  /**
   * Maps an index into the parsed text to its place in the source file, so
   * inline nodes get a `position`. Absent for generated text.
   */
  pointAt?: (index: number) => Point;
}

export interface InlineResult {
  /** Text and inline elements, in order. */
  nodes: Node[];
  /** system_message elements, placed after the paragraph by the caller. */
  messages: Element[];
}

/** Signature of `parseInline` in `./index.ts`. `lineno` is the 1-based source line of the text's first line. */
export type InlineParser = (text: string, lineno: number, context: InlineContext) => InlineResult;
