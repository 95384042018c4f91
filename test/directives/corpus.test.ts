/**
 * Every directive case of the docutils corpus (`test_directives.*`), parsed
 * with the real parser and compared byte for byte with docutils 0.19's
 * pseudo-XML. Cases that still differ are listed below with the reason;
 * the list may only shrink: a listed case that passes fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';
import { HAVE_SHARED, SHARED } from '../shared.js';

const CORPUS = path.join(SHARED, 'corpus', 'rst');

/** Known differences, each with its reason. */
const DIFFERING: Record<string, string> = {};

function cases(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((file) => file.startsWith('test_directives.') && file.endsWith('.rst'))
    .map((file) => file.slice(0, -'.rst'.length))
    .sort();
}

function output(name: string): string {
  const source = fs.readFileSync(path.join(CORPUS, `${name}.rst`), 'utf8');
  // The oracle's settings: no file access, bare file name as source.
  return pformat(parse(source, { sourceName: `${name}.rst`, fileInsertionEnabled: false }).document);
}

function expected(name: string): string {
  return fs.readFileSync(path.join(CORPUS, 'expected', `${name}.parse.pxml`), 'utf8');
}

describe.skipIf(!HAVE_SHARED)('directives against docutils 0.19 (parse mode)', () => {
  const all = HAVE_SHARED ? cases() : [];

  it('has the corpus cases', () => {
    expect(all.length).toBe(257);
  });

  for (const name of all) {
    if (name in DIFFERING) {
      it(`${name} still differs (${DIFFERING[name]})`, () => {
        expect(output(name)).not.toBe(expected(name));
      });
    } else {
      it(name, () => {
        expect(output(name)).toBe(expected(name));
      });
    }
  }
});
