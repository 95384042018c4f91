/** A document's pseudo-XML as lines, the way docutils' expected outputs are written in the tests here. */
import { parse, type ParseOptions } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';

/** Parses `source` as case.rst in publish mode; `files` are what an include can read (none: file insertion off). */
export function pxmlLines(source: string, files?: Record<string, string>, options: Partial<ParseOptions> = {}): string[] {
  const parsed = parse(source, {
    sourceName: 'case.rst',
    sourceDir: '.',
    mode: 'publish',
    fileInsertionEnabled: files !== undefined,
    readFile: (file) => files?.[file],
    ...options,
  });
  return pformat(parsed.document).trimEnd().split('\n');
}
