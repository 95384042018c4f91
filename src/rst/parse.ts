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
