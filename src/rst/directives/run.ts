/**
 * Running a directive, after docutils' `Body.directive`, `run_directive`,
 * `parse_directive_block` and `unknown_directive` (parsers/rst/states.py).
 *
 * The block parser recognises `.. name::` and hands over the directive's
 * lines; here they are split into arguments, options and content, the
 * directive runs, and every failure becomes the system message docutils
 * would produce (an ERROR with the message and the block as a literal).
 *
 *   > | .. image:: picture.png      ← arguments (up to the first blank line)
 *   > |    :width: 200px            ← options (a field list)
 *   > |
 *   > |    content ...              ← content
 */

import type { Node } from '../nodes.js';
import type { MessageOptions, MessagePlace } from '../document.js';
import type { StringList } from '../string-list.js';
import { DirectiveError, type Directive, type DirectiveState } from './types.js';
import { lookupDirective } from './registry.js';
import { literalBlock } from './base.js';
import { parseOptionBlock, isFieldMarker } from './option-block.js';
import { isBlank } from '../py-space.js';
import { pySplit } from './python.js';

export interface DirectiveInvocation {
  /** The directive name exactly as written in the source (`Code-Block`). */
  typeName: string;
  /** The directive's lines: first element is the text after "name::" on the first line,
   *  then the indented block, already de-indented (docutils `get_first_known_indented(match.end(), strip_top=0)`). */
  block: StringList;
  /** 1-based source line of the directive's first line, where messages go. */
  lineno: number;
  /**
   * docutils' `lineno`: the absolute line number of the directive's first
   * line in the parser's input (included files' lines counted in), which
   * `inlineText` takes and which docutils does arithmetic with.
   */
  absLineno: number;
  /** The absolute 0-based offset of the directive's first line (docutils' `line_offset`). */
  lineOffset: number;
  /**
   * Where a message about the name's lookup goes: docutils looks the name
   * up before it reads the block, and reports at the document's current
   * line, read as an absolute line number (in a CSV cell, the cell's line).
   */
  lookupAt: () => Pick<MessageOptions, 'line' | 'source' | 'diagnosticLine' | 'diagnosticFile'>;
  /** The directive's whole source text (`block_text`), used in error literal blocks. */
  blockText: string;
  /** docutils' `blank_finish` from extracting the block. */
  blankFinish: boolean;
  state: DirectiveState;
}

/**
 * `blankFinish` is the extraction's; as in docutils' `run_directive`, the
 * caller ORs it with "is the next line blank?" (an `include` may just have
 * inserted lines after the directive).
 */
export interface DirectiveOutcome {
  nodes: Node[];
  blankFinish: boolean;
}

/** docutils' `MarkupError`: a malformed directive block. */
export class MarkupError extends Error {}

export interface DirectiveBlock {
  arguments: string[];
  options: Record<string, unknown>;
  content: StringList;
  /** 0-based line offset of the content's first line. */
  contentOffset: number;
}

/** Looks the name up (case-insensitively, docutils' English names and aliases) and runs it; unknown names give docutils' error + literal block + info messages. */
export function runDirective(invocation: DirectiveInvocation): DirectiveOutcome {
  const { typeName, blockText, state } = invocation;
  const { directive, messages } = lookupDirective(typeName, state.document, invocation.lookupAt);
  if (!directive) {
    const error = state.document.error(`Unknown directive type "${typeName}".`, {
      ...placeOf(invocation),
      children: [literalBlock(blockText)],
    });
    return { nodes: [...messages, error], blankFinish: invocation.blankFinish };
  }
  return { nodes: [...messages, ...runKnown(directive, invocation)], blankFinish: invocation.blankFinish };
}

function runKnown(directive: Directive, invocation: DirectiveInvocation): Node[] {
  const { typeName, lineno, blockText, state } = invocation;
  const presets: Record<string, unknown> =
    state.substitutionName !== undefined ? { alt: state.substitutionName } : {};
  let parsed: DirectiveBlock;
  try {
    parsed = parseDirectiveBlock(invocation.block, invocation.lineOffset, directive, presets, state, lineno);
  } catch (error) {
    if (!(error instanceof MarkupError)) throw error;
    return [
      state.document.error(`Error in "${typeName}" directive:\n${error.message}.`, {
        ...placeOf(invocation),
        children: [literalBlock(blockText)],
      }),
    ];
  }
  try {
    const call = {
      name: typeName,
      arguments: parsed.arguments,
      options: parsed.options,
      content: parsed.content,
      contentOffset: parsed.contentOffset,
      lineno,
      absLineno: invocation.absLineno,
      blockText,
      state: contentParsedFrom(state, parsed.contentOffset),
    };
    // What the directive reports without a file of its own is about the directive's line.
    return state.document.aboutLines(invocation.absLineno, undefined, () => directive.run(call));
  } catch (error) {
    if (!(error instanceof DirectiveError)) throw error;
    return [
      state.document.systemMessage(error.level, error.message, {
        ...placeOf(invocation),
        children: [literalBlock(blockText)],
      }),
    ];
  }
}

/** Where a message about the directive goes: its line, in the file docutils' reporter names. */
function placeOf(invocation: DirectiveInvocation): MessagePlace {
  const source = invocation.state.document.reporterPlace(invocation.absLineno).source;
  return source === undefined ? { line: invocation.lineno } : { line: invocation.lineno, source };
}

/** `state`, its nested parses counting lines from `contentOffset`, as docutils' directives pass `self.content_offset`. */
function contentParsedFrom(state: DirectiveState, contentOffset: number): DirectiveState {
  return { ...state, nestedParse: (content, node, options) => state.nestedParse(content, node, { inputOffset: contentOffset, ...options }) };
}

/**
 * docutils `parse_directive_block`: splits the de-indented block into
 * arguments, options and content. Throws `MarkupError` with docutils' text.
 * `lineOffset` is the absolute 0-based offset of the block's first line.
 */
export function parseDirectiveBlock(
  block: StringList,
  lineOffset: number,
  directive: Directive,
  optionPresets: Record<string, unknown>,
  state: DirectiveState,
  lineno: number,
): DirectiveBlock {
  let indented = block;
  let offset = lineOffset;
  if (indented.length > 0 && isBlank(indented.lines[0]!)) {
    indented = indented.slice(1);
    offset += 1;
  }
  let end = indented.length;
  while (end > 0 && isBlank(indented.lines[end - 1]!)) end--;
  indented = indented.slice(0, end);

  const takesArguments = directive.requiredArguments > 0 || directive.optionalArguments > 0;
  const hasOptions = directive.optionSpec !== undefined && Object.keys(directive.optionSpec).length > 0;
  let argBlock: StringList;
  let content: StringList;
  let contentOffset: number;
  let firstBlank = indented.length;
  if (indented.length > 0 && (takesArguments || hasOptions)) {
    firstBlank = indented.lines.findIndex(isBlank);
    if (firstBlank < 0) firstBlank = indented.length;
    argBlock = indented.slice(0, firstBlank);
    content = indented.slice(firstBlank + 1);
    contentOffset = offset + firstBlank + 1;
  } else {
    argBlock = indented.slice(0, 0);
    content = indented;
    contentOffset = offset;
  }

  let options: Record<string, unknown> = {};
  if (hasOptions) {
    const split = splitOptions(argBlock);
    argBlock = split.argBlock;
    options = { ...optionPresets };
    if (split.optionBlock.length > 0) {
      const result = parseOptionBlock(directive.optionSpec!, split.optionBlock, state, lineno);
      if (typeof result === 'string') throw new MarkupError(result);
      Object.assign(options, result);
    }
  }
  if (argBlock.length > 0 && !takesArguments) {
    content = concat(argBlock, indented.slice(firstBlank));
    contentOffset = offset;
    argBlock = argBlock.slice(0, 0);
  }
  let start = 0;
  while (start < content.length && isBlank(content.lines[start]!)) {
    start++;
    contentOffset++;
  }
  content = content.slice(start);

  const args = takesArguments ? parseArguments(directive, argBlock) : [];
  if (content.length > 0 && !directive.hasContent) throw new MarkupError('no content permitted');
  return { arguments: args, options, content, contentOffset };
}

/** Lines before the first field marker are arguments; from there on, options. */
function splitOptions(argBlock: StringList): { argBlock: StringList; optionBlock: StringList } {
  const first = argBlock.lines.findIndex(isFieldMarker);
  if (first < 0) return { argBlock, optionBlock: argBlock.slice(0, 0) };
  return { argBlock: argBlock.slice(0, first), optionBlock: argBlock.slice(first) };
}

function concat(a: StringList, b: StringList): StringList {
  const joined = a.slice(0);
  for (let i = 0; i < b.length; i++) joined.push(b.lines[i]!, b.items[i]!);
  return joined;
}

/** docutils `parse_directive_arguments`. */
function parseArguments(directive: Directive, argBlock: StringList): string[] {
  const required = directive.requiredArguments;
  const optional = directive.optionalArguments;
  const argText = argBlock.lines.join('\n');
  let args = pySplit(argText);
  if (args.length < required) {
    throw new MarkupError(`${required} argument(s) required, ${args.length} supplied`);
  }
  if (args.length > required + optional) {
    if (!directive.finalArgumentWhitespace) {
      throw new MarkupError(`maximum ${required + optional} argument(s) allowed, ${args.length} supplied`);
    }
    args = pySplit(argText, required + optional - 1);
  }
  return args;
}
