/** The docutils conformance corpus (../shared/corpus/rst) and one comparison with its expected pseudo-XML. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';
import { SHARED } from '../shared.js';

export const CORPUS = path.join(SHARED, 'corpus', 'rst');

export function corpusCases(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith('.rst'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Whether `deck doctree --mode MODE` prints exactly what docutils does for case `name`. */
export function matchesDocutils(name: string, mode: 'parse' | 'publish'): boolean {
  const text = fs.readFileSync(path.join(CORPUS, `${name}.rst`), 'utf8');
  const expected = fs.readFileSync(path.join(CORPUS, 'expected', `${name}.${mode}.pxml`), 'utf8');
  try {
    const { document } = parse(text, { sourceName: `${name}.rst`, mode, fileInsertionEnabled: false });
    return pformat(document) === expected;
  } catch {
    return false;
  }
}
