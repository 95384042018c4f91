// npm run bench: measures what a speaker waits for.
//
// "save → shown": from writing the seed deck to disk to Chromium showing the
// new build on the same step (the step patched in place, or entered after a
// reload, and two frames painted), with
// `deck serve --watch` running as its own process, over 50 edits. The
// target is p50 ≤ 100 ms on the project's 2-core machine. "rebuild" is the
// part of it that the server spends building, as it reports it.
//
// Needs the compiled CLI in lib/ (`npm run bench` compiles first) and
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { benchBuild, printBuild } from './build.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const STEP_ID = 'clone_part1';
const STEP_FIELDS = ':id: clone_part1\n:data-x: r100\n:data-y: r-50\n:data-scale: 0.7\n';
const TARGET_P50_MS = 100;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function startServe(deck) {
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'deck.js'), 'serve', '--watch', '--port', '0', deck], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const buildTimes = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    for (const match of text.matchAll(/^built (\d+) ms/gm)) buildTimes.push(Number(match[1]));
  });
  const url = new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      const found = /http:\/\/\S+\//.exec(text);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code) => reject(new Error(`deck serve exited with ${code}`)));
  });
  return { child, url, buildTimes };
}

async function main() {
  if (!fs.existsSync(path.join(REPO, 'lib', 'server', 'server.js'))) {
    throw new Error('lib/ is not built: run `npm run build` (npm run bench does it first).');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-bench-'));
  fs.cpSync(path.join(REPO, 'slides'), path.join(dir, 'slides'), { recursive: true });
  const deck = path.join(dir, 'slides', 'containers.rst');
  const original = fs.readFileSync(deck, 'utf8');
  if (!original.includes(STEP_FIELDS)) throw new Error(`the seed deck no longer has step ${STEP_ID} as expected`);

  const serve = startServe(deck);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const url = await serve.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let waiting;
    await page.exposeFunction('benchShown', (text, at) => {
      if (waiting && text.includes(waiting.marker)) waiting.resolve(at);
    });
    // Reports when the step is shown and painted: entered after a reload, or
    // patched in place (deck:live-update, see assets/live-reload.js).
    await page.addInitScript((id) => {
      const report = () => {
        const step = document.getElementById(id);
        requestAnimationFrame(() => requestAnimationFrame(() => window.benchShown(step.textContent, Date.now())));
      };
      document.addEventListener('impress:stepenter', (event) => {
        if (event.target.id === id) report();
      });
      document.addEventListener('deck:live-update', report);
    }, STEP_ID);
    await page.goto(`${url}#/${STEP_ID}`);
    await page.waitForFunction((id) => document.body.classList.contains(`impress-on-${id}`), STEP_ID);
    await page.waitForTimeout(500);

    // Listens as a page would, to split the wait into server and browser parts.
    const host = new URL(url).host;
    const channel = new WebSocket(`ws://${host}/__deck/live-reload`, { origin: `http://${host}` });
    let announcedAt = 0;
    channel.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'reload') announcedAt = Date.now();
    });
    const latencies = [];
    const announced = [];
    for (let i = 1; i <= EDITS; i++) {
      const marker = `Benchmark edit ${i} of ${EDITS}.`;
      const shown = new Promise((resolve, reject) => {
        waiting = { marker, resolve };
        setTimeout(() => reject(new Error(`edit ${i} was not shown within 10 s`)), 10000);
      });
      announcedAt = 0;
      const savedAt = Date.now();
      fs.writeFileSync(deck, original.replace(STEP_FIELDS, `${STEP_FIELDS}\n${marker}\n`));
      latencies.push((await shown) - savedAt);
      // The page may show the edit before this channel hears of it: wait for its message.
      for (let waited = 0; announcedAt === 0 && waited < 2000; waited += 10) await page.waitForTimeout(10);
      if (announcedAt !== 0) announced.push(announcedAt - savedAt);
      await page.waitForTimeout(150);
    }
    channel.close();
    const builds = serve.buildTimes.slice(1);
    const rows = [
      ['save → shown in Chromium', latencies],
      ['save → reload announced', announced],
      ['  of which rebuild', builds],
    ];
    console.log(`deck serve --watch, seed deck (${path.basename(deck)}), ${EDITS} edits, ${os.cpus().length} cores\n`);
    console.log(`${'measure'.padEnd(28)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'min'.padStart(7)} ${'max'.padStart(7)}`);
    for (const [name, values] of rows) {
      const cells = [percentile(values, 50), percentile(values, 95), Math.min(...values), Math.max(...values)];
      console.log(`${name.padEnd(28)} ${cells.map((v) => `${Math.round(v)} ms`.padStart(7)).join(' ')}`);
    }
    const p50 = percentile(latencies, 50);
    console.log(`\ntarget: p50 ≤ ${TARGET_P50_MS} ms: ${p50 <= TARGET_P50_MS ? 'met' : 'NOT met'} (${Math.round(p50)} ms)`);
  } finally {
    await browser.close();
    serve.child.kill('SIGINT');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function all() {
  // Build times first (they want the machine to themselves), then reload latency.
  if (process.env.BENCH_ONLY !== 'reload') {
    console.log('deck build: whole process, cold (seed: median of 10; synthetic decks: median of 3, Hovercraft once on the two largest; the tools take turns)\n');
    printBuild(await benchBuild());
    console.log('');
  }
  if (process.env.BENCH_ONLY !== 'build') await main();
}

all().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
});
