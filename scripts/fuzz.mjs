#!/usr/bin/env node
/**
 * `npm run fuzz`: the pipeline fuzzer (test/fuzz/pipeline.test.ts) with
 * 100,000 cases and a fresh seed. FUZZ_RUNS and FUZZ_SEED override both;
 * a failure prints the seed (to replay it) and the shrunk counterexample.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.env.FUZZ_RUNS ?? '100000';
const seed = process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzzing compile: ${runs} cases, seed ${seed} (replay with FUZZ_SEED=${seed})`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/fuzz/pipeline.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed } },
);
console.log(`fuzzing took ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = result.status ?? 1;
