/**
 * The base of every block-parser state (docutils `RSTState` on `StateWS`):
 * the blank/indent transitions every state has, nested parsing, sections and
 * paragraphs. Subclasses list their patterns and transition methods.
 */

import { element, text, textContent, type Element, type Node } from '../nodes.js';
import { fullyNormalizeName } from '../names.js';
import { pyRstrip } from '../py-space.js';
import { parseInline } from '../inline/index.js';
import type { InlineResult } from '../inline/types.js';
import { StringList } from '../string-list.js';
import type { MessagePlace } from '../document.js';
import { fillPositions, fillSources, includedSource, includedStartAt, inlinePointer, spanOf } from './positions.js';
import {
  EndOfInput,
  StateMachine,
  type Context,
  type Memo,
  type StateFactory,
  type StateLike,
  type TransitionMethod,
  type TransitionResult,
} from './machine.js';

export const WS_PATTERNS: Record<string, RegExp> = {
  blank: /^ *$/,
  indent: /^ +/,
};

interface TransitionTable {
  patterns: Record<string, RegExp>;
  order: string[];
  /** The transitions a line can match, by its first character (see `transitionsFor`). */
  byFirst: (readonly string[])[];
}

const TABLES = new WeakMap<Record<string, RegExp>, TransitionTable>();

/** What a line's first character must be for a pattern to match it: an ASCII character `ascii` matches, or (`other`) any beyond ASCII. */
interface FirstChars {
  ascii: RegExp;
  other: boolean;
}

const FIRST_CHARS = new Map<RegExp, FirstChars>();

/**
 * Declares which first characters `pattern` can match a line at (`ascii`
 * matches each such ASCII character; `other`: any character beyond ASCII
 * may start a match); lines starting otherwise are not tried against it.
 * Patterns not declared are tried on every line.
 */
export function declareFirstChars(pattern: RegExp, ascii: RegExp, other = false): void {
  FIRST_CHARS.set(pattern, { ascii, other });
}

declareFirstChars(WS_PATTERNS.blank!, / /);
declareFirstChars(WS_PATTERNS.indent!, / /);

/** For each ASCII code, then one list for any other character, the transitions of `order` a line starting so can match. */
function transitionsByFirst(patterns: Record<string, RegExp>, order: readonly string[]): (readonly string[])[] {
  const lists: (readonly string[])[] = [];
  for (let code = 0; code <= 128; code++) {
    const char = String.fromCharCode(code);
    lists.push(
      order.filter((name) => {
        const first = FIRST_CHARS.get(patterns[name]!);
        if (!first) return true;
        return code === 128 ? first.other : first.ascii.test(char);
      }),
    );
  }
  return lists;
}

const NO_PATTERNS: Record<string, RegExp> = Object.freeze({});
const NO_ORDER: readonly string[] = Object.freeze([]);

/** Every state class by name; filled by `states.ts`. */
export const STATE_REGISTRY = new Map<string, StateFactory>();

export abstract class RstState implements StateLike {
  abstract readonly name: string;
  // Replaced (never changed in place) by setTransitions and friends: the
  // initial values can be shared by every state.
  patterns: Record<string, RegExp> = NO_PATTERNS;
  transitionOrder: readonly string[] = NO_ORDER;
  /** `transitionOrder` by a line's first character; undefined: every line tries them all. */
  private byFirst: (readonly string[])[] | undefined;
  /** Set by nested list parses (docutils' `state.blank_finish`). */
  blankFinish = true;
  readonly machine: StateMachine;

  constructor(machine: StateMachine) {
    this.machine = machine;
  }

  /** Installs the transitions: blank and indent first, then the state's own. */
  protected setTransitions(patterns: Record<string, RegExp>, order: string[]): void {
    // Nested parses build states by the thousand: share one table per class.
    let table = TABLES.get(patterns);
    if (!table) {
      const all = { ...patterns, ...WS_PATTERNS };
      const allOrder = ['blank', 'indent', ...order];
      table = { patterns: all, order: allOrder, byFirst: transitionsByFirst(all, allOrder) };
      TABLES.set(patterns, table);
    }
    this.patterns = table.patterns;
    this.transitionOrder = table.order;
    this.byFirst = table.byFirst;
  }

  /**
   * The transitions worth trying on `line`, in order: those whose pattern
   * can match a line starting with its first character (docutils tries
   * them all; the first that matches is the same).
   */
  transitionsFor(line: string): readonly string[] {
    const byFirst = this.byFirst;
    if (byFirst === undefined || line.length === 0) return this.transitionOrder;
    const code = line.charCodeAt(0);
    return byFirst[code < 128 ? code : 128]!;
  }

  /** A state that changes its transitions gets tables of its own first. */
  protected addTransition(name: string, pattern: RegExp): void {
    this.patterns = { ...this.patterns, [name]: pattern };
    this.transitionOrder = [name, ...this.transitionOrder];
    this.byFirst = undefined;
  }

  protected removeTransition(name: string): void {
    const { [name]: _removed, ...rest } = this.patterns;
    void _removed;
    this.patterns = rest;
    this.transitionOrder = this.transitionOrder.filter((n) => n !== name);
    this.byFirst = undefined;
  }

  /** Runs transition `name` on a line it matched (docutils' `check_line` calling the method). */
  transition(name: string, match: RegExpExecArray, context: Context): TransitionResult {
    const fn = (this as unknown as Record<string, TransitionMethod>)[name];
    if (typeof fn !== 'function') throw new Error(`no transition method ${name} in ${this.name}`);
    return this.positioned(fn, match, context, this.nextStateAfter(name));
  }

  /** The state a transition leads to unless it says otherwise: this one. */
  protected nextStateAfter(name: string): string {
    void name;
    return this.name;
  }

  /**
   * Runs a transition and gives the nodes it added the span of lines it
   * consumed. A construct that carries on in another state (a paragraph's
   * first line, a title's overline) keeps its start line in the machine.
   */
  private positioned(
    transition: TransitionMethod,
    match: RegExpExecArray,
    context: Context,
    nextState: string,
  ): TransitionResult {
    const machine = this.machine;
    const parent = this.parent;
    const before = parent.children.length;
    const start = machine.constructStart ?? machine.lineOffset;
    let result: TransitionResult | undefined;
    try {
      result = transition.call(this, match, context, nextState);
      return result;
    } finally {
      if (parent.children.length > before) {
        const span = spanOf(this.memo, machine, start, machine.lineOffset);
        if (span) fillPositions(parent.children, span, before);
        // What an included file's lines made is in that file (docutils' `node.source`).
        const included = includedStartAt(this.memo, machine, start, machine.lineOffset);
        if (included !== undefined) fillSources(parent.children, included, before);
        machine.constructStart = undefined;
      } else if (result && result[0].length > 0) {
        machine.constructStart = start;
      } else {
        machine.constructStart = undefined;
      }
    }
  }

  get memo(): Memo {
    return this.machine.memo;
  }

  get document() {
    return this.machine.memo.document;
  }

  get parent(): Element {
    return this.machine.node;
  }

  append(...nodes: (Node | null | undefined)[]): void {
    this.appendAll(nodes);
  }

  /**
   * `parent += child` for an element just appended here (a list, a line
   * block): in the document when this machine's element is, so the child
   * takes the parser's line if it has none, as docutils' `setup_child` gives it.
   */
  appendTo(parent: Element, child: Element): void {
    this.setupChild(child);
    parent.children.push(child);
  }

  /** `append` for lists of any length (spreading a huge list into arguments overflows the stack). */
  appendAll(nodes: readonly (Node | null | undefined)[]): void {
    for (const node of nodes) {
      if (!node) continue;
      if (node.type !== 'text') this.setupChild(node as Element);
      this.parent.children.push(node);
    }
  }

  /**
   * docutils' `setup_child` for an element appended to this machine's (or
   * one just appended to it): in the document, it takes the parser's line
   * and file if it has none (deck records only included files).
   */
  private setupChild(element: Element): void {
    if (element.line !== undefined || !this.machine.attached) return;
    element.line = this.document.currentLine;
    const file = includedSource(this.document.currentSource, this.document.sourceName);
    if (file !== undefined && element.source === undefined) element.source = file;
  }

  bof(context: Context): [Context, unknown[]] {
    void context;
    return [[], []];
  }

  eof(context: Context): unknown[] {
    void context;
    return [];
  }

  noMatch(context: Context, transitions: readonly string[]): TransitionResult {
    this.document.severe(
      `Internal error: no transition pattern match.  State: "${this.name}"; transitions: ${transitions.join(', ')}.`,
    );
    return [context, null, []];
  }

  blank(match: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    void match;
    return [context, nextState, []];
  }

  indent(match: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    void match;
    return [context, nextState, []];
  }

  /** docutils `RSTState.goto_line`: jumps, ignoring jumps past the end. */
  gotoLine(absLineOffset: number): void {
    try {
      this.machine.gotoLine(absLineOffset);
    } catch (e) {
      if (!(e instanceof EndOfInput)) throw e;
    }
  }

  /**
   * Source line of an absolute line number through this machine's own
   * lines, as docutils places nodes (`state_machine.get_source_and_line`):
   * inside a table cell it differs from `srcLine`, which messages use.
   */
  nodeLine(absLine?: number): number | undefined {
    return this.machine.sourceLine(absLine);
  }

  /** Source line of an absolute line number (through the outermost machine, as docutils' reporter does). */
  srcLine(absLine?: number): number | undefined {
    if (absLine === undefined) return this.machine.sourceLine();
    return (this.memo.root ?? this.machine).sourceLine(absLine);
  }

  /** Where docutils' reporter places a message given no line: the outermost machine's current line, in its file. */
  reporterCurrent(): MessagePlace {
    return this.document.reporterCurrent();
  }

  /**
   * The line and file docutils' reporter gives a message at absolute line
   * `absLine`: converted through the outermost machine's input.
   */
  reporterPlace(absLine: number | undefined): MessagePlace {
    return absLine === undefined ? {} : this.document.reporterPlace(absLine);
  }

  newMachine(initialState: string): StateMachine {
    return new StateMachine(STATE_REGISTRY, initialState);
  }

  /**
   * Whether `node`, about to be parsed into, is in the document: this
   * machine's own element, the element last appended to it (messages may
   * follow it), or a part of the document's decoration. Elements made for
   * a block quote, a list item or a directive are attached after their
   * content is parsed.
   */
  private inDocument(node: Element): boolean {
    if (node === this.document.root || this.document.decoration?.children.includes(node)) return true;
    if (!this.machine.attached) return false;
    // A list carrying on in a new machine (explicit markup, fields) fills the same element.
    if (node === this.parent) return true;
    // Only a few messages come between (a line block's first line's): a
    // bound keeps a parent with thousands of messages from making this quadratic.
    const children = this.parent.children;
    for (let i = children.length - 1; i >= Math.max(0, children.length - 16); i--) {
      if (children[i] === node) return true;
      if (children[i]!.type !== 'system_message') return false;
    }
    return false;
  }

  /**
   * Runs a nested machine. Messages in its block name their own lines'
   * files, not those of a directive around them (no closure when none is set:
   * this runs for every list item and section).
   */
  private runNested(machine: StateMachine, block: StringList, inputOffset: number, node: Element, matchTitles: boolean): void {
    const document = this.document;
    if (document.messageAbsLine === undefined && document.authorAbsLine === undefined) {
      machine.run(block, inputOffset, this.memo, node, matchTitles);
    } else {
      document.aboutLines(undefined, undefined, () => machine.run(block, inputOffset, this.memo, node, matchTitles));
    }
  }

  nestedParse(
    block: StringList,
    inputOffset: number,
    node: Element,
    matchTitles = false,
    initialState = 'Body',
  ): number {
    const machine = this.newMachine(initialState);
    machine.attached = this.inDocument(node);
    const before = block.length;
    this.runNested(machine, block, inputOffset, node, matchTitles);
    const offset = machine.absLineOffset();
    // Lines an include inserted into the block went into this machine's
    // input too (the block is a view on it): skip them, as docutils does.
    if (block.parent && block.length !== before) this.machine.nextLine(block.length - before);
    return offset;
  }

  nestedListParse(
    block: StringList,
    inputOffset: number,
    node: Element,
    initialState: string,
    blankFinish: boolean,
    options: { blankFinishState?: string; extra?: Record<string, unknown>; matchTitles?: boolean } = {},
  ): [number, boolean] {
    const machine = this.newMachine(initialState);
    machine.attached = this.inDocument(node);
    const finishState = options.blankFinishState ?? initialState;
    (machine.getState(finishState) as RstState).blankFinish = blankFinish;
    machine.currentState = initialState;
    if (options.extra) Object.assign(machine.getState(initialState), options.extra);
    this.runNested(machine, block, inputOffset, node, options.matchTitles ?? false);
    const finish = (machine.getState(finishState) as RstState).blankFinish;
    return [machine.absLineOffset(), finish];
  }

  /**
   * Parses the remaining members of a compound element (list items, fields,
   * explicit markup) in a nested machine that starts in `state`, then warns
   * if the construct ended without a blank line.
   */
  continueList(
    node: Element,
    state: string,
    blankFinish: boolean,
    what: string,
    options: { extra?: Record<string, unknown>; matchTitles?: boolean; blankFinishState?: string } = {},
  ): void {
    const [newOffset, finished] = this.nestedListParse(
      this.machine.inputLines.slice(this.machine.lineOffset + 1),
      this.machine.absLineOffset() + 1,
      node,
      state,
      blankFinish,
      options,
    );
    this.gotoLine(newOffset);
    if (!finished) this.append(this.unindentWarning(what));
  }

  // ---- sections --------------------------------------------------------

  /**
   * docutils `section`. Returns whether this machine's input ends here (a
   * title of this section's level or above, which docutils signals with
   * `EOFError`): the transition then returns `END_OF_INPUT`.
   */
  section(title: string, source: string, style: string | [string, string], lineno: number, messages: Node[]): boolean {
    const check = this.checkSubsection(source, style, lineno);
    if (check === 'ends') return true;
    return check && this.newSubsection(title, lineno, messages);
  }

  /** Whether the title starts a subsection; 'ends': it ends this machine's input (docutils' `EOFError`). */
  checkSubsection(source: string, style: string | [string, string], lineno: number): boolean | 'ends' {
    const memo = this.memo;
    const styles = memo.titleStyles;
    const myLevel = memo.sectionLevel;
    const key = styleKey(style);
    const index = styles.findIndex((s) => styleKey(s) === key);
    if (index < 0) {
      if (styles.length === memo.sectionLevel) {
        styles.push(style);
        return true;
      }
      this.append(this.titleInconsistent(source, lineno));
      return false;
    }
    const level = index + 1;
    if (level <= myLevel) {
      memo.sectionLevel = level;
      if (Array.isArray(style)) memo.sectionBubbleUpKludge = true;
      this.machine.previousLine((Array.isArray(style) ? 2 : 1) + 1);
      return 'ends';
    }
    if (level === myLevel + 1) return true;
    this.append(this.titleInconsistent(source, lineno));
    return false;
  }

  titleInconsistent(source: string, lineno: number): Element {
    return this.document.severe('Title level inconsistent:', {
      ...this.reporterPlace(lineno),
      children: [literalBlock(source)],
    });
  }

  /** docutils `new_subsection`; returns whether a title after the section ends this machine's input too. */
  newSubsection(title: string, lineno: number, messages: Node[]): boolean {
    const memo = this.memo;
    const myLevel = memo.sectionLevel;
    memo.sectionLevel += 1;
    const section = element('section');
    this.append(section);
    const { nodes, messages: titleMessages } = this.inlineText(title, lineno);
    const titleNode = element('title', {}, nodes);
    // docutils' title takes the line the parser is on: the underline.
    this.setupChild(titleNode);
    section.attributes.names = [fullyNormalizeName(textContent(titleNode).replace(/\x00[ \n]?/g, ''))];
    section.children.push(titleNode, ...messages, ...titleMessages);
    this.document.noteImplicitTarget(section, section);
    const offset = this.machine.lineOffset + 1;
    const absOffset = this.machine.absLineOffset() + 1;
    const newAbsOffset = this.nestedParse(this.machine.inputLines.slice(offset), absOffset, section, true);
    this.gotoLine(newAbsOffset);
    if (memo.sectionLevel <= myLevel) return true;
    memo.sectionLevel = myLevel;
    return false;
  }

  // ---- paragraphs and inline text --------------------------------------

  /** Returns the paragraph (and messages) and whether a literal block follows (`::`). */
  paragraph(lines: string[], lineno: number): [Node[], boolean] {
    const data = pyRstrip(lines.join('\n'));
    let body: string;
    let literalNext = false;
    if (/(?<!\\)(\\\\)*::$/.test(data)) {
      if (data.length === 2) return [[], true];
      body = ' \n'.includes(data[data.length - 3]!) ? pyRstrip(data.slice(0, -3)) : data.slice(0, -1);
      literalNext = true;
    } else {
      body = data;
    }
    const { nodes, messages } = this.inlineText(body, lineno);
    const p = element('paragraph', {}, nodes);
    p.line = this.nodeLine(lineno);
    return [[p, ...messages], literalNext];
  }

  /** Inline markup of `value`; its messages report `lineno`, its positions start at `textLineno`. */
  inlineText(value: string, lineno: number, textLineno = lineno): InlineResult {
    const line = this.srcLine(lineno) ?? lineno;
    const pointAt = inlinePointer(this.memo, this.machine, value, textLineno);
    const context = { document: this.document, parent: this.parent, pointAt };
    // docutils' reporter names the file of the messages' line; where that line is not the text's
    // own (a parsed-literal's, a line block directive's), the author is sent to the text.
    // By hand rather than through aboutLines: this runs for every paragraph.
    const document = this.document;
    const outerLine = document.messageAbsLine;
    const outerAuthor = document.authorAbsLine;
    document.messageAbsLine = lineno;
    document.authorAbsLine = textLineno === lineno ? undefined : textLineno;
    try {
      return parseInline(value, line, context);
    } finally {
      document.messageAbsLine = outerLine;
      document.authorAbsLine = outerAuthor;
    }
  }

  unindentWarning(nodeName: string): Element {
    const lineno = this.machine.absLineNumber() + 1;
    return this.document.warning(`${nodeName} ends without a blank line; unexpected unindent.`, {
      ...this.reporterPlace(lineno),
    });
  }
}

export function literalBlock(value: string): Element {
  return element('literal_block', { 'xml:space': 'preserve' }, value ? [text(value)] : []);
}

function styleKey(style: string | [string, string]): string {
  return Array.isArray(style) ? style.join('') : style;
}

const NARROW_ONLY = /^[\x00-\u02ff]*$/;

/** docutils `column_width`: East Asian wide characters count twice, combining ones not at all. */
export function columnWidth(value: string): number {
  // Below U+0300 there are no combining or wide characters: one column each.
  if (NARROW_ONLY.test(value)) return value.length;
  let width = 0;
  for (const ch of value) {
    if (/\p{Mn}/u.test(ch)) continue;
    width += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  }
  return width;
}
