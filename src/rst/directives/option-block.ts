/**
 * A directive's option block: a field list read as docutils'
 * `ExtensionOptions` state reads it (no nested parsing, one paragraph per
 * field body), then `utils.extract_extension_options` turns it into a
 * dictionary through the directive's converters.
 *
 *   > | :width: 200px
 *       ^^^^^^^ field marker: name, then the body starts after the spaces
 *   > | :alt: a picture
 *   > |    spanning lines        ← continuation: indented
 */

import { textContent } from '../nodes.js';
import { unescape } from '../names.js';
import type { StringList } from '../string-list.js';
import { OptionError, type DirectiveState, type OptionConverter } from './types.js';
import { pyLstrip, pyRepr, pySplit, pyStrip } from './python.js';

/** docutils' `Body.patterns['field_marker']`. */
export const FIELD_MARKER = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/;

export function isFieldMarker(line: string): boolean {
  return FIELD_MARKER.test(line);
}

interface RawField {
  name: string;
  /** The field body's text, or null when it has none. */
  data: string | null;
  lineno: number;
}

/** Problem with the field list's shape (docutils' ExtensionOptionError family). */
class OptionDataError extends Error {}

/**
 * Parses the option lines; returns the options, or the error text docutils
 * puts after `Error in "name" directive:`.
 */
export function parseOptionBlock(
  spec: Record<string, OptionConverter>,
  lines: StringList,
  state: DirectiveState,
  lineno: number,
): Record<string, unknown> | string {
  const { fields, end } = readFields(lines, lineno);
  leaveLineAsDocutils(state, lines, end);
  if (end < lines.length) return 'invalid option block';
  try {
    return assembleOptions(extractOptions(fields, state), spec);
  } catch (error) {
    if (error instanceof UnknownOption) return `unknown option: "${error.message}"`;
    if (error instanceof OptionError) return `invalid option value: ${error.message}`;
    if (error instanceof OptionDataError) return `invalid option data: ${error.message}`;
    throw error;
  }
}

/**
 * docutils reads the block with a state machine of its own, which moves
 * the document's current line: past the end of the block (no line) once
 * every line was read, else back to the line before `end`, the first that
 * is not a field (Python's index -1, the last line, when that is the first). What a
 * directive appends without a line of its own takes that.
 */
function leaveLineAsDocutils(state: DirectiveState, lines: StringList, end: number): void {
  const last = lines.itemAt(lines.length - 1);
  if (end === lines.length) {
    state.document.currentLine = undefined;
    state.document.currentSource = last?.source;
    return;
  }
  const before = end > 0 ? lines.itemAt(end - 1) : last;
  state.document.currentLine = before ? before.offset + 1 : undefined;
  state.document.currentSource = before?.source;
}

/**
 * Splits the lines into fields, up to `end`: the first line that is neither
 * a field marker nor an indented continuation (docutils' incomplete parse
 * of the block), else the block's length.
 * The block holds no blank lines: arguments and options end at the first.
 */
function readFields(lines: StringList, lineno: number): { fields: RawField[]; end: number } {
  const fields: RawField[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines.lines[i]!;
    const match = FIELD_MARKER.exec(line);
    if (!match) return { fields, end: i };
    const marker = match[0].slice(1);
    const name = marker.slice(0, marker.lastIndexOf(':'));
    const body = [line.slice(match[0].length)];
    const first = i;
    i++;
    while (i < lines.length && (lines.lines[i] === '' || lines.lines[i]![0] === ' ')) {
      body.push(lines.lines[i]!);
      i++;
    }
    fields.push({ name, data: fieldData(body), lineno: (lines.lineNumber(first) ?? lineno) });
  }
  return { fields, end: lines.length };
}

/** The body's text with the continuation lines' common indentation removed. */
function fieldData(body: string[]): string | null {
  const rest = body.slice(1);
  const indents = rest.filter((l) => pyStrip(l) !== '').map((l) => l.length - pyLstrip(l).length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  const lines = [body[0]!, ...rest.map((l) => l.slice(indent))];
  while (lines.length > 0 && pyStrip(lines[0]!) === '') lines.shift();
  const text = lines.filter((l) => pyStrip(l) !== '');
  return text.length === 0 ? null : lines.join('\n');
}

/** docutils `utils.extract_options`: field names are inline-parsed, as the FieldList state does. */
function extractOptions(fields: RawField[], state: DirectiveState): Array<[string, string | null]> {
  return fields.map((field) => {
    const parsed = state.inlineText(field.name, field.lineno);
    const nameText = unescape(parsed.nodes.map(textContent).join(''));
    if (pySplit(nameText).length !== 1) {
      throw new OptionDataError('extension option field name may not contain multiple words');
    }
    const name = nameText.toLowerCase();
    if (parsed.messages.length > 0) {
      throw new OptionDataError(
        `extension option field body may contain\na single paragraph only (option "${name}")`,
      );
    }
    // The body is one Text node in docutils, and its astext() drops NULs (escape markers).
    return [name, field.data === null ? null : unescape(field.data)];
  });
}

class UnknownOption extends Error {}

/** docutils `utils.assemble_option_dict`. */
function assembleOptions(
  list: Array<[string, string | null]>,
  spec: Record<string, OptionConverter>,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, value] of list) {
    const convert = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    if (!convert) throw new UnknownOption(name);
    if (Object.prototype.hasOwnProperty.call(options, name)) {
      throw new OptionDataError(`duplicate option "${name}"`);
    }
    try {
      options[name] = convert(value);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      throw new OptionError(`(option: "${name}"; value: ${pyRepr(value)})\n${error.message}`);
    }
  }
  return options;
}
