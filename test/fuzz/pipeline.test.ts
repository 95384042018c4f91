/**
 * Property-based fuzzing of the whole pipeline (`compile`): mutated seed
 * and corpus documents, and documents written from hostile pieces, must
 * compile without an exception into well-formed HTML, with diagnostics
 * that point into the file (see invariants.ts).
 *
 * CI runs a fixed, seeded sample. `npm run fuzz` runs 100,000 cases with a
 * fresh seed (FUZZ_RUNS and FUZZ_SEED choose otherwise); a failure prints
 * the seed and the shrunk, minimal counterexample.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/build/build.js';
import { REPO } from '../shared.js';
import { loadBases } from './inputs.js';
import { compileForFuzz, isKnownViolation, KNOWN_VIOLATIONS, violations } from './invariants.js';
import { applyMutations, generatedDocument, mutationArbitrary } from './mutations.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 1_862_019);

const template = loadTemplate(path.join(REPO, 'templates', 'default'));
const bases = loadBases();
for (const reason of bases.missing) console.warn(`fuzz: ${reason}.`);

/** Deck bases cost tens of milliseconds each, corpus cases a few: weight them so both get covered in the time. */
function baseIndices(predicate: (name: string) => boolean): number[] {
  return bases.names.flatMap((name, i) => (predicate(name) ? [i] : []));
}
const deckBases = baseIndices((name) => !name.includes('corpus/rst/'));
const rstBases = baseIndices((name) => name.includes('corpus/rst/'));


function mutated(indices: number[]): fc.Arbitrary<{ base: string; source: string }> {
  return fc
    .tuple(fc.constantFrom(...indices), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }))
    .map(([i, mutations]) => ({ base: bases.names[i]!, source: applyMutations(bases.texts[i]!, mutations) }));
}

const documents = fc.oneof(
  ...(deckBases.length > 0 ? [{ arbitrary: mutated(deckBases), weight: 2 }] : []),
  ...(rstBases.length > 0 ? [{ arbitrary: mutated(rstBases), weight: 6 }] : []),
  { arbitrary: generatedDocument.map((source) => ({ base: '(generated)', source })), weight: 2 },
);


describe(`compile on ${RUNS} fuzzed documents (seed ${SEED})`, () => {
  it('never throws, points every diagnostic into the file and writes well-formed HTML with finite coordinates', () => {
    let known = 0;
    fc.assert(
      fc.property(documents, ({ base, source }) => {
        const problems = violations(source, compileForFuzz(source, template)).filter((problem) => {
          if (!isKnownViolation(problem)) return true;
          known++;
          return false;
        });
        if (problems.length > 0) {
          throw new Error(`${problems.join('\n')}\nmutated from ${base}; the document:\n${JSON.stringify(source)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1 },
    );
    expect(bases.names.length).toBeGreaterThan(0);
    if (known > 0) console.warn(`fuzz: ${known} violations of ${KNOWN_VIOLATIONS.length} known kinds tolerated (see KNOWN_VIOLATIONS in invariants.ts).`);
  }, Math.max(60_000, RUNS * 200));
});
