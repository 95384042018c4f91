/**
 * Conformance with docutils 0.19: every case of ../shared/corpus/rst is
 * parsed and printed as pseudo-XML and compared byte for byte with the
 * oracle's output. Cases known to differ are listed in
 * rst-differing.txt (which may only shrink); the pass rate is recorded in
 * rst-conformance.json. `UPDATE=1` rewrites both after a review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED } from '../shared.js';
import { corpusCases, matchesDocutils } from './rst-corpus.js';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const DIFFERING = path.join(HERE, 'rst-differing.txt');
const RATE = path.join(HERE, 'rst-conformance.json');

describe.skipIf(!HAVE_SHARED)('docutils parse-mode conformance', () => {
  it('matches docutils on every case not listed as differing', () => {
    const all = corpusCases();
    const failing = all.filter((name) => !matchesDocutils(name, 'parse'));
    if (process.env.UPDATE) {
      const reasons = new Map(
        (fs.existsSync(DIFFERING) ? fs.readFileSync(DIFFERING, 'utf8').split('\n') : [])
          .map((l) => l.split('#'))
          .map(([name, ...reason]) => [name!.trim(), reason.join('#').trim()] as const),
      );
      const line = (n: string) => `${n}  # ${reasons.get(n) || 'differs from docutils; not yet investigated'}`;
      fs.writeFileSync(DIFFERING, failing.map(line).join('\n') + '\n');
      const passed = all.length - failing.length;
      fs.writeFileSync(
        RATE,
        JSON.stringify({ mode: 'parse', cases: all.length, passed, rate: +(passed / all.length).toFixed(4) }, null, 2) + '\n',
      );
    }
    const accepted = fs.existsSync(DIFFERING)
      ? fs.readFileSync(DIFFERING, 'utf8').split('\n').map((l) => l.split('#')[0]!.trim()).filter(Boolean)
      : [];
    const regressions = failing.filter((name) => !accepted.includes(name));
    expect(regressions).toEqual([]);
    const stale = accepted.filter((name) => !failing.includes(name));
    // A case that now passes must leave the list (it may only shrink).
    expect(stale).toEqual([]);
  });
});
