/**
 * parse: reStructuredText source → docutils-shaped doctree + diagnostics.
 *
 * `mode: 'parse'` runs the parser only (docutils `Parser().parse`);
 * `mode: 'publish'` also applies the standard transforms, as
 * `docutils.core.publish_doctree` does.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Element } from './nodes.js';

export interface ParseOptions {
  /** Name recorded as the document `source` and in diagnostics. */
  sourceName: string;
  mode?: 'parse' | 'publish';
  /** Directory that relative paths in the document resolve against. */
  sourceDir?: string;
  /** Reads an included file (path already resolved); undefined when it cannot. */
  readFile?: (path: string) => string | undefined;
  /** docutils' `file_insertion_enabled` (false for the conformance corpus). */
  fileInsertionEnabled?: boolean;
  /** Transforms of Hovercraft's reader: doctitle/docinfo promotion (default false, as the corpus oracle). */
  hovercraft?: boolean;
}

export interface ParseResult {
  document: Element;
  diagnostics: Diagnostic[];
}

import { RstDocument } from './document.js';
import { StringList } from './string-list.js';
import { runBlockParser } from './block/states.js';
import type { Memo } from './block/machine.js';
import { splitlines } from './pformat.js';

/** Python's `str.rstrip()` white space (BOM excluded). */
const TRAILING_SPACE = /[\s\x1c-\x1f\x85]+$/u;

function expandTabs(line: string, tabWidth: number): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(tabWidth - (out.length % tabWidth));
    else out += ch;
  }
  return out;
}

/** docutils `string2lines`: split, expand tabs, strip trailing white space. */
export function toLines(source: string, tabWidth = 8): string[] {
  const normalised = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/[\v\f]/g, ' ');
  return splitlines(normalised).map((line) => expandTabs(line, tabWidth).replace(TRAILING_SPACE, ''));
}

export function parse(source: string, options: ParseOptions): ParseResult {
  const document = new RstDocument(options.sourceName);
  const memo: Memo = {
    document,
    titleStyles: [],
    sectionLevel: 0,
    sectionBubbleUpKludge: false,
    sourceDir: options.sourceDir ?? '.',
    readFile: options.readFile ?? (() => undefined),
    fileInsertionEnabled: options.fileInsertionEnabled ?? true,
  };
  const lines = StringList.fromText(toLines(source), options.sourceName);
  runBlockParser(lines, memo, document.root);
  return { document: document.root, diagnostics: document.diagnostics };
}
