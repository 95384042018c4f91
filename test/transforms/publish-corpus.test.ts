/**
 * Conformance with docutils 0.19 in publish mode (`core.publish_doctree()`
 * with the oracle's settings): every case of ../shared/corpus/rst is
 * parsed, transformed and printed as pseudo-XML, and compared byte for
 * byte with `expected/NAME.publish.pxml`. Cases known to differ are listed
 * in publish-differing.txt (which may only shrink); the pass rate is
 * recorded in publish-conformance.json. `UPDATE=1` rewrites both after a
 * review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED } from '../shared.js';
import { CORPUS, corpusCases, matchesDocutils } from '../differential/rst-corpus.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const DIFFERING = path.join(HERE, 'publish-differing.txt');
const RATE = path.join(HERE, 'publish-conformance.json');
const HEADER = [
  '# Corpus cases whose publish-mode tree differs from docutils 0.19, one per line:',
  '# `name  # reason`. This list may only shrink (see publish-corpus.test.ts).',
];

/** `name  # reason` lines → name → reason. */
function readList(): Map<string, string> {
  const lines = fs.existsSync(DIFFERING) ? fs.readFileSync(DIFFERING, 'utf8').split('\n') : [];
  const entries = lines
    .map((line) => line.split('#'))
    .map(([name, ...reason]) => [name!.trim(), reason.join('#').trim()] as const)
    .filter(([name]) => name !== '');
  return new Map(entries);
}

function update(all: string[], failing: string[], reasons: Map<string, string>): void {
  const line = (name: string) => `${name}  # ${reasons.get(name) || 'differs from docutils; not yet investigated'}`;
  fs.writeFileSync(DIFFERING, [...HEADER, ...failing.map(line)].join('\n') + '\n');
  const passed = all.length - failing.length;
  const rate = { mode: 'publish', cases: all.length, passed, rate: +(passed / all.length).toFixed(4) };
  fs.writeFileSync(RATE, JSON.stringify(rate, null, 2) + '\n');
}

if (!HAVE_SHARED) console.warn(`publish-mode conformance skipped: ${CORPUS} is absent.`);

describe.skipIf(!HAVE_SHARED)('docutils publish-mode conformance', () => {
  it('matches docutils on every case not listed as differing', () => {
    const all = corpusCases();
    const failing = all.filter((name) => !matchesDocutils(name, 'publish'));
    const accepted = readList();
    if (process.env.UPDATE) update(all, failing, accepted);
    const regressions = failing.filter((name) => !accepted.has(name));
    expect(regressions).toEqual([]);
    // A case that now passes must leave the list (it may only shrink).
    const stale = [...accepted.keys()].filter((name) => !failing.includes(name));
    expect(stale).toEqual([]);
  });

  it('records the pass rate the corpus gives', () => {
    const recorded = JSON.parse(fs.readFileSync(RATE, 'utf8')) as { cases: number; passed: number };
    expect(recorded.cases).toBe(corpusCases().length);
    expect(recorded.passed).toBe(recorded.cases - readList().size);
    expect(recorded.passed / recorded.cases).toBeGreaterThanOrEqual(0.9);
  });
});
