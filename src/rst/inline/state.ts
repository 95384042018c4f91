/**
 * The state one inline parse shares between its constructs (docutils keeps
 * it on the `Inliner` instance): the NUL-escaped text, the document, the
 * parent element, and the searches over the text.
 */

import type { RstDocument } from '../document.js';
import { addToList, element, Span, text as textNode, type Element, type Node, type Position } from '../nodes.js';
import type { Point } from '../nodes.js';
import type { RoleInliner } from '../roles/types.js';
import { EndStrings } from './end-strings.js';
import { InitialSearch } from './initial.js';
import { escapeToNull } from './scanner.js';

/**
 * What a construct hands back to the main loop, as absolute indices:
 * docutils' `(before, inlines, remaining, sysmessages)` where `before` is
 * `text[from:beforeEnd]` and `remaining` is `text[remaining:]`.
 */
export interface ConstructResult {
  beforeEnd: number;
  nodes: Node[];
  remaining: number;
  messages: Element[];
}

/**
 * Context docutils' inliner has beyond `InlineContext` (a proposed addition
 * to that contract; optional, so callers may pass it already).
 */
export interface InlineContextExtras {
  /**
   * The line docutils' state machine is on while the paragraph is parsed
   * (the paragraph's last line; the line after it for a one-line paragraph),
   * which docutils gives messages that name no line of their own, such as
   * duplicate target names.
   */
  currentLine?: number;
}

export class InlineState implements RoleInliner {

  /** The text with escaping backslashes turned into NULs (same indices). */
  readonly text: string;
  readonly initial: InitialSearch;
  private endStrings: EndStrings | undefined;

  constructor(
    source: string,
    readonly lineno: number,
    readonly document: RstDocument,
    readonly parent: Element,
    private readonly pointAt: ((index: number) => Point) | undefined,
    private readonly extras: InlineContextExtras = {},
  ) {
    this.text = escapeToNull(source);
    this.initial = new InitialSearch(this.text);
  }

  /** End-string search, made on the first start-string: most text has none. */
  get ends(): EndStrings {
    this.endStrings ??= new EndStrings(this.text);
    return this.endStrings;
  }

  /** Source position of `text[start:end]`, when the caller maps indices. */
  position(start: number, end: number): Position | undefined {
    if (!this.pointAt) return undefined;
    return Span.between(this.pointAt(start), this.pointAt(end));
  }

  /** An element covering `text[start:end]`. */
  element(type: string, attributes: Element['attributes'], children: Node[], start: number, end: number): Element {
    return element(type, attributes, children, this.position(start, end));
  }

  /** A Text node for `value` taken from `text[start:end]`. */
  textNode(value: string, start: number, end: number): Node {
    return textNode(value, this.position(start, end));
  }

  /**
   * docutils `Inliner.problematic`: the message gets an id, the problematic
   * node points at it (`refid`), and the message points back (`backrefs`).
   */
  problematic(value: string, _rawsource: string, message: Element): Element {
    const msgid = this.document.setId(message, this.parent);
    const node = element('problematic', { refid: msgid }, [textNode(value)]);
    const prbid = this.document.setId(node);
    addToList(message, 'backrefs', prbid);
    return node;
  }

  /** `problematic` for `text[start:end]`, with its position. */
  problematicAt(value: string, message: Element, start: number, end: number): Element {
    const node = this.problematic(value, value, message);
    const position = this.position(start, end);
    if (position) node.position = position;
    return node;
  }

  /**
   * `document.note_explicit_target(target, self.parent)`: messages about
   * duplicate names go straight into `parent` (docutils' `Inliner.parent`,
   * the element the paragraph will join, so they precede the paragraph),
   * at the state machine's line.
   */
  noteExplicitTarget(target: Element): void {
    const line = target.line;
    if (this.extras.currentLine !== undefined) target.line = this.extras.currentLine;
    try {
      this.document.noteExplicitTarget(target, this.parent);
    } finally {
      // Assigned, not deleted: every element keeps one shape.
      target.line = line;
    }
  }

  /** A warning at the paragraph's line, as docutils reports inline problems. */
  warning(message: string, code: string): Element {
    return this.document.warning(message, { line: this.lineno, code });
  }

  /**
   * docutils `Inliner.quoted_start`: a start-string enclosed in matching
   * open/close punctuation (`"*"`, `(*)`, `«*»`) or at the very end is no
   * start-string. `from` is where docutils' `remaining` begins.
   */
  quotedStart(start: number, end: number, from: number, matchChars: (a: string, b: string) => boolean): boolean {
    if (start === from) return false;
    if (end >= this.text.length) return true;
    const pre = String.fromCodePoint(this.text.codePointAt(start - 1)!);
    const post = String.fromCodePoint(this.text.codePointAt(end)!);
    return matchChars(pre, post);
  }
}
