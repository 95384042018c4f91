/**
 * `deck build` against Hovercraft 2.7, on what a browser receives: every
 * corpus deck Hovercraft can build is built into HTML (in a temporary copy
 * where the pictures, stylesheets and include files the corpus lacks are
 * stubbed with empty files), and the `div.step` elements must match
 * Hovercraft's steps in number and in all seven coordinates (1 px / 0.6°
 * on decks that place steps along an SVG path). The seed deck's HTML is
 * checked against Hovercraft's positions for slides/containers.rst.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithStubs, includeTargets } from './corpus-build.js';
import { COORDINATE_KEYS } from '../../src/deck/types.js';
import { HAVE_SHARED, REPO, SHARED } from '../shared.js';

const DECKS = path.join(SHARED, 'corpus', 'decks');

interface ExpectedStep {
  [key: string]: unknown;
}

/** The attributes of every step div, in document order. */
export function stepAttributes(html: string): Record<string, string>[] {
  const steps: Record<string, string>[] = [];
  for (const match of html.matchAll(/<div\s([^>]*\bclass="step[ "][^>]*)>/g)) {
    const attributes: Record<string, string> = {};
    for (const a of match[1]!.matchAll(/([\w-]+)="([^"]*)"/g)) attributes[a[1]!] = a[2]!;
    steps.push(attributes);
  }
  return steps;
}

function differences(html: string, expected: ExpectedStep[], tolerance: { px: number; deg: number }): string[] {
  const got = stepAttributes(html);
  if (got.length !== expected.length) return [`${got.length} steps, Hovercraft has ${expected.length}`];
  const out: string[] = [];
  expected.forEach((step, i) => {
    for (const key of COORDINATE_KEYS) {
      const want = step[key] === null || step[key] === undefined ? (key === 'data-scale' ? 1 : 0) : Number(step[key]);
      const have = Number(got[i]![key]);
      const limit = key.startsWith('data-rotate') ? tolerance.deg : key === 'data-scale' ? 1e-9 : tolerance.px;
      if (!(Math.abs(have - want) <= limit)) out.push(`step ${i + 1} ${key}: ${got[i]![key]}, Hovercraft ${want}`);
    }
  });
  return out;
}

describe.skipIf(!HAVE_SHARED)('built decks against Hovercraft', () => {
  const decks = HAVE_SHARED ? fs.readdirSync(DECKS).filter((f) => /^\d{3}-.*\.rst$/.test(f)).sort() : [];
  for (const name of decks) {
    const stem = name.slice(0, -4);
    const stubbed = path.join(DECKS, 'expected', `${stem}.positions.stubbed-includes.json`);
    const plain = path.join(DECKS, 'expected', `${stem}.positions.json`);
    const expected = JSON.parse(fs.readFileSync(fs.existsSync(stubbed) ? stubbed : plain, 'utf8'));
    if (expected.error) continue;
    it(`${stem} has Hovercraft's steps and coordinates`, () => {
      const file = path.join(DECKS, name);
      const html = buildWithStubs(file, fs.existsSync(stubbed) ? includeTargets(file) : []);
      const usesPath = expected.steps.some((s: ExpectedStep) => 'hovercraft-path' in s || false) ||
        /hovercraft-path/.test(fs.readFileSync(file, 'utf8'));
      const tolerance = usesPath ? { px: 1, deg: 0.6 } : { px: 1e-9, deg: 1e-9 };
      expect(differences(html, expected.steps, tolerance)).toEqual([]);
    });
  }
});

describe('the seed deck', () => {
  it("has Hovercraft's 83 steps and coordinates in dist/index.html", () => {
    const expected = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'containers.positions.json'), 'utf8'));
    const html = buildWithStubs(path.join(REPO, 'slides', 'containers.rst'));
    expect(expected.steps).toHaveLength(83);
    expect(differences(html, expected.steps, { px: 1e-9, deg: 1e-9 })).toEqual([]);
  });
});
