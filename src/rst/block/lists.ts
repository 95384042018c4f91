/**
 * States for the second and later members of compound elements (docutils
 * `SpecializedBody` and subclasses): every transition ends the nested
 * machine except the one that continues the construct.
 */

import { element, text, type Element } from '../nodes.js';
import { isBlank } from '../py-space.js';
import { END_OF_INPUT, EndOfInput, type Context, type StateMachine, type TransitionResult } from './machine.js';
import { Body, MarkupError } from './body.js';
import { parseEnumerator, type EnumFormat } from './enumerator.js';
import { explicitConstruct, anonymousTarget, directive, SIMPLENAME } from './explicit.js';
import type { StringList } from '../string-list.js';

export class SpecializedBody extends Body {
  override get name(): string {
    return 'SpecializedBody';
  }

  invalidInput(): TransitionResult {
    this.machine.previousLine();
    return END_OF_INPUT;
  }

  override indent(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override bullet(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override enumerator(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override field_marker(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override option_marker(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override doctest(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override line_block(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override grid_table_top(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override simple_table_top(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override explicit_markup(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override anonymous(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override line(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
  override text(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
}

export class BulletList extends SpecializedBody {
  override get name(): string {
    return 'BulletList';
  }

  override bullet(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    if (match.input[0] !== this.parent.attributes.bullet) return this.invalidInput();
    const [item, blankFinish] = this.listItem(match[0].length);
    this.append(item);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }
}

export class DefinitionList extends SpecializedBody {
  override get name(): string {
    return 'DefinitionList';
  }

  override text(match: RegExpExecArray): TransitionResult {
    return [[match.input], 'Definition', []];
  }
}

export class EnumeratedList extends SpecializedBody {
  override get name(): string {
    return 'EnumeratedList';
  }
  lastOrdinal = 0;
  format: EnumFormat = 'period';
  auto = false;

  override enumerator(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    const { format, sequence, ordinal } = parseEnumerator(match, String(this.parent.attributes.enumtype));
    if (
      format !== this.format ||
      (sequence !== '#' &&
        (sequence !== this.parent.attributes.enumtype || this.auto || ordinal !== this.lastOrdinal + 1)) ||
      !this.isEnumeratedListItem(ordinal, sequence, format)
    ) {
      return this.invalidInput();
    }
    if (sequence === '#') this.auto = true;
    const [item, blankFinish] = this.listItem(match[0].length);
    this.append(item);
    this.blankFinish = blankFinish;
    this.lastOrdinal = ordinal!;
    return [[], nextState ?? this.name, []];
  }
}

export class FieldList extends SpecializedBody {
  override get name(): string {
    return 'FieldList';
  }

  override field_marker(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    const [field, blankFinish] = this.field(match);
    this.append(field);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }
}

export class OptionList extends SpecializedBody {
  override get name(): string {
    return 'OptionList';
  }

  override option_marker(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    let item: Element;
    let blankFinish: boolean;
    try {
      [item, blankFinish] = this.optionListItem(match);
    } catch (e) {
      if (e instanceof MarkupError) return this.invalidInput();
      throw e;
    }
    this.append(item);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }
}

/** Field lists of directive options: no nested parsing, no inline markup. */
export class ExtensionOptions extends FieldList {
  override get name(): string {
    return 'ExtensionOptions';
  }

  override parseFieldBody(indented: StringList, _offset: number, node: Element): void {
    let lines: string[] = [];
    for (const line of [...indented.lines, '']) {
      if (!isBlank(line)) lines.push(line);
      else if (lines.length > 0) {
        const value = lines.join('\n');
        node.children.push(element('paragraph', {}, [text(value)]));
        lines = [];
      }
    }
  }
}

export class LineBlock extends SpecializedBody {
  override get name(): string {
    return 'LineBlock';
  }
  outerParent: Element | undefined;

  override blank(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }

  override line_block(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    const lineno = this.machine.absLineNumber();
    const [line, messages, blankFinish] = this.lineBlockLine(match, lineno);
    this.append(line);
    // docutils appends these to the line block's parent, right away.
    for (const node of messages) (this.outerParent ?? this.parent).children.push(node);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }
}


export class Explicit extends SpecializedBody {
  override get name(): string {
    return 'Explicit';
  }

  override explicit_markup(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    const [nodes, blankFinish] = explicitConstruct(this, match);
    this.appendAll(nodes);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }

  override anonymous(match: RegExpExecArray, _c?: Context, nextState?: string): TransitionResult {
    const [nodes, blankFinish] = anonymousTarget(this, match);
    this.appendAll(nodes);
    this.blankFinish = blankFinish;
    return [[], nextState ?? this.name, []];
  }

  override blank(_m?: RegExpExecArray, _c?: Context, _n?: string): TransitionResult {
    return this.invalidInput();
  }
}

const SUBSTITUTION_PATTERNS: Record<string, RegExp> = {
  embedded_directive: new RegExp(`^(${SIMPLENAME})::( +|$)`, 'u'),
  text: /^/,
};

export class SubstitutionDef extends Body {
  override get name(): string {
    return 'SubstitutionDef';
  }

  constructor(machine: StateMachine) {
    super(machine);
    this.setTransitions(SUBSTITUTION_PATTERNS, ['embedded_directive', 'text']);
  }

  embedded_directive(match: RegExpExecArray): TransitionResult {
    const names = this.parent.attributes.names;
    const name = Array.isArray(names) ? (names[0] ?? '') : '';
    const [nodes, blankFinish] = directive(this, match, name);
    this.appendAll(nodes);
    if (!this.machine.atEof()) this.blankFinish = blankFinish;
    throw new EndOfInput();
  }

  override text(): TransitionResult {
    if (!this.machine.atEof()) this.blankFinish = this.machine.isNextLineBlank();
    throw new EndOfInput();
  }
}

