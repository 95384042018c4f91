/**
 * docutils pseudo-XML (`Node.pformat()`): one `<tag attr="value">` line per
 * element with sorted attributes, text on indented lines, four spaces a level.
 * `deck doctree` prints this so it can be compared byte for byte with docutils.
 */

import { isText, type AttributeValue, type Element, type Node } from './nodes.js';
import { unescape } from './names.js';

const INDENT = '    ';

/** Python's `str.splitlines()` line boundaries. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

export function splitlines(value: string): string[] {
  if (value === '') return [];
  const lines = value.split(LINE_BREAKS);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function serialEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/ /g, '\\ ');
}

function pythonStr(value: AttributeValue): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return value.map((v) => serialEscape(v)).join(' ');
  return String(value);
}

export function startTag(node: Element): string {
  const parts = [node.type];
  for (const key of Object.keys(node.attributes).sort()) {
    const value = node.attributes[key]!;
    if (Array.isArray(value) && value.length === 0) continue;
    parts.push(`${key}="${pythonStr(value)}"`);
  }
  return `<${parts.join(' ')}>`;
}

/** Python `repr()` of a detail value, enough for the values directives store. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  if (typeof value === 'string') return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pythonStringRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function pythonFloat(value: number): string {
  const s = String(value);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
}

/**
 * What `str.isprintable()` rejects, besides the space: control, format,
 * surrogate, private-use and unassigned characters, separators.
 */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's `repr()` of a `str`: non-printable characters as `\x`, `\u` or `\U` escapes. */
export function pythonStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${quote}${out}${quote}`;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'type' in value;
}

function pendingLines(node: Element): string[] {
  const info = node.pending!;
  const lines = ['.. internal attributes:', `     .transform: ${info.transform}`, '     .details:'];
  for (const key of Object.keys(info.details).sort()) {
    const value = info.details[key];
    if (isNode(value)) {
      lines.push(`       ${key}:`);
      for (const l of splitlines(pformat(value))) lines.push(`         ${l}`);
    } else if (Array.isArray(value) && value.length > 0 && isNode(value[0])) {
      lines.push(`       ${key}:`);
      for (const v of value as Node[]) for (const l of splitlines(pformat(v))) lines.push(`         ${l}`);
    } else {
      lines.push(`       ${key}: ${pythonRepr(value)}`);
    }
  }
  return lines;
}

export function pformat(node: Node, level = 0): string {
  const indent = INDENT.repeat(level);
  if (isText(node)) {
    const lines = splitlines(unescape(node.value));
    return lines.length === 0 ? '' : lines.map((l) => indent + l).join('\n') + '\n';
  }
  let out = `${indent}${startTag(node)}\n`;
  for (const child of node.children) out += pformat(child, level + 1);
  if (node.pending) {
    for (const line of pendingLines(node)) out += `${INDENT}${indent}${line}\n`;
  }
  return out;
}
