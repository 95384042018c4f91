/**
 * Differential test against Hovercraft 2.7: every deck of
 * shared/corpus/decks goes through parse (publish, hovercraft) → split →
 * layout, and must give the steps Hovercraft gives: count, level, parent
 * and all seven coordinates (exact; 1 px / 0.6° for steps on an SVG path,
 * whose geometry goes through a different float library).
 *
 * Decks Hovercraft itself fails on are left out. Accepted failures are in
 * positions-accepted.json (deck → reason); that list may only shrink, so a
 * deck on it that passes fails the test until it is taken off.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { split } from '../../src/deck/split.js';
import { COORDINATE_KEYS, type Coordinates, type Deck } from '../../src/deck/types.js';
import { calculatePositions } from '../../src/layout/calculate.js';
import { gatherPositions } from '../../src/layout/gather.js';
import { layout, stepFields, topLevelSteps } from '../../src/layout/layout.js';
import { parse } from '../../src/rst/parse.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const shared = resolve(repo, '../shared');
const decksDir = join(shared, 'corpus/decks');
const accepted: Record<string, string> = JSON.parse(readFileSync(join(here, 'positions-accepted.json'), 'utf8'));

interface ExpectedStep extends Record<string, unknown> {
  level: number | null;
  parent: number | null;
}

interface Expected {
  steps: ExpectedStep[];
  presentation: Record<string, string>;
  error?: string;
}

/** Hovercraft's document attributes, less docutils' ids and names. */
function compareSettings(deck: Deck, presentation: Record<string, string>): string[] {
  const want = Object.fromEntries(Object.entries(presentation).filter(([key]) => key !== 'ids' && key !== 'names'));
  const keys = [...new Set([...Object.keys(want), ...Object.keys(deck.settings)])].sort();
  return keys
    .filter((key) => deck.settings[key] !== want[key])
    .map((key) => `setting ${key}: ${JSON.stringify(deck.settings[key])}, want ${JSON.stringify(want[key])}`);
}

/** parse → split → layout, as the CLI chains them. */
function run(file: string, stubMissingIncludes: boolean) {
  const source = readFileSync(file, 'utf8');
  const sourceName = basename(file);
  const parsed = parse(source, {
    sourceName,
    mode: 'publish',
    hovercraft: true,
    sourceDir: dirname(file),
    readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : stubMissingIncludes ? '' : undefined),
  });
  const { deck } = split(parsed.document, { sourceName, source });
  return { deck, layout: layout(deck, { sourceName }) };
}

/** Top-level steps placed on an SVG path, by deck step index. */
function onPath(deck: Deck): Set<number> {
  const topLevel = topLevelSteps(deck);
  const gathered = gatherPositions(topLevel.map((index) => stepFields(deck.steps[index]!)));
  const { positions } = calculatePositions(gathered);
  return new Set(topLevel.filter((_index, i) => positions[i]?.onPath));
}

function close(key: string, got: number, want: number, tolerant: boolean): boolean {
  if (got === want) return true;
  if (!tolerant) return false;
  return Math.abs(got - want) <= (key.startsWith('data-rotate') ? 0.6 : 1);
}

/** Every way our steps differ from Hovercraft's, as readable lines. */
function compareSteps(deck: Deck, positions: (Coordinates | null)[], expected: ExpectedStep[]): string[] {
  const problems: string[] = [];
  if (deck.steps.length !== expected.length) problems.push(`${deck.steps.length} steps, Hovercraft has ${expected.length}`);
  const path = onPath(deck);
  expected.forEach((want, i) => {
    if (i >= deck.steps.length) return;
    if (deck.levels[i] !== want.level) problems.push(`step ${i}: level ${deck.levels[i]}, want ${want.level}`);
    if (deck.parents[i] !== want.parent) problems.push(`step ${i}: parent ${deck.parents[i]}, want ${want.parent}`);
    const got = positions[i];
    for (const key of COORDINATE_KEYS) {
      const value = want[key] as number | null;
      if (value === null && got === null) continue;
      if (value === null || !got || !close(key, Number(got[key]), value, path.has(i))) {
        problems.push(`step ${i}: ${key} ${got ? got[key] : 'unset'}, want ${value}`);
      }
    }
  });
  return problems;
}

function expectedFor(name: string): { expected: Expected; stubbed: boolean } {
  const stubbedFile = join(decksDir, 'expected', `${name}.positions.stubbed-includes.json`);
  if (existsSync(stubbedFile)) return { expected: JSON.parse(readFileSync(stubbedFile, 'utf8')), stubbed: true };
  const file = join(decksDir, 'expected', `${name}.positions.json`);
  return { expected: JSON.parse(readFileSync(file, 'utf8')), stubbed: false };
}

const decks = existsSync(decksDir)
  ? readdirSync(decksDir).filter((file) => /^\d{3}-.*\.rst$/.test(file)).sort()
  : [];

describe('positions match Hovercraft 2.7 on the deck corpus', () => {
  if (decks.length === 0) {
    it.skip(`skipped: ${decksDir} is absent (the shared corpus is not checked out next to the repository)`, () => {});
    return;
  }

  for (const file of decks) {
    const name = file.replace(/\.rst$/, '');
    const { expected, stubbed } = expectedFor(name);
    if (expected.error) continue; // Hovercraft itself fails on this deck.
    it(name, () => {
      const result = run(join(decksDir, file), stubbed);
      const problems = [
        ...compareSteps(result.deck, result.layout.positions, expected.steps),
        ...compareSettings(result.deck, expected.presentation),
      ];
      if (name in accepted) {
        expect(problems, `${name} now matches Hovercraft: take it off positions-accepted.json`).not.toEqual([]);
      } else {
        expect(problems).toEqual([]);
      }
    });
  }

  it('lists only decks of the corpus as accepted failures', () => {
    const names = decks.map((file) => file.replace(/\.rst$/, ''));
    expect(Object.keys(accepted).filter((name) => !names.includes(name))).toEqual([]);
  });
});

describe('the seed deck', () => {
  const seed = join(shared, 'seed/containers.rst');
  const fixture = join(repo, 'test/fixtures/containers.positions.json');
  const python = '/usr/bin/python3';
  const tool = join(shared, 'tools/hovercraft_positions.py');

  /** Hovercraft's own answer when it is installed, else the committed one. */
  function seedExpectation(): Expected {
    if (existsSync(python) && existsSync(tool) && existsSync('/usr/share/hovercraft/hovercraft')) {
      return JSON.parse(execFileSync(python, [tool, seed], { encoding: 'utf8' }));
    }
    return JSON.parse(readFileSync(fixture, 'utf8'));
  }

  it.skipIf(!existsSync(seed))('gives the 83 steps Hovercraft gives for containers.rst', () => {
    const expected = seedExpectation();
    expect(expected.steps).toHaveLength(83);
    const result = run(seed, false);
    expect(compareSteps(result.deck, result.layout.positions, expected.steps)).toEqual([]);
    expect(compareSettings(result.deck, expected.presentation)).toEqual([]);
  });
});
