/**
 * The line every element records (docutils' `node.line`), against the
 * lines docutils records, element by element, over ../shared/corpus/rst,
 * the decks of ../shared/corpus/decks and the seed talk (node_lines_oracle.py, with Debian's python3-docutils;
 * without it the test says so and skips). Messages about a node take its
 * line, as deck's diagnostics do, so a wrong one sends the author to the
 * wrong line: a paragraph in a table cell was placed one line late.
 *
 * Element kinds whose lines still differ somewhere are listed with the
 * reason; the list may only shrink: a kind that matches everywhere must
 * leave it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import type { Element, Node } from '../../src/rst/nodes.js';
import { HAVE_SHARED, REPO, SHARED } from '../shared.js';

const PYTHON = '/usr/bin/python3';
const HERE = path.dirname(new URL(import.meta.url).pathname);
const HAVE_DOCUTILS =
  HAVE_SHARED && fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import docutils']).status === 0;
if (!HAVE_DOCUTILS) console.warn('Node-line test skipped: needs ../shared/corpus and docutils for /usr/bin/python3.');

/** Kinds whose lines differ from docutils' somewhere, and why. */
const ACCEPTED: Record<string, string> = {
  system_message: "docutils keeps the reported line in the message's attribute and leaves node.line to the line its parser is on when the message is appended; deck records the reported line",
  meta: "a meta element: docutils makes it in a field list not in the document and records no line; deck records its field's, for messages about its attributes",
  table: 'a table with no text in its cells: docutils gives it the line its parser is on after the table; deck the first',
  topic: "the contents directive's topic: docutils gives it the line its parser is on when the topic is appended; deck gives the directive's",
};

function inputs(): string[] {
  const from = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.rst')).sort().map((f) => path.join(dir, f));
  return [...from(path.join(SHARED, 'corpus', 'rst')), ...from(path.join(SHARED, 'corpus', 'decks')), path.join(REPO, 'slides', 'containers.rst')];
}

/** `type:line` of every element in document order, as the oracle prints them. */
function ourLines(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const { document } = parse(text, { sourceName: path.basename(file), mode: 'publish', fileInsertionEnabled: false });
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'text') return;
    const element = node as Element;
    out.push(`${element.type}:${element.line ?? 'None'}`);
    element.children.forEach(walk);
  };
  walk(document);
  return out;
}

describe.skipIf(!HAVE_DOCUTILS)('element lines', () => {
  it('are docutils\' for every kind but the listed ones', () => {
    const files = inputs();
    const result = spawnSync(PYTHON, [path.join(HERE, 'node_lines_oracle.py'), ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const expected = JSON.parse(result.stdout) as Record<string, string[]>;
    expect(Object.keys(expected).length).toBeGreaterThan(files.length / 2);
    const differing: string[] = [];
    const stillDiffering = new Set<string>();
    for (const file of files) {
      const stem = path.basename(file, '.rst');
      const theirs = expected[stem];
      if (!theirs) continue;
      const ours = ourLines(file);
      const kinds = (lines: string[]) => lines.map((entry) => entry.slice(0, entry.lastIndexOf(':')));
      expect(kinds(ours), `${stem}: the same elements`).toEqual(kinds(theirs));
      theirs.forEach((entry, i) => {
        if (entry === ours[i]) return;
        const kind = entry.slice(0, entry.lastIndexOf(':'));
        if (kind in ACCEPTED) stillDiffering.add(kind);
        else differing.push(`${stem} #${i}: docutils ${entry}, deck ${ours[i]}`);
      });
    }
    expect(differing).toEqual([]);
    // A kind that now matches everywhere must leave the list.
    expect(Object.keys(ACCEPTED).filter((kind) => !stillDiffering.has(kind))).toEqual([]);
  }, 120_000);
});
