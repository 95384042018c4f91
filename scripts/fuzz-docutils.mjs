#!/usr/bin/env node
/**
 * `npm run fuzz:docutils`: differential fuzzing against docutils itself.
 * Mutates the files of the reStructuredText corpus (../shared/corpus/rst,
 * each of which `deck doctree` prints exactly as docutils does) and the
 * seed deck, then compares `deck doctree --mode both` with the reference
 * tool (../shared/tools/rst_oracle.py, run by /usr/bin/python3 with
 * Debian's python3-docutils) on every mutant.
 *
 * FUZZ_RUNS (default 2,000) mutants, FUZZ_SEED for the random choices
 * (printed, to replay a run). Each mutant that prints differently is kept
 * in a folder, with both outputs, and the run fails. Inputs docutils
 * itself fails on are counted and skipped.
 *
 * FUZZ_INCLUDES=1 moves a run of each mutant's lines into a file of its
 * own that the mutant includes in their place (`.. include::` at their
 * indentation), and compares the published trees with file insertion on:
 * lines after and inside included text are where line numbering goes
 * wrong. deck's diagnostics must name a file there and a line inside it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(REPO, '..', 'shared');
const ORACLE = path.join(SHARED, 'tools', 'rst_oracle.py');
const CORPUS = path.join(SHARED, 'corpus', 'rst');
const PYTHON = '/usr/bin/python3';
const BATCH = 250;

/**
 * Characters that parsers get wrong: white space that JavaScript and
 * Python count differently (\x1f, \ufeff), line breaks only Python knows
 * (\x1c, \x85, \u2028), NUL, tabs, combining and wide characters, and
 * reStructuredText's own markup characters.
 */
const HOSTILE = ['\x1f', '\ufeff', '\x1c', '\x85', '\u2028', '\x00', '\t', '\xa0', '\u3000', '\u0301', '\u4e00', '\\', '`', '*', '|', '_', ':', '-', '=', ' ', '..', '::', '\n'];

/** mulberry32: a small seeded generator, so that a seed replays a run. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { below, pick: (list) => list[below(list.length)] };
}

/** The mutations, each a function of the text and the generator. */
const MUTATIONS = {
  insertCharacter(text, rnd) {
    const at = rnd.below(text.length + 1);
    return text.slice(0, at) + rnd.pick(HOSTILE) + text.slice(at);
  },
  replaceSpace(text, rnd) {
    const spaces = [];
    for (let i = text.indexOf(' '); i >= 0 && spaces.length < 5000; i = text.indexOf(' ', i + 1)) spaces.push(i);
    if (spaces.length === 0) return text;
    const at = rnd.pick(spaces);
    return text.slice(0, at) + rnd.pick(HOSTILE) + text.slice(at + 1);
  },
  deleteCharacter(text, rnd) {
    const at = rnd.below(text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
  cutLines(text, rnd) {
    const lines = text.split('\n');
    const at = rnd.below(lines.length);
    lines.splice(at, 1 + rnd.below(3));
    return lines.join('\n');
  },
  duplicateLine(text, rnd) {
    const lines = text.split('\n');
    const at = rnd.below(lines.length);
    lines.splice(at, 0, lines[at]);
    return lines.join('\n');
  },
  swapLines(text, rnd) {
    const lines = text.split('\n');
    if (lines.length < 2) return text;
    const at = rnd.below(lines.length - 1);
    [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
    return lines.join('\n');
  },
  reindent(text, rnd) {
    const lines = text.split('\n');
    const at = rnd.below(lines.length);
    const by = rnd.below(5) - 2;
    lines[at] = by > 0 ? ' '.repeat(by) + lines[at] : lines[at].replace(new RegExp(`^ {0,${-by}}`), '');
    return lines.join('\n');
  },
  lineEnd(text, rnd) {
    const lines = text.split('\n');
    const at = rnd.below(lines.length);
    lines[at] += rnd.pick(HOSTILE);
    return lines.join('\n');
  },
  truncate(text, rnd) {
    return text.slice(0, rnd.below(text.length + 1));
  },
  /** A few lines of another input, indented as the line they go before: constructs in places their own file never puts them. */
  graft(text, rnd, inputs) {
    const donor = rnd.pick(inputs).text.split('\n');
    const from = rnd.below(donor.length);
    const piece = donor.slice(from, from + 1 + rnd.below(12));
    const lines = text.split('\n');
    const at = rnd.below(lines.length + 1);
    const indent = /^ */.exec(lines[at] ?? '')[0];
    lines.splice(at, 0, ...piece.map((line) => (line === '' ? line : indent + line)));
    return lines.join('\n');
  },
};

function mutate(text, rnd, inputs) {
  let out = text;
  const kinds = Object.keys(MUTATIONS);
  const count = 1 + rnd.below(4);
  for (let i = 0; i < count; i++) out = MUTATIONS[rnd.pick(kinds)](out, rnd, inputs);
  return out;
}

function sources() {
  const corpus = fs.readdirSync(CORPUS).filter((name) => name.endsWith('.rst')).map((name) => path.join(CORPUS, name));
  return [...corpus, path.join(REPO, 'slides', 'containers.rst')].map((file) => ({ name: path.basename(file, '.rst'), text: fs.readFileSync(file, 'utf8') }));
}

/** Runs both tools on a batch of files; returns the stems whose outputs differ, and how many docutils failed on. */
function compareBatch(dir, files) {
  const oracle = spawnSync(PYTHON, [ORACLE, '--mode', 'both', '--out', path.join(dir, 'docutils'), ...files], { encoding: 'utf8' });
  const deck = spawnSync(process.execPath, [path.join(REPO, 'bin', 'deck.js'), 'doctree', '--mode', 'both', '--out', path.join(dir, 'deck'), ...files], { encoding: 'utf8' });
  if (deck.status !== 0 && deck.status !== 1) throw new Error(`deck doctree exited with ${deck.status}:\n${deck.stderr}`);
  const differing = [];
  let docutilsFailed = 0;
  for (const file of files) {
    const stem = path.basename(file, '.rst');
    for (const mode of ['parse', 'publish']) {
      const expected = path.join(dir, 'docutils', `${stem}.${mode}.pxml`);
      if (!fs.existsSync(expected)) {
        docutilsFailed++;
        continue;
      }
      const actual = path.join(dir, 'deck', `${stem}.${mode}.pxml`);
      if (!fs.existsSync(actual) || fs.readFileSync(actual, 'utf8') !== fs.readFileSync(expected, 'utf8')) differing.push(`${stem}.${mode}`);
    }
  }
  void oracle;
  return { differing, docutilsFailed };
}

/** Moves lines of `text` into a part file that the returned main text includes in their place. */
function splitIntoInclude(text, rnd, partName) {
  const lines = text.split('\n');
  const from = rnd.below(lines.length);
  const count = 1 + rnd.below(Math.min(20, lines.length - from));
  const indent = /^ */.exec(lines[from])[0];
  const part = lines.slice(from, from + count).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
  lines.splice(from, count, `${indent}.. include:: ${partName}`);
  return { main: lines.join('\n'), part: `${part.join('\n')}\n` };
}

/** docutils with file insertion on, the corpus oracle's settings otherwise: DIR/STEM.publish.pxml for each file named. */
const INCLUDING_ORACLE = `
import os, sys
sys.path.insert(0, ${JSON.stringify(path.join(SHARED, 'tools'))})
import rst_oracle
from docutils import core
out = sys.argv[1]
for name in sys.argv[2:]:
    rst_oracle._reset_registries()
    try:
        overrides = rst_oracle._settings(dict(rst_oracle.PUBLISH_EXTRA, file_insertion_enabled=True))
        document = core.publish_doctree(source=rst_oracle.read_source(name), source_path=name, settings_overrides=overrides)
        with open(os.path.join(out, os.path.splitext(name)[0] + '.publish.pxml'), 'w', encoding='utf-8') as f:
            f.write(document.pformat())
    except Exception:
        pass
    finally:
        rst_oracle._reset_registries()
`;

/** `compareBatch` for mutants that include a part file: publish mode, file insertion on, deck's parser run here. */
async function compareIncludingBatch(dir, files) {
  const { parse } = await import(path.join(REPO, 'lib', 'rst', 'parse.js'));
  const { pformat } = await import(path.join(REPO, 'lib', 'rst', 'pformat.js'));
  fs.mkdirSync(path.join(dir, 'docutils'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'deck'), { recursive: true });
  spawnSync(PYTHON, ['-c', INCLUDING_ORACLE, path.join(dir, 'docutils'), ...files.map((file) => path.basename(file))], { cwd: dir, encoding: 'utf8' });
  const readFile = (name) => {
    try {
      return fs.readFileSync(path.resolve(dir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const differing = [];
  let docutilsFailed = 0;
  for (const file of files) {
    const stem = path.basename(file, '.rst');
    const expected = path.join(dir, 'docutils', `${stem}.publish.pxml`);
    if (!fs.existsSync(expected)) {
      docutilsFailed++;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
    const parsed = parse(text, { sourceName: path.basename(file), sourceDir: '.', mode: 'publish', fileInsertionEnabled: true, readFile });
    const misplaced = parsed.diagnostics.filter((d) => !insideAFile(dir, d)).map((d) => `${d.file}:${d.line}: ${d.message}`);
    const actual = pformat(parsed.document) + misplaced.map((d) => `diagnostic outside its file: ${d}\n`).join('');
    fs.writeFileSync(path.join(dir, 'deck', `${stem}.publish.pxml`), actual);
    if (actual !== fs.readFileSync(expected, 'utf8')) differing.push(`${stem}.publish`);
  }
  return { differing, docutilsFailed };
}

/**
 * Whether diagnostic `d` names a file in `dir` and a line inside it, as an
 * author needs it to (docutils' own places may not). The parser's lines
 * are docutils' (every line break Python knows); the build maps them to an
 * editor's.
 */
function insideAFile(dir, d) {
  if (d.line === undefined) return true;
  try {
    const lines = fs.readFileSync(path.resolve(dir, d.file), 'utf8').split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).length;
    return d.line >= 1 && d.line <= lines;
  } catch {
    return false;
  }
}

async function main() {
  if (!fs.existsSync(ORACLE) || !fs.existsSync(CORPUS)) {
    console.error(`fuzz:docutils needs the corpus and the reference tool in ${SHARED}; they are not there.`);
    return 2;
  }
  if (spawnSync(PYTHON, ['-c', 'import docutils']).status !== 0) {
    console.error(`fuzz:docutils needs docutils for ${PYTHON} (apt-get install python3-docutils).`);
    return 2;
  }
  const runs = Number(process.env.FUZZ_RUNS ?? 2000);
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const includes = process.env.FUZZ_INCLUDES === '1';
  const what = includes ? 'mutants that include part of themselves' : 'mutants';
  console.log(`fuzzing deck doctree against docutils: ${runs} ${what}, seed ${seed} (replay with FUZZ_SEED=${seed}${includes ? ' FUZZ_INCLUDES=1' : ''})`);
  const rnd = generator(seed);
  const inputs = sources();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-fuzz-docutils-'));
  const kept = path.join(dir, 'differing');
  let differing = 0;
  let docutilsFailed = 0;
  for (let done = 0; done < runs; done += BATCH) {
    const batch = path.join(dir, 'batch');
    fs.rmSync(batch, { recursive: true, force: true });
    fs.mkdirSync(batch, { recursive: true });
    const files = [];
    for (let i = done; i < Math.min(runs, done + BATCH); i++) {
      const source = rnd.pick(inputs);
      const stem = `m${String(i).padStart(6, '0')}-${source.name}`;
      const file = path.join(batch, `${stem}.rst`);
      const mutant = mutate(source.text, rnd, inputs);
      if (includes) {
        const { main, part } = splitIntoInclude(mutant, rnd, `${stem}.part.txt`);
        fs.writeFileSync(file, main);
        fs.writeFileSync(path.join(batch, `${stem}.part.txt`), part);
      } else {
        fs.writeFileSync(file, mutant);
      }
      files.push(file);
    }
    const result = includes ? await compareIncludingBatch(batch, files) : compareBatch(batch, files);
    docutilsFailed += result.docutilsFailed;
    for (const entry of result.differing) {
      differing++;
      const [stem, mode] = [entry.slice(0, entry.lastIndexOf('.')), entry.slice(entry.lastIndexOf('.') + 1)];
      fs.mkdirSync(kept, { recursive: true });
      fs.copyFileSync(path.join(batch, `${stem}.rst`), path.join(kept, `${stem}.rst`));
      if (includes) fs.copyFileSync(path.join(batch, `${stem}.part.txt`), path.join(kept, `${stem}.part.txt`));
      fs.copyFileSync(path.join(batch, 'docutils', `${stem}.${mode}.pxml`), path.join(kept, `${stem}.${mode}.docutils.pxml`));
      const actual = path.join(batch, 'deck', `${stem}.${mode}.pxml`);
      if (fs.existsSync(actual)) fs.copyFileSync(actual, path.join(kept, `${stem}.${mode}.deck.pxml`));
      if (differing <= 20) console.log(`differs: ${stem} (${mode})`);
    }
    process.stdout.write(`${Math.min(runs, done + BATCH)} mutants, ${differing} differing\n`);
  }
  fs.rmSync(path.join(dir, 'batch'), { recursive: true, force: true });
  console.log(`${runs} mutants; docutils itself failed on ${docutilsFailed} outputs, which are skipped; ${differing} differ from docutils.`);
  if (differing > 0) {
    console.log(`The differing mutants and both outputs are in ${kept}.`);
    return 1;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return 0;
}

process.exitCode = await main();
