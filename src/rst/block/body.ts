/**
 * The Body state: classifies the first line of a block (docutils
 * `states.Body`). Lists, block quotes, line blocks, tables, explicit markup,
 * section adornments and paragraphs start here.
 *
 * ```
 * > | * item          bullet
 * > | 1. item         enumerator
 * > | :field: body    field_marker
 * > | .. directive::  explicit_markup
 * ```
 */

import { isBlank, leadingSpace, pyRstrip, pySplit, pyStrip } from '../py-space.js';
import { element, text, type Element, type Node } from '../nodes.js';
import { parseGridTable, parseSimpleTable, GRID_TABLE_TOP, SIMPLE_TABLE_TOP } from '../tables/index.js';
import { StringList } from '../string-list.js';
import { TransitionCorrection, type Context, type StateMachine, type TransitionResult } from './machine.js';
import { declareFirstChars, literalBlock, RstState } from './state.js';
import { ENUMERATOR_PATTERN, FORMAT_INFO, makeEnumerator, parseEnumerator, type EnumFormat } from './enumerator.js';
import { explicitConstruct, anonymousTarget } from './explicit.js';
import { sourcePoint } from './positions.js';
import { nestLineBlockLines } from './line-blocks.js';

const NONALPHANUM7BIT = '[!-/:-@[-`{-~]';
const OPTNAME = '[a-zA-Z0-9][a-zA-Z0-9_-]*';
const OPTARG = '([a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const SHORTOPT = `(-|\\+)[a-zA-Z0-9]( ?${OPTARG})?`;
const LONGOPT = `(--|/)${OPTNAME}([ =]${OPTARG})?`;
const OPTION = `(${SHORTOPT}|${LONGOPT})`;

export const BODY_PATTERNS: Record<string, RegExp> = {
  bullet: /^[-+*\u2022\u2023\u2043]( +|$)/,
  enumerator: ENUMERATOR_PATTERN,
  field_marker: /^:(?![: ])([^:\\]|\\.|:(?!([ `]|$)))*(?<! ):( +|$)/,
  option_marker: new RegExp(`^${OPTION}(, ${OPTION})*(  +| ?$)`),
  doctest: /^>>>( +|$)/,
  line_block: /^\|( +|$)/,
  grid_table_top: GRID_TABLE_TOP,
  simple_table_top: SIMPLE_TABLE_TOP,
  explicit_markup: /^\.\.( +|$)/,
  anonymous: /^__( +|$)/,
  line: new RegExp(`^(${NONALPHANUM7BIT})\\1* *$`),
  text: /^/,
};

// The first characters each pattern can match a line at (see declareFirstChars).
for (const [name, ascii, other] of [
  ['bullet', /[-+*]/, true],
  ['enumerator', /[(#0-9a-zA-Z]/, false],
  ['field_marker', /:/, false],
  ['option_marker', /[-+/]/, false],
  ['doctest', />/, false],
  ['line_block', /\|/, false],
  ['grid_table_top', /\+/, false],
  ['simple_table_top', /=/, false],
  ['explicit_markup', /\./, false],
  ['anonymous', /_/, false],
  ['line', new RegExp(NONALPHANUM7BIT), false],
] as const) {
  declareFirstChars(BODY_PATTERNS[name]!, ascii, other);
}

export const BODY_ORDER = [
  'bullet',
  'enumerator',
  'field_marker',
  'option_marker',
  'doctest',
  'line_block',
  'grid_table_top',
  'simple_table_top',
  'explicit_markup',
  'anonymous',
  'line',
  'text',
];

const ATTRIBUTION = /^(---?(?!-)|\u2014) *(?=[^ \n])/;

export class MarkupError extends Error {}

/** Indentation of `line` elements inside a line block (docutils' `line.indent`). */
const lineIndent = new WeakMap<Element, number | undefined>();

export class Body extends RstState {
  get name(): string {
    return 'Body';
  }

  constructor(machine: StateMachine) {
    super(machine);
    this.setTransitions(BODY_PATTERNS, BODY_ORDER);
  }

  override indent(_m: RegExpExecArray, context: Context, nextState: string): TransitionResult {
    const { block, offset, blankFinish } = this.machine.getIndented();
    this.appendAll(this.blockQuote(block, offset));
    if (!blankFinish) this.append(this.unindentWarning('Block quote'));
    return [context, nextState, []];
  }

  blockQuote(indentedIn: StringList, lineOffsetIn: number): Node[] {
    const elements: Node[] = [];
    let indented: StringList | null = indentedIn;
    let lineOffset = lineOffsetIn;
    while (indented && indented.length > 0) {
      const blockquote = element('block_quote');
      blockquote.line = this.nodeLine(lineOffset + 1);
      const split = this.splitAttribution(indented, lineOffset);
      this.nestedParse(split.content, lineOffset, blockquote);
      elements.push(blockquote);
      if (split.attribution) {
        const [attribution, messages] = this.parseAttribution(split.attribution, lineOffset + split.attributionOffset!);
        blockquote.children.push(attribution);
        for (const node of messages) elements.push(node);
      }
      indented = split.rest;
      lineOffset = split.restOffset ?? lineOffset;
      while (indented && indented.length > 0 && !indented.lines[0]) {
        indented = indented.slice(1);
        lineOffset += 1;
      }
    }
    return elements;
  }

  private splitAttribution(indented: StringList, lineOffset: number) {
    let blank: number | null = null;
    let nonblankSeen = false;
    for (let i = 0; i < indented.length; i++) {
      const line = pyRstrip(indented.lines[i]!);
      if (line) {
        if (nonblankSeen && blank === i - 1) {
          const match = ATTRIBUTION.exec(line);
          if (match) {
            const [end, indent] = this.checkAttribution(indented, i);
            if (end !== null) {
              const aLines = indented.slice(i, end);
              aLines.trimLeft(match[0].length, 0, 1);
              aLines.trimLeft(indent, 1);
              return {
                content: indented.slice(0, i),
                attribution: aLines,
                attributionOffset: i,
                rest: indented.slice(end),
                restOffset: lineOffset + end,
              };
            }
          }
        }
        nonblankSeen = true;
      } else {
        blank = i;
      }
    }
    return { content: indented, attribution: null, attributionOffset: null, rest: null, restOffset: null };
  }

  private checkAttribution(indented: StringList, start: number): [number | null, number] {
    let indent: number | null = null;
    let i = start + 1;
    let broke = false;
    for (i = start + 1; i < indented.length; i++) {
      const line = pyRstrip(indented.lines[i]!);
      if (!line) {
        broke = true;
        break;
      }
      const lineIndent = leadingSpace(line);
      if (indent === null) indent = lineIndent;
      else if (lineIndent !== indent) return [null, 0];
    }
    if (!broke) i = Math.max(i, start + 1);
    return [i, indent ?? 0];
  }

  private parseAttribution(indented: StringList, lineOffset: number): [Element, Node[]] {
    const value = pyRstrip(indented.lines.join('\n'));
    const lineno = 1 + lineOffset;
    const { nodes, messages } = this.inlineText(value, lineno);
    const node = element('attribution', {}, nodes);
    node.line = this.nodeLine(lineno);
    return [node, messages];
  }

  bullet(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const list = element('bullet_list', { bullet: match.input[0]! });
    list.line = this.srcLine();
    this.append(list);
    const [item, finish] = this.listItem(match[0].length);
    this.appendTo(list, item);
    this.continueList(list, 'BulletList', finish, 'Bullet list');
    return [[], nextState, []];
  }

  listItem(indent: number): [Element, boolean] {
    const r = this.machine.line!.slice(indent)
      ? this.machine.getKnownIndented(indent)
      : this.machine.getFirstKnownIndented(indent);
    const item = element('list_item');
    if (r.block.length > 0) this.nestedParse(r.block, r.offset, item);
    return [item, r.blankFinish];
  }

  enumerator(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const { format, sequence, text: label, ordinal } = parseEnumerator(match);
    if (!this.isEnumeratedListItem(ordinal, sequence, format)) throw new TransitionCorrection('text');
    const list = element('enumerated_list');
    this.append(list);
    list.attributes.enumtype = sequence === '#' ? 'arabic' : sequence;
    list.attributes.prefix = FORMAT_INFO[format].prefix;
    list.attributes.suffix = FORMAT_INFO[format].suffix;
    if (ordinal !== 1) {
      list.attributes.start = ordinal!;
      this.append(
        this.document.info(`Enumerated list start value not ordinal-1: "${label}" (ordinal ${ordinal})`, {
          ...this.reporterCurrent(),
        }),
      );
    }
    const [item, finish] = this.listItem(match[0].length);
    this.appendTo(list, item);
    this.continueList(list, 'EnumeratedList', finish, 'Enumerated list', {
      extra: { lastOrdinal: ordinal, format, auto: sequence === '#' },
    });
    return [[], nextState, []];
  }

  isEnumeratedListItem(ordinal: number | null, sequence: string, format: EnumFormat): boolean {
    if (ordinal === null) return false;
    const next = this.machine.inputLines.lineAt(this.machine.lineOffset + 1);
    if (next === undefined) return true;
    if (isBlank(next.slice(0, 1))) return true;
    const result = makeEnumerator(ordinal + 1, sequence as never, format);
    if (result) {
      const [nextEnumerator, autoEnumerator] = result;
      if (next.startsWith(nextEnumerator) || next.startsWith(autoEnumerator)) return true;
    }
    return false;
  }

  field_marker(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const list = element('field_list');
    this.append(list);
    const [field, finish] = this.field(match);
    list.children.push(field);
    this.continueList(list, this.fieldListState(), finish, 'Field list');
    return [[], nextState, []];
  }

  protected fieldListState(): string {
    return 'FieldList';
  }

  field(match: RegExpExecArray): [Element, boolean] {
    const name = parseFieldMarker(match);
    const srcline = this.srcLine();
    const lineno = this.machine.absLineNumber();
    const r = this.machine.getFirstKnownIndented(match[0].length);
    const field = element('field');
    field.line = srcline;
    const { nodes, messages } = this.inlineText(name, lineno);
    field.children.push(element('field_name', {}, nodes));
    const body = element('field_body', {}, messages);
    field.children.push(body);
    if (r.block.length > 0) this.parseFieldBody(r.block, r.offset, body);
    return [field, r.blankFinish];
  }

  parseFieldBody(indented: StringList, offset: number, node: Element): void {
    this.nestedParse(indented, offset, node);
  }

  option_marker(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const list = element('option_list');
    list.line = this.srcLine();
    let item: Element;
    let finish: boolean;
    try {
      [item, finish] = this.optionListItem(match);
    } catch (e) {
      if (!(e instanceof MarkupError)) throw e;
      this.append(this.document.error(`Invalid option list marker: ${e.message}`, this.reporterCurrent()));
      const r = this.machine.getFirstKnownIndented(match[0].length);
      this.appendAll(this.blockQuote(r.block, r.offset));
      if (!r.blankFinish) this.append(this.unindentWarning('Option list'));
      return [[], nextState, []];
    }
    this.append(list);
    this.appendTo(list, item);
    this.continueList(list, 'OptionList', finish, 'Option list');
    return [[], nextState, []];
  }

  optionListItem(match: RegExpExecArray): [Element, boolean] {
    const offset = this.machine.absLineOffset();
    const options = parseOptionMarker(match);
    const r = this.machine.getFirstKnownIndented(match[0].length);
    if (r.block.length === 0) {
      this.gotoLine(offset);
      throw new TransitionCorrection('text');
    }
    const description = element('description');
    const item = element('option_list_item', {}, [element('option_group', {}, options), description]);
    this.nestedParse(r.block, r.offset, description);
    return [item, r.blankFinish];
  }

  doctest(_m: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const { block } = this.machine.getTextBlock();
    const data = block.lines.join('\n');
    this.append(element('doctest_block', { 'xml:space': 'preserve' }, [text(data)]));
    return [[], nextState, []];
  }

  line_block(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const block = element('line_block');
    this.append(block);
    const lineno = this.machine.absLineNumber();
    const [line, messages, finish] = this.lineBlockLine(match, lineno);
    this.appendTo(block, line);
    this.appendAll(messages);
    let blankFinish = finish;
    if (!blankFinish) {
      const [newOffset, bf] = this.nestedListParse(
        this.machine.inputLines.slice(this.machine.lineOffset + 1),
        this.machine.absLineOffset() + 1,
        block,
        'LineBlock',
        false,
        { extra: { outerParent: this.parent } },
      );
      blankFinish = bf;
      this.gotoLine(newOffset);
    }
    if (!blankFinish) {
      this.append(this.document.warning('Line block ends without a blank line.', { ...this.reporterPlace(lineno + 1) }));
    }
    if (block.children.length > 0) {
      const first = block.children[0] as Element;
      if (lineIndent.get(first) === undefined) lineIndent.set(first, 0);
      nestLineBlockLines(block, lineIndent, this.machine.attached ? this.document.currentLine : undefined);
    }
    return [[], nextState, []];
  }

  lineBlockLine(match: RegExpExecArray, lineno: number): [Element, Node[], boolean] {
    const r = this.machine.getFirstKnownIndented(match[0].length, true);
    const value = r.block.lines.join('\n');
    const { nodes, messages } = this.inlineText(value, lineno);
    const line = element('line', {}, nodes);
    if (pyRstrip(match.input) !== '|') lineIndent.set(line, match[1]!.length - 1);
    return [line, messages, r.blankFinish];
  }

  grid_table_top(_m: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    return this.tableTop(parseGridTable, nextState);
  }

  simple_table_top(_m: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    return this.tableTop(parseSimpleTable, nextState);
  }

  private tableTop(parser: typeof parseGridTable, nextState: string): TransitionResult {
    const result = parser(this.machine.inputLines, this.machine.lineOffset, {
      document: this.document,
      inputOffset: this.machine.inputOffset,
      messagePlace: (absLine) => this.reporterPlace(absLine),
      filePoint: (line, column) => sourcePoint(this.memo, line - 1, column - 1),
      nestedParse: (content: StringList, node: Element, options) => {
        const offset = options?.inputOffset ?? (content.items[0] ? content.items[0].offset : this.machine.absLineOffset());
        this.nestedParse(content, offset, node);
      },
    });
    this.appendAll(result.nodes);
    this.gotoLine(this.machine.inputOffset + result.next - 1);
    return [[], nextState, []];
  }

  explicit_markup(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const [nodes, blankFinish] = explicitConstruct(this, match);
    this.appendAll(nodes);
    this.explicitList(blankFinish);
    return [[], nextState, []];
  }

  explicitList(blankFinishIn: boolean): void {
    this.continueList(this.parent, 'Explicit', blankFinishIn, 'Explicit markup', {
      matchTitles: this.machine.matchTitles,
    });
  }

  anonymous(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    const [nodes, blankFinish] = anonymousTarget(this, match);
    this.appendAll(nodes);
    this.explicitList(blankFinish);
    return [[], nextState, []];
  }

  line(match: RegExpExecArray, _c: Context, nextState: string): TransitionResult {
    if (this.machine.matchTitles) return [[match.input], 'Line', []];
    const stripped = pyStrip(match.input);
    if (stripped === '::') throw new TransitionCorrection('text');
    if (stripped.length < 4) {
      this.append(
        this.document.info(
          "Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.",
          { ...this.reporterPlace(this.machine.absLineNumber()) },
        ),
      );
      throw new TransitionCorrection('text');
    }
    const blocktext = this.machine.line!;
    this.append(
      this.document.severe('Unexpected section title or transition.', {
        ...this.reporterPlace(this.machine.absLineNumber()),
        children: [literalBlock(blocktext)],
      }),
    );
    return [[], nextState, []];
  }

  text(match: RegExpExecArray, _c: Context, _n: string): TransitionResult {
    return [[match.input], 'Text', []];
  }
}

function parseFieldMarker(match: RegExpExecArray): string {
  const field = match[0].slice(1);
  return field.slice(0, field.lastIndexOf(':'));
}

function parseOptionMarker(match: RegExpExecArray): Element[] {
  const list: Element[] = [];
  for (const optionString of pyRstrip(match[0]).split(', ')) {
    let tokens = pySplit(optionString);
    // docutils itself fails (IndexError) on an empty option between ", "; deck reports the marker.
    if (tokens.length === 0) throw new MarkupError(`wrong number of option tokens (=0), should be 1 or 2: "${optionString}"`);
    let delimiter = ' ';
    const first = tokens[0]!;
    const eq = first.indexOf('=');
    if (eq >= 0) {
      tokens = [first.slice(0, eq), first.slice(eq + 1), ...tokens.slice(1)];
      delimiter = '=';
    } else if (first.length > 2 && ((first.startsWith('-') && !first.startsWith('--')) || first.startsWith('+'))) {
      tokens = [first.slice(0, 2), first.slice(2), ...tokens.slice(1)];
      delimiter = '';
    }
    if (tokens.length > 1 && tokens[1]!.startsWith('<') && tokens[tokens.length - 1]!.endsWith('>')) {
      tokens = [tokens[0]!, tokens.slice(1).join(' ')];
    }
    if (tokens.length > 0 && tokens.length <= 2) {
      const option = element('option', {}, [element('option_string', {}, [text(tokens[0]!)])]);
      if (tokens.length > 1) {
        option.children.push(element('option_argument', { delimiter }, [text(tokens[1]!)]));
      }
      list.push(option);
    } else {
      throw new MarkupError(
        `wrong number of option tokens (=${tokens.length}), should be 1 or 2: "${optionString}"`,
      );
    }
  }
  return list;
}


