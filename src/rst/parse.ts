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
  /** The time `.. date::` formats; the build passes SOURCE_DATE_EPOCH or the clock. */
  now?: Date;
  /** Transforms of Hovercraft's reader: doctitle/docinfo promotion (default false, as the corpus oracle). */
  hovercraft?: boolean;
}

export interface ParseResult {
  document: Element;
  diagnostics: Diagnostic[];
  /** For each included file, its lines before the part included (`RstDocument.includeShifts`). */
  includeShifts: ReadonlyMap<string, number | undefined>;
}

import { RstDocument } from './document.js';
import { StringList } from './string-list.js';
import { runBlockParser } from './block/states.js';
import type { Memo } from './block/machine.js';
import { findTabbedLines, lineStarts, toLines } from './source-lines.js';
import { applyTransforms, HOVERCRAFT_SETTINGS, PUBLISH_SETTINGS } from './transforms/index.js';

/** docutils' `line_length_limit` setting (characters per line). */
const LINE_LENGTH_LIMIT = 10000;

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
    lineStarts: lineStarts(source),
  };
  const tabbedLines = findTabbedLines(source, memo.lineStarts);
  if (tabbedLines) memo.tabbedLines = tabbedLines;
  if (options.now) memo.now = options.now;
  const lines = StringList.fromText(toLines(source), options.sourceName);
  const tooLong = lines.lines.findIndex((line) => line.length > LINE_LENGTH_LIMIT);
  if (tooLong >= 0) {
    // docutils refuses the whole document rather than risk slow parsing.
    document.root.children.push(document.error(`Line ${tooLong + 1} exceeds the line-length-limit.`));
    // docutils' message names the line only in its text; the diagnostic points at it.
    document.diagnostics[document.diagnostics.length - 1]!.line = tooLong + 1;
  } else {
    runBlockParser(lines, memo, document.root);
    if (options.mode === 'publish') applyTransforms(document, options.hovercraft ? HOVERCRAFT_SETTINGS : PUBLISH_SETTINGS, source);
  }
  return { document: document.root, diagnostics: document.diagnostics, includeShifts: document.includeShifts };
}
