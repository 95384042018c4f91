/**
 * HTML content parity with Hovercraft: for every corpus deck Hovercraft can
 * build, the visible text of each step of our HTML equals the visible text
 * of the same step in Hovercraft's HTML (expected/*.text.json), compared
 * after deleting all white space, notes and math aside. Steps that still
 * differ are listed, with a reason each, in content-differing.json; the
 * list may only shrink.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_SHARED, SHARED } from '../shared.js';
import { buildWithStubs, includeTargets, stepTexts } from './corpus-build.js';

const DECKS = path.join(SHARED, 'corpus', 'decks');
const HERE = path.dirname(new URL(import.meta.url).pathname);
const LIST = path.join(HERE, 'content-differing.json');

const squash = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!HAVE_SHARED)('visible text of every step against Hovercraft', () => {
  it('matches on every step not listed as differing', () => {
    const accepted: Record<string, string> = fs.existsSync(LIST) ? JSON.parse(fs.readFileSync(LIST, 'utf8')) : {};
    const differing: Record<string, string> = {};
    let steps = 0;
    let matched = 0;
    for (const name of fs.readdirSync(DECKS).filter((f) => /^\d{3}-.*\.rst$/.test(f)).sort()) {
      const stem = name.slice(0, -4);
      const expected = JSON.parse(fs.readFileSync(path.join(DECKS, 'expected', `${stem}.text.json`), 'utf8'));
      if (expected.error) continue;
      const file = path.join(DECKS, name);
      const stubbed = fs.existsSync(path.join(DECKS, 'expected', `${stem}.positions.stubbed-includes.json`));
      const ours = stepTexts(buildWithStubs(file, stubbed ? includeTargets(file) : []));
      expected.steps.forEach((step: { index: number; text: string }, i: number) => {
        steps++;
        if (ours[i] !== undefined && squash(ours[i]!) === squash(step.text)) matched++;
        else differing[`${stem}#${i + 1}`] = `ours: ${JSON.stringify(ours[i] ?? null).slice(0, 160)} | Hovercraft: ${JSON.stringify(step.text).slice(0, 160)}`;
      });
    }
    if (process.env.UPDATE) {
      const merged = Object.fromEntries(Object.keys(differing).sort().map((k) => [k, accepted[k] ?? differing[k]!]));
      fs.writeFileSync(LIST, JSON.stringify(merged, null, 1) + '\n');
    }
    console.info(`content parity: ${matched} of ${steps} steps (${((100 * matched) / steps).toFixed(1)}%)`);
    const list = process.env.UPDATE ? differing : accepted;
    expect(Object.keys(differing).filter((k) => !(k in list))).toEqual([]);
    expect(Object.keys(list).filter((k) => !(k in differing))).toEqual([]);
  });
});
