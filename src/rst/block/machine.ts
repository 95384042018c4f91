/**
 * The line-oriented state machine behind the block parser, after docutils'
 * `statemachine.StateMachineWS`: it feeds one line at a time to the current
 * state, whose transitions (regexes tried in order) recognise the line's
 * shape. Nested constructs run a fresh machine over their indented block.
 *
 * Control flow mirrors docutils, which uses exceptions for it: `EndOfInput`
 * (docutils' EOFError) ends a machine, `TransitionCorrection` and
 * `StateCorrection` back up one line and retry.
 */

import {
  getIndented,
  getTextBlock,
  StringList,
  type IndentedBlock,
  type UnexpectedIndentation,
} from '../string-list.js';
import type { RstDocument } from '../document.js';
import { isBlank } from '../py-space.js';
import type { Element } from '../nodes.js';

export class EndOfInput {}

export class TransitionCorrection {
  constructor(readonly transition: string) {}
}

export class StateCorrection {
  constructor(
    readonly state: string,
    readonly transition?: string,
  ) {}
}

export type Context = string[];
export type TransitionResult = [Context, string | null, unknown[]];

/**
 * What a transition returns to end its machine, as docutils' `EOFError`
 * raised in one does (`invalid_input`), without the exception: every list
 * and field list ends so.
 */
export const END_OF_INPUT: TransitionResult = Object.freeze([Object.freeze([]), null, Object.freeze([])]) as unknown as TransitionResult;
export type TransitionMethod = (match: RegExpExecArray, context: Context, nextState: string) => TransitionResult;

/** Parse-wide data shared by every machine of one document (docutils' `memo`). */
export interface Memo {
  document: RstDocument;
  titleStyles: (string | [string, string])[];
  sectionLevel: number;
  sectionBubbleUpKludge: boolean;
  /** Directory that relative paths resolve against. */
  sourceDir: string;
  readFile: (path: string) => string | undefined;
  fileInsertionEnabled: boolean;
  /** The outermost machine: docutils' reporter converts line numbers through it. */
  root?: StateMachine;
  /** 0-based offset of each line start in the source text, for positions. */
  lineStarts: number[];
  /** The source lines that hold a tab, by line index: their columns move when tabs are expanded. */
  tabbedLines?: Map<number, string>;
  /** Column mappings of the tabbed lines positions were asked on (see `sourcePoint`). */
  tabColumns?: Map<number, (column: number) => number>;
  /** What the `date` directive formats (stages read no clock); absent: docutils' fixed default. */
  now?: Date;
}

export interface StateLike {
  readonly name: string;
  transitionOrder: readonly string[];
  /** The transitions of `transitionOrder` that can match `line`. */
  transitionsFor(line: string): readonly string[];
  patterns: Record<string, RegExp>;
  transition(name: string, match: RegExpExecArray, context: Context): TransitionResult;
  bof(context: Context): [Context, unknown[]];
  eof(context: Context): unknown[];
  noMatch(context: Context, transitions: readonly string[]): TransitionResult;
}

export type StateFactory = (machine: StateMachine) => StateLike;

/** The input of a machine not yet run (each run gives it its own). */
const EMPTY_LINES = new StringList();

export class StateMachine {
  inputLines = EMPTY_LINES;
  inputOffset = 0;
  lineOffset = -1;
  line: string | null = null;
  currentState: string;
  /**
   * The states built so far (a machine uses two or three of them), and
   * their names at the same index: a Map per machine was a few megabytes
   * on large decks, which run a machine per list item and section.
   */
  private readonly states: StateLike[] = [];
  private readonly stateNames: string[] = [];
  matchTitles = true;
  node!: Element;
  memo!: Memo;
  /** Where the construct being recognised began, while it spans several transitions. */
  constructStart: number | undefined;
  /**
   * Whether `node` is in the document yet. docutils parses a block quote,
   * a list item or a directive's content into an element it attaches only
   * afterwards, and an element appended to one not in the document gets
   * no line (docutils' `setup_child`).
   */
  attached = true;

  constructor(
    factories: Map<string, StateFactory>,
    initialState: string,
    /** Only these states are built; others are created on first use. */
    private readonly registry: Map<string, StateFactory> = factories,
  ) {
    this.currentState = initialState;
  }

  getState(next?: string | null): StateLike {
    if (next) this.currentState = next;
    const name = this.currentState;
    const index = this.stateNames.indexOf(name);
    if (index >= 0) return this.states[index]!;
    const factory = this.registry.get(name);
    if (!factory) throw new Error(`unknown state ${name}`);
    const state = factory(this);
    this.stateNames.push(name);
    this.states.push(state);
    return state;
  }

  run(inputLines: StringList, inputOffset: number, memo: Memo, node: Element, matchTitles: boolean): void {
    this.inputLines = inputLines;
    this.inputOffset = inputOffset;
    this.lineOffset = -1;
    this.memo = memo;
    this.node = node;
    this.matchTitles = matchTitles;
    let transitions: string[] | null = null;
    let state = this.getState();
    let context: Context;
    [context] = state.bof([]);
    for (;;) {
      let nextState: string | null = null;
      try {
        // The end of the input, without the exception nextLine() would throw
        // for it: every machine ends so, and a nested parse is a machine.
        if (this.lineOffset + 1 >= this.inputLines.length) {
          this.lineOffset += 1;
          this.line = null;
          this.notify();
          state.eof(context);
          break;
        }
        try {
          this.nextLine();
          const result = this.checkLine(context, state, transitions);
          if (result === END_OF_INPUT) {
            state.eof(context);
            break;
          }
          [context, nextState] = result;
        } catch (e) {
          if (e instanceof EndOfInput) {
            state.eof(context);
            break;
          }
          throw e;
        }
      } catch (e) {
        if (e instanceof TransitionCorrection) {
          this.previousLine();
          transitions = [e.transition];
          continue;
        }
        if (e instanceof StateCorrection) {
          this.previousLine();
          nextState = e.state;
          transitions = e.transition ? [e.transition] : null;
          state = this.getState(nextState);
          continue;
        }
        throw e;
      }
      transitions = null;
      state = this.getState(nextState);
    }
  }

  checkLine(context: Context, state: StateLike, transitions: string[] | null): TransitionResult {
    const line = this.line!;
    const order = transitions ?? state.transitionsFor(line);
    for (const name of order) {
      const pattern = state.patterns[name]!;
      pattern.lastIndex = 0;
      const match = pattern.exec(line);
      if (match) return state.transition(name, match, context);
    }
    return state.noMatch(context, transitions ?? state.transitionOrder);
  }

  /** Keeps the document's current line in step (docutils' `note_source` observer). */
  private notify(): void {
    const item = this.inputLines.itemAt(this.lineOffset);
    if (!this.memo) return;
    this.memo.document.currentLine = item && this.lineOffset >= 0 ? item.offset + 1 : undefined;
    this.memo.document.currentSource = item?.source;
    this.memo.document.currentFileOffset = item?.fileOffset;
  }

  nextLine(n = 1): string {
    try {
      return this.advance(n);
    } finally {
      this.notify();
    }
  }

  private advance(n: number): string {
    this.lineOffset += n;
    const line = this.inputLines.lineAt(this.lineOffset);
    if (line === undefined || this.lineOffset < 0) {
      this.line = null;
      throw new EndOfInput();
    }
    this.line = line;
    return line;
  }

  previousLine(n = 1): string | null {
    this.lineOffset -= n;
    this.line = this.lineOffset < 0 ? null : (this.inputLines.lineAt(this.lineOffset) ?? null);
    this.notify();
    return this.line;
  }

  gotoLine(lineOffset: number): string {
    try {
      return this.jump(lineOffset);
    } finally {
      this.notify();
    }
  }

  private jump(lineOffset: number): string {
    this.lineOffset = lineOffset - this.inputOffset;
    const line = this.inputLines.lineAt(this.lineOffset);
    if (line === undefined || this.lineOffset < 0) {
      this.line = null;
      throw new EndOfInput();
    }
    this.line = line;
    return line;
  }

  isNextLineBlank(): boolean {
    return isBlank(this.inputLines.lineAt(this.lineOffset + 1));
  }

  atEof(): boolean {
    return this.lineOffset >= this.inputLines.length - 1;
  }

  atBof(): boolean {
    return this.lineOffset <= 0;
  }

  absLineOffset(): number {
    return this.lineOffset + this.inputOffset;
  }

  absLineNumber(): number {
    return this.lineOffset + this.inputOffset + 1;
  }

  /** Source line (1-based) of absolute line number `lineno`, or of the current line. */
  sourceLine(lineno?: number): number | undefined {
    const offset = lineno === undefined ? this.lineOffset : lineno - this.inputOffset - 1;
    // A negative offset counts from the end, as docutils' Python list index does
    // (a table's first line computed before the start of the input).
    const item = this.inputLines.itemAt(offset < 0 ? offset + this.inputLines.length : offset);
    if (item) return item.offset + 1;
    if (offset === this.inputLines.length && offset > 0) {
      const last = this.inputLines.itemAt(offset - 1);
      if (last) return last.offset + 2;
    }
    return lineno;
  }

  sourceName(lineno?: number): string | undefined {
    const offset = lineno === undefined ? this.lineOffset : lineno - this.inputOffset - 1;
    return this.inputLines.itemAt(offset)?.source;
  }

  /** Advances to the last line of the block; reports an indented line as docutils does. */
  getTextBlock(flushLeft = false): { block: StringList; indentation?: UnexpectedIndentation } {
    const result = getTextBlock(this.inputLines, this.lineOffset, flushLeft);
    this.nextLineQuiet(result.block.length - 1);
    return result;
  }

  private nextLineQuiet(n: number): void {
    try {
      this.nextLine(n);
    } catch (e) {
      if (!(e instanceof EndOfInput)) throw e;
    }
  }

  getIndented(untilBlank = false, stripIndent = true): IndentedBlock & { offset: number } {
    const offset = this.absLineOffset();
    const r = getIndented(this.inputLines, this.lineOffset, untilBlank, stripIndent);
    if (r.block.length > 0) this.nextLineQuiet(r.block.length - 1);
    return { ...r, ...dropLeadingBlanks(r.block, offset) };
  }

  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): IndentedBlock & { offset: number } {
    const offset = this.absLineOffset();
    const r = getIndented(this.inputLines, this.lineOffset, untilBlank, stripIndent, indent);
    this.nextLineQuiet(r.block.length - 1);
    return { ...r, ...dropLeadingBlanks(r.block, offset) };
  }

  getFirstKnownIndented(
    indent: number,
    untilBlank = false,
    stripIndent = true,
    stripTop = true,
  ): IndentedBlock & { offset: number } {
    const offset = this.absLineOffset();
    const r = getIndented(this.inputLines, this.lineOffset, untilBlank, stripIndent, null, indent);
    this.nextLineQuiet(r.block.length - 1);
    return { ...r, ...(stripTop ? dropLeadingBlanks(r.block, offset) : { block: r.block, offset }) };
  }

  /** Splices `lines` in after the current line (docutils `insert_input`). */
  insertInput(lines: StringList, source: string): void {
    const at = this.lineOffset + 1;
    const padBefore = { source: `internal padding before ${source}`, offset: -1, column: 0 };
    const padAfter = { source: `internal padding after ${source}`, offset: lines.length, column: 0 };
    this.inputLines.insert(at, ['', ...lines.lines, ''], [padBefore, ...lines.items, padAfter]);
  }
}

/** Drops blank lines at the top of a block, moving its offset along (docutils `trim_start`). */
function dropLeadingBlanks(block: StringList, offset: number): { block: StringList; offset: number } {
  let first = 0;
  while (first < block.length && isBlank(block.lines[first])) first++;
  return { block: first > 0 ? block.slice(first) : block, offset: offset + first };
}
