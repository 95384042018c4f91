/**
 * Build benchmarks: whole-process build time of the seed deck (cold, median
 * of 10) and of synthetic decks of 1,000, 5,000 and 10,000 steps made from
 * the seed's slides (median of 3), their peak memory, and parse throughput
 * on a 5 MB document. When Hovercraft is installed, it is timed on the same
 * decks in the same run, taking turns with deck (once only on the two
 * biggest decks, which take it minutes), and the ratio printed. Run with
 * `npm run bench`.
 *
 * Every timed run is a new process. deck's V8 code cache lives in a folder
 * of the benchmark's own: one untimed run per deck fills it, as any first
 * build does, and that first run's time is printed for the seed deck too.
 *
 * Both tools run without NODE_EXTRA_CA_CERTS. Some machines set it for every
 * process; Node then reads and parses the whole certificate bundle it names
 * at start-up, before any of deck's code runs (60 ms on the project's
 * machines, a fifth of a seed-deck build), though a build opens no TLS
 * connection. Hovercraft, in Python, never reads it. The table says when it
 * was set, and what `node -e 0` takes with and without it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLIDES = path.join(REPO, 'slides');
const DECK = path.join(REPO, 'bin', 'deck.js');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Runs a command; returns wall seconds and peak RSS in MB (when /usr/bin/time is there). */
function run(command, args, cwd, env = process.env) {
  const started = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, env, encoding: 'utf8' })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = TIME ? Number(result.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { seconds, rss, status: result.status };
}

/** The environment timed runs get: this one without NODE_EXTRA_CA_CERTS (see above). */
function timingEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Median seconds of `node -e 0`: the part of every deck run that is Node starting. */
function nodeFloor(env, repeats = 10) {
  const runs = [];
  for (let i = 0; i < repeats; i++) runs.push(run(process.execPath, ['-e', '0'], REPO, env).seconds);
  return median(runs);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A deck of `steps` steps: the seed's slides over and over, ids made unique. */
function synthesise(dir, steps) {
  const source = fs.readFileSync(path.join(SLIDES, 'containers.rst'), 'utf8');
  const [head, ...slides] = source.split('\n----\n');
  const out = [head];
  for (let i = 0; out.length - 1 < steps; i++) out.push(slides[i % slides.length].replace(/:id: /g, `:id: r${i}-`));
  const file = path.join(dir, `deck${steps}.rst`);
  fs.writeFileSync(file, out.join('\n----\n'));
  return file;
}

function prepare() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-bench-'));
  for (const name of fs.readdirSync(SLIDES)) {
    const from = path.join(SLIDES, name);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(dir, name));
  }
  return dir;
}

/**
 * Times deck `repeats` times and, when installed, Hovercraft `hovercraftRepeats`
 * times on one deck, taking turns, so that a machine whose speed drifts
 * during the run slows both alike. Each tool first runs once untimed where
 * it is timed more than once (deck fills its code cache, Hovercraft's files
 * come into the page cache).
 */
function timeDeck(dir, file, repeats, hovercraftRepeats = repeats) {
  const env = timingEnv({ DECK_CACHE_DIR: path.join(dir, 'code-cache') });
  const deckRun = () => run(process.execPath, [DECK, 'build', file, '--out', path.join(dir, 'out')], dir, env);
  const hovercraftRun = () => run('hovercraft', [file, path.join(dir, 'hc')], dir, timingEnv());
  const withHovercraft = hasCommand('hovercraft');
  const first = deckRun();
  if (withHovercraft && hovercraftRepeats > 1) hovercraftRun();
  const deck = [];
  const hc = [];
  for (let i = 0; i < Math.max(repeats, withHovercraft ? hovercraftRepeats : 0); i++) {
    if (i < repeats) deck.push(deckRun());
    if (withHovercraft && i < hovercraftRepeats) hc.push(hovercraftRun());
  }
  const row = { deck: median(deck.map((r) => r.seconds)), first: first.seconds, rss: Math.max(...deck.map((r) => r.rss)) };
  if (withHovercraft) row.hovercraft = median(hc.map((r) => r.seconds));
  return row;
}

async function parseThroughput(dir) {
  const { parse } = await import(path.join(REPO, 'lib', 'rst', 'parse.js'));
  const seed = fs.readFileSync(path.join(SLIDES, 'containers.rst'), 'utf8');
  let text = '';
  while (text.length < 5_000_000) text += seed;
  parse(text.slice(0, 500_000), { sourceName: 'warm.rst' });
  const started = process.hrtime.bigint();
  parse(text, { sourceName: 'big.rst' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  void dir;
  return { mb: text.length / 1e6, seconds };
}

export async function benchBuild() {
  const dir = prepare();
  const rows = [];
  rows.push({ name: 'seed deck (83 steps)', ...timeDeck(dir, path.join(dir, 'containers.rst'), 10) });
  for (const steps of [1000, 5000, 10000]) {
    // Hovercraft takes minutes on the big decks: it runs once there, deck three times.
    rows.push({ name: `${steps.toLocaleString('en')} steps`, steps, ...timeDeck(dir, synthesise(dir, steps), 3, steps >= 5000 ? 1 : 3) });
  }
  const throughput = await parseThroughput(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const node = { floor: nodeFloor(timingEnv()) };
  if (process.env.NODE_EXTRA_CA_CERTS) node.withCaCerts = nodeFloor(process.env);
  return { rows, throughput, node };
}

export function printBuild({ rows, throughput, node }) {
  const lines = ['| build | deck | peak memory | Hovercraft | deck / Hovercraft |', '|---|---:|---:|---:|---:|'];
  for (const row of rows) {
    const hc = row.hovercraft === undefined ? 'not installed' : `${row.hovercraft.toFixed(2)} s`;
    const ratio = row.hovercraft === undefined ? '' : `${((100 * row.deck) / row.hovercraft).toFixed(0)}% (${(row.hovercraft / row.deck).toFixed(1)}× faster)`;
    lines.push(`| ${row.name} | ${row.deck.toFixed(2)} s | ${Number.isNaN(row.rss) ? '?' : `${row.rss.toFixed(0)} MB`} | ${hc} | ${ratio} |`);
  }
  const seed = rows[0];
  if (seed) lines.push('', `seed deck, first run (empty code cache): ${seed.first.toFixed(2)} s`);
  const five = rows.find((r) => r.steps === 5000);
  const ten = rows.find((r) => r.steps === 10000);
  if (five && ten) lines.push(`growth 5,000 → 10,000 steps: ${(ten.deck / five.deck).toFixed(2)}× (linear is 2×)`);
  lines.push(`parse throughput: ${(throughput.mb / throughput.seconds).toFixed(2)} MB/s on ${throughput.mb.toFixed(1)} MB`);
  if (node) {
    const caCerts = node.withCaCerts === undefined ? '' : `; ${node.withCaCerts.toFixed(2)} s with NODE_EXTRA_CA_CERTS as this shell sets it (both tools were timed without it)`;
    lines.push(`node -e 0: ${node.floor.toFixed(2)} s${caCerts}`);
  }
  console.log(lines.join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printBuild(await benchBuild());
}
