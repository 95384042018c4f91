/**
 * Parsing the option block of a `role` directive's content, as docutils'
 * `parse_directive_block` + `parse_extension_options` do for a directive
 * built from the base role (`convert_directive_function`). Failures are
 * docutils' `MarkupError` texts, returned instead of thrown.
 */

import { escapeToNull, unescape } from '../names.js';
import { OptionError, type OptionConverter } from '../directives/types.js';
import { pythonStringRepr } from '../pformat.js';
import { isBlank, leadingSpace, pySplit } from '../py-space.js';

/** docutils `Body.patterns['field_marker']`. */
const FIELD_MARKER = /^:(?![: ])((?:[^:\\]|\\.|:(?!(?:[ `]|$)))*)(?<! ):( +|$)/;

export type RoleBlock =
  | { ok: true; options: Record<string, unknown>; content: string[] }
  | { ok: false; error: string };

export function parseRoleBlock(
  lines: string[],
  optionSpec: Record<string, OptionConverter>,
  hasContent: boolean,
): RoleBlock {
  const indented = [...lines];
  if (indented.length > 0 && isBlank(indented[0]!)) indented.shift();
  while (indented.length > 0 && isBlank(indented[indented.length - 1]!)) indented.pop();
  let i = indented.findIndex(isBlank);
  if (i < 0) i = indented.length;
  let argBlock = indented.slice(0, i);
  let content = indented.slice(i + 1);
  const optionStart = argBlock.findIndex((line) => FIELD_MARKER.test(line));
  let options: Record<string, unknown> = {};
  if (optionStart >= 0) {
    const parsed = parseExtensionOptions(optionSpec, argBlock.slice(optionStart));
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    options = parsed;
    argBlock = argBlock.slice(0, optionStart);
  }
  if (argBlock.length > 0) content = [...argBlock, ...indented.slice(i)];
  while (content.length > 0 && isBlank(content[0]!)) content.shift();
  if (content.length > 0 && !hasContent) return { ok: false, error: 'no content permitted' };
  return { ok: true, options, content };
}

interface Field {
  name: string;
  paragraphs: string[];
}

/** A flat field list: markers at column 0, bodies on the marker line and indented below. */
function readFields(lines: string[]): Field[] | undefined {
  const fields: { name: string; body: string[] }[] = [];
  for (const line of lines) {
    const match = FIELD_MARKER.exec(line);
    if (match) {
      fields.push({ name: match[1]!, body: [line.slice(match[0].length)] });
    } else if (fields.length > 0 && (isBlank(line) || line[0] === ' ')) {
      fields[fields.length - 1]!.body.push(line);
    } else {
      return undefined;
    }
  }
  return fields.map(({ name, body }) => ({ name, paragraphs: paragraphsOf(dedent(body)) }));
}

function dedent(body: string[]): string[] {
  const rest = body.slice(1).filter((line) => !isBlank(line));
  const indent = Math.min(...rest.map(leadingSpace));
  return [body[0]!, ...body.slice(1).map((line) => line.slice(Number.isFinite(indent) ? indent : 0))];
}

/** `ExtensionOptions.parse_field_body`: blank lines separate paragraphs. */
function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (!isBlank(line)) current.push(line);
    else if (current.length > 0) {
      paragraphs.push(current.join('\n'));
      current = [];
    }
  }
  return paragraphs;
}

function parseExtensionOptions(
  optionSpec: Record<string, OptionConverter>,
  lines: string[],
): Record<string, unknown> | string {
  const fields = readFields(lines);
  if (!fields) return 'invalid option block';
  const options: Record<string, unknown> = {};
  for (const field of fields) {
    // docutils reads the name as inline text: backslash escapes are gone from it.
    const fieldName = unescape(escapeToNull(field.name));
    if (pySplit(fieldName).length !== 1) {
      return 'invalid option data: extension option field name may not contain multiple words';
    }
    const name = fieldName.toLowerCase();
    if (field.paragraphs.length > 1) {
      return `invalid option data: extension option field body may contain\na single paragraph only (option "${name}")`;
    }
    // The body is one Text node in docutils, and its astext() drops NULs (escape markers).
    const paragraph = field.paragraphs[0];
    const value = paragraph === undefined ? null : unescape(paragraph);
    const converter = Object.hasOwn(optionSpec, name) ? optionSpec[name] : undefined;
    if (!converter) return `unknown option: "${name}"`;
    if (Object.hasOwn(options, name)) return `invalid option data: duplicate option "${name}"`;
    try {
      options[name] = converter(value);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      const repr = value === null ? 'None' : pythonStringRepr(value);
      return `invalid option value: (option: "${name}"; value: ${repr})\n${error.message}`;
    }
  }
  return options;
}
