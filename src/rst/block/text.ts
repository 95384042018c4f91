/**
 * States for the second line of a text block (docutils `Text`, `Definition`,
 * `Line`, `QuotedLiteralBlock`): is it a paragraph, a definition list item,
 * a section title, a transition?
 *
 * ```
 * > | Title
 * > | =====      underline → section
 * ```
 */

import { element, isText, text, type Element, type Node } from '../nodes.js';
import { isBlank, pyLstrip, pyRstrip, pyStrip } from '../py-space.js';
import {
  END_OF_INPUT,
  EndOfInput,
  StateCorrection,
  TransitionCorrection,
  type Context,
  type StateMachine,
  type TransitionResult,
} from './machine.js';
import { BODY_PATTERNS } from './body.js';
import { columnWidth, literalBlock, RstState } from './state.js';
import type { StringList } from '../string-list.js';

const TEXT_PATTERNS: Record<string, RegExp> = { underline: BODY_PATTERNS.line!, text: /^/ };
const QUOTED_PATTERNS: Record<string, RegExp> = { initial_quoted: /^([!-/:-@[-`{-~])/, text: /^/ };

export class TextState extends RstState {
  get name(): string {
    return 'Text';
  }

  constructor(machine: StateMachine) {
    super(machine);
    this.setTransitions(TEXT_PATTERNS, ['underline', 'text']);
  }

  protected override nextStateAfter(name: string): string {
    // Text's transitions lead back to Body (docutils: ('underline', 'Body'), ('text', 'Body')).
    if (this.name === 'Text' && (name === 'underline' || name === 'text')) return 'Body';
    return super.nextStateAfter(name);
  }

  override blank(_m: RegExpExecArray | null, context: Context): TransitionResult {
    const [paragraph, literalNext] = this.paragraph(context, this.machine.absLineNumber() - 1);
    this.appendAll(paragraph);
    if (literalNext) this.appendAll(this.literalBlock());
    return [[], 'Body', []];
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) this.blank(null, context);
    return [];
  }

  override indent(_m: RegExpExecArray, context: Context): TransitionResult {
    const list = element('definition_list');
    const [item, finish] = this.definitionListItem(context);
    list.children.push(item);
    this.append(list);
    this.continueList(list, 'DefinitionList', finish, 'Definition list', {
      blankFinishState: 'Definition',
    });
    return [[], 'Body', []];
  }

  underline(match: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    const lineno = this.machine.absLineNumber();
    const title = pyRstrip(context[0]!);
    const underline = pyRstrip(match.input);
    const source = `${title}\n${underline}`;
    const messages: Node[] = [];
    if (columnWidth(title) > underline.length) {
      if (underline.length < 4) {
        if (this.machine.matchTitles) {
          this.append(
            this.document.info(
              "Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.",
              { ...this.reporterPlace(lineno) },
            ),
          );
        }
        throw new TransitionCorrection('text');
      }
      const blocktext = `${context[0]}\n${this.machine.line}`;
      messages.push(
        this.document.warning('Title underline too short.', {
          ...this.reporterPlace(lineno),
          children: [literalBlock(blocktext)],
        }),
      );
    }
    if (!this.machine.matchTitles) {
      const blocktext = `${context[0]}\n${this.machine.line}`;
      const msg = this.document.severe('Unexpected section title.', {
        line: this.srcLine(),
        children: [literalBlock(blocktext)],
      });
      this.appendAll([...messages, msg]);
      return [[], nextState, []];
    }
    const style = underline[0]!;
    context.length = 0;
    if (this.section(title, source, style, lineno - 1, messages)) return END_OF_INPUT;
    return [[], nextState, []];
  }

  text(match: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    void match;
    const startline = this.machine.absLineNumber() - 1;
    let msg: Element | null = null;
    const { block, indentation } = this.machine.getTextBlock(true);
    if (indentation) {
      msg = this.document.error('Unexpected indentation.', { line: indentation.line });
    }
    const lines = [...context, ...block.lines];
    const [paragraph, literalNext] = this.paragraph(lines, startline);
    this.appendAll([...paragraph, msg]);
    if (literalNext) {
      try {
        this.machine.nextLine();
      } catch (e) {
        if (!(e instanceof EndOfInput)) throw e;
      }
      this.appendAll(this.literalBlock());
    }
    return [[], nextState, []];
  }

  literalBlock(): Node[] {
    const r = this.machine.getIndented();
    let block = r.block;
    while (block.length > 0 && isBlank(block.lines[block.length - 1])) block = block.slice(0, block.length - 1);
    if (block.length === 0) return this.quotedLiteralBlock();
    const data = block.lines.join('\n');
    const node = literalBlock(data);
    node.line = this.nodeLine(r.offset + 1);
    const nodes: Node[] = [node];
    if (!r.blankFinish) nodes.push(this.unindentWarning('Literal block'));
    return nodes;
  }

  quotedLiteralBlock(): Node[] {
    const absOffset = this.machine.absLineOffset();
    const offset = this.machine.lineOffset;
    const holder = element('holder');
    const newOffset = this.nestedParse(
      this.machine.inputLines.slice(offset),
      absOffset,
      holder,
      false,
      'QuotedLiteralBlock',
    );
    this.gotoLine(newOffset);
    return holder.children;
  }

  definitionListItem(termline: string[]): [Element, boolean] {
    const termLineno = this.machine.absLineNumber() - 1;
    const r = this.machine.getIndented();
    const item = element('definition_list_item');
    // As docutils: the line before the end of the definition, trailing blank lines included.
    const lineno = this.machine.absLineNumber() - 1;
    item.line = this.nodeLine(lineno);
    const [termlist, messages] = this.term(termline, lineno, termLineno);
    for (const node of termlist) item.children.push(node);
    const definition = element('definition', {}, messages);
    item.children.push(definition);
    if (termline[0]!.slice(-2) === '::') {
      definition.children.push(
        this.document.info(
          'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
          { ...this.reporterPlace(lineno + 1) },
        ),
      );
    }
    this.nestedParse(r.block, r.offset, definition);
    return [item, r.blankFinish];
  }

  /** `lineno` is the line docutils reports; `termLineno` the term's own, for positions. */
  term(lines: string[], lineno: number, termLineno = lineno): [Element[], Node[]] {
    const { nodes, messages } = this.inlineText(lines[0]!, lineno, termLineno);
    const termNode = element('term');
    termNode.line = this.nodeLine(lineno);
    const list: Element[] = [termNode];
    for (const node of nodes) {
      if (isText(node)) {
        const parts = node.value.split(/ +: +/);
        if (parts.length === 1) list[list.length - 1]!.children.push(node);
        else {
          list[list.length - 1]!.children.push(text(pyRstrip(parts[0]!)));
          for (const part of parts.slice(1)) {
            list.push(element('classifier', {}, [text(part)]));
          }
        }
      } else {
        list[list.length - 1]!.children.push(node);
      }
    }
    return [list, messages];
  }
}

export class SpecializedText extends TextState {
  override get name(): string {
    return 'SpecializedText';
  }

  override eof(_context?: Context): unknown[] {
    return [];
  }

  invalidInput(): TransitionResult {
    return END_OF_INPUT;
  }

  override blank(_m?: RegExpExecArray | null, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override indent(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override underline(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override text(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
}

export class Definition extends SpecializedText {
  override get name(): string {
    return 'Definition';
  }

  override eof(_context?: Context): unknown[] {
    this.machine.previousLine(2);
    return [];
  }

  override indent(_m: RegExpExecArray, context: Context): TransitionResult {
    const [item, blankFinish] = this.definitionListItem(context);
    this.append(item);
    this.blankFinish = blankFinish;
    return [[], 'DefinitionList', []];
  }
}

export class Line extends SpecializedText {
  override get name(): string {
    return 'Line';
  }
  eofcheck = true;

  override eof(context: Context): unknown[] {
    const marker = pyStrip(context[0]!);
    if (this.memo.sectionBubbleUpKludge) this.memo.sectionBubbleUpKludge = false;
    else if (marker.length < 4) this.stateCorrection(context);
    if (this.eofcheck) {
      const transition = element('transition');
      const srcline = this.srcLine();
      transition.line = srcline === undefined ? undefined : srcline - 1;
      transition.rawsource = context[0]!;
      this.append(transition);
    }
    this.eofcheck = true;
    return [];
  }

  override blank(_m: RegExpExecArray, context: Context): TransitionResult {
    const srcline = this.srcLine();
    const marker = pyStrip(context[0]!);
    if (marker.length < 4) this.stateCorrection(context);
    const transition = element('transition');
    transition.line = srcline === undefined ? undefined : srcline - 1;
    transition.rawsource = marker;
    this.append(transition);
    return [[], 'Body', []];
  }

  override text(match: RegExpExecArray, context: Context): TransitionResult {
    const lineno = this.machine.absLineNumber() - 1;
    let overline = context[0]!;
    const title = match.input;
    let underline = '';
    try {
      underline = this.machine.nextLine();
    } catch (e) {
      if (!(e instanceof EndOfInput)) throw e;
      const blocktext = `${overline}\n${title}`;
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.append(
          this.document.severe('Incomplete section title.', {
            ...this.reporterPlace(lineno),
            children: [literalBlock(blocktext)],
          }),
        );
        return [[], 'Body', []];
      }
    }
    const source = `${overline}\n${title}\n${underline}`;
    overline = pyRstrip(overline);
    underline = pyRstrip(underline);
    const blocktext = `${overline}\n${title}\n${underline}`;
    if (!BODY_PATTERNS.line!.test(underline)) {
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.append(
          this.document.severe('Missing matching underline for section title overline.', {
            ...this.reporterPlace(lineno),
            children: [literalBlock(source)],
          }),
        );
        return [[], 'Body', []];
      }
    } else if (overline !== underline) {
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.append(
          this.document.severe('Title overline & underline mismatch.', {
            ...this.reporterPlace(lineno),
            children: [literalBlock(source)],
          }),
        );
        return [[], 'Body', []];
      }
    }
    const trimmed = pyRstrip(title);
    const messages: Node[] = [];
    if (columnWidth(trimmed) > overline.length) {
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        messages.push(
          this.document.warning('Title overline too short.', {
            ...this.reporterPlace(lineno),
            children: [literalBlock(source)],
          }),
        );
      }
    }
    const style: [string, string] = [overline[0]!, underline[0]!];
    this.eofcheck = false;
    // Ended here, the machine's eof() still sees eofcheck off, as after docutils' EOFError.
    if (this.section(pyLstrip(trimmed), source, style, lineno + 1, messages)) return END_OF_INPUT;
    this.eofcheck = true;
    return [[], 'Body', []];
  }

  override indent(match: RegExpExecArray, context: Context): TransitionResult {
    return this.text(match, context);
  }

  override underline(_m: RegExpExecArray, context: Context): TransitionResult {
    const overline = context[0]!;
    const blocktext = `${overline}\n${this.machine.line}`;
    const lineno = this.machine.absLineNumber() - 1;
    if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 1);
    this.append(
      this.document.error('Invalid section title or transition marker.', {
        ...this.reporterPlace(lineno),
        children: [literalBlock(blocktext)],
      }),
    );
    return [[], 'Body', []];
  }

  shortOverline(context: Context, _blocktext: string, lineno: number, lines = 1): never {
    this.append(
      this.document.info(
        "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
        { ...this.reporterPlace(lineno) },
      ),
    );
    return this.stateCorrection(context, lines);
  }

  stateCorrection(context: Context, lines = 1): never {
    this.machine.previousLine(lines);
    context.length = 0;
    throw new StateCorrection('Body', 'text');
  }
}


export class QuotedLiteralBlock extends RstState {
  get name(): string {
    return 'QuotedLiteralBlock';
  }
  messages: Node[] = [];
  initialLineno: number | undefined;

  constructor(machine: StateMachine) {
    super(machine);
    this.setTransitions(QUOTED_PATTERNS, ['initial_quoted', 'text']);
  }

  override blank(_m: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    if (context.length > 0) throw new EndOfInput();
    return [context, nextState, []];
  }

  override eof(context: Context): unknown[] {
    if (context.length > 0) {
      const node = literalBlock(context.join('\n'));
      node.line = this.nodeLine(this.initialLineno);
      this.append(node);
    } else {
      this.append(this.document.warning('Literal block expected; none found.', { ...this.reporterPlace(this.machine.absLineNumber()) }));
      this.machine.previousLine();
    }
    this.appendAll(this.messages);
    return [];
  }

  override indent(): TransitionResult {
    this.messages.push(this.document.error('Unexpected indentation.', { ...this.reporterPlace(this.machine.absLineNumber()) }));
    this.machine.previousLine();
    throw new EndOfInput();
  }

  initial_quoted(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    this.removeTransition('initial_quoted');
    const quote = match.input[0]!;
    this.addTransition('quoted', new RegExp(`^${quote.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}`));
    this.initialLineno = this.machine.absLineNumber();
    return [[match.input], nextState, []];
  }

  quoted(match: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    context.push(match.input);
    return [context, nextState, []];
  }

  text(_m: RegExpExecArray, context: Context): TransitionResult {
    if (context.length > 0) {
      this.messages.push(this.document.error('Inconsistent literal block quoting.', { ...this.reporterPlace(this.machine.absLineNumber()) }));
      this.machine.previousLine();
    }
    throw new EndOfInput();
  }
}

export type { StringList };
