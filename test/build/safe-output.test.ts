/**
 * `deck build` replaces its output folder as a whole, so it must refuse any
 * folder whose files are the author's: the deck's own folder (`--out .`),
 * a folder with other files or a Git repository in it, a file. `deck map`
 * and `deck pdf` must not write over a file the deck uses. Each refusal is
 * exit code 2 with a message, and leaves every file where it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

function capture(): Io & { stderr: string } {
  const io = { stderr: '', out: () => {}, err: (t: string) => void (io.stderr += t) };
  return io;
}

/** A project folder (in a folder of its own) with the seed deck in slides/ and a file of the author's beside it; returns its path. */
function project(): string {
  const dir = path.join(tempDir('deck-safe-output-'), 'talk');
  fs.cpSync(path.join(REPO, 'slides'), path.join(dir, 'slides'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'my notes');
  return dir;
}

/** Every file under `dir` with its content, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

/** Runs `deck ARGS…` from `dir`, reporting on `io`; the exit code. */
async function deckIn(dir: string, args: string[], io: Io): Promise<number> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await main(args, io);
  } finally {
    process.chdir(cwd);
  }
}

/** Runs `deck COMMAND slides/containers.rst --out <out>` from `dir`; the exit code and what it said. */
async function runIn(dir: string, command: string, out: string): Promise<{ code: number; stderr: string }> {
  const io = capture();
  return { code: await deckIn(dir, [command, path.join('slides', 'containers.rst'), '--out', out], io), stderr: io.stderr };
}

function buildIn(dir: string, out: string): Promise<{ code: number; stderr: string }> {
  return runIn(dir, 'build', out);
}

/** A project (see `project`) whose deck was built into site/. */
async function builtProject(): Promise<string> {
  const dir = project();
  expect((await buildIn(dir, 'site')).code).toBe(0);
  return dir;
}

/** Runs `deck COMMAND` from `dir` into `out`; expects exit code 2 saying `message`, and every file under `kept` as it was. */
async function expectRefusal(dir: string, out: string, message: string, command = 'build', kept = dir): Promise<void> {
  const before = snapshot(kept);
  const result = await runIn(dir, command, out);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).toContain(`[${command}/unsafe-output]`);
  expect(snapshot(kept)).toEqual(before);
}

describe('deck build refuses an output folder that holds the author’s files', () => {
  it.each([
    ['the folder it runs in', '.'],
    ['the deck’s folder', 'slides'],
    ['a folder above the deck', '..'],
  ])('%s (--out %s), which holds the deck', async (_what, out) => {
    const dir = project();
    const message = `error: The output folder "${out}" holds ${path.join('slides', 'containers.rst')}, which this build reads`;
    await expectRefusal(dir, out, message, 'build', path.dirname(dir));
  });

  it('a folder with other files in it', async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'site'));
    fs.writeFileSync(path.join(dir, 'site', 'about.html'), '<p>mine</p>');
    await expectRefusal(dir, 'site', 'error: The output folder "site" holds files that no deck build wrote ("about.html")');
  });

  it('a previous build that is also a Git checkout (a gh-pages worktree, say)', async () => {
    const dir = await builtProject();
    fs.writeFileSync(path.join(dir, 'site', '.git'), 'gitdir: ../.git/worktrees/site\n');
    await expectRefusal(dir, 'site', 'holds a Git repository (.git)');
  });

  it('a folder of separately built decks, each marked as its own output', async () => {
    const dir = project();
    for (const out of [path.join('public', 'talk1'), path.join('public', 'talk2')]) expect((await buildIn(dir, out)).code).toBe(0);
    await expectRefusal(dir, 'public', 'error: The output folder "public" holds files that no deck build wrote ("talk1", "talk2")');
  });

  it('its own previous output with a file added to it since (a CNAME for the host, say)', async () => {
    const dir = await builtProject();
    fs.writeFileSync(path.join(dir, 'site', 'CNAME'), 'talk.example.org\n');
    await expectRefusal(dir, 'site', 'holds files that no deck build wrote ("CNAME")');
  });

  it('a folder an interrupted build would have put back in the output’s place', async () => {
    const dir = project();
    // What a build killed mid-swap leaves: the previous "output" moved aside, long ago.
    const aside = path.join(dir, '.site.staging-99999-abcdef.old');
    fs.mkdirSync(aside);
    fs.writeFileSync(path.join(aside, 'notes.txt'), 'not a build');
    const result = await buildIn(dir, 'site');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: The output folder "site" holds files that no deck build wrote ("notes.txt")');
    expect(fs.readFileSync(path.join(dir, 'site', 'notes.txt'), 'utf8')).toBe('not a build');
  });

  it('the folder deck runs in, even when it is a previous output', async () => {
    const dir = await builtProject();
    const io = capture();
    expect(await deckIn(path.join(dir, 'site'), ['build', path.join('..', 'slides', 'containers.rst'), '--out', '.'], io)).toBe(2);
    expect(io.stderr).toContain('error: The output folder "." is where deck runs');
  });

  it('an output from before builds listed their files, with files added to it or a page of the author’s', async () => {
    const dir = await builtProject();
    fs.rmSync(path.join(dir, 'site', '.deck-output'));
    fs.writeFileSync(path.join(dir, 'site', 'CNAME'), 'talk.example.org\n');
    await expectRefusal(dir, 'site', 'error: The output folder "site" holds files that this build does not write again ("CNAME")');
    fs.mkdirSync(path.join(dir, 'www'));
    fs.writeFileSync(path.join(dir, 'www', 'index.html'), '<script src="talk/deck/runtime.js"></script>');
    fs.writeFileSync(path.join(dir, 'www', 'about.html'), '<p>mine</p>');
    await expectRefusal(dir, 'www', 'holds files that this build does not write again ("about.html")');
  });

  it('its own previous output with an empty folder added to it', async () => {
    const dir = await builtProject();
    fs.mkdirSync(path.join(dir, 'site', 'uploads'));
    await expectRefusal(dir, 'site', 'holds files that no deck build wrote ("uploads")');
    expect(fs.existsSync(path.join(dir, 'site', 'uploads'))).toBe(true);
  });

  it('a file', async () => {
    const dir = project();
    await expectRefusal(dir, 'notes.txt', 'error: The output "notes.txt" is a file');
  });
});

describe('deck build replaces what is its own', () => {
  it('a new folder, an empty one, and its own previous output, single-file or not', async () => {
    const dir = project();
    fs.mkdirSync(path.join(dir, 'empty'));
    for (const out of ['new', 'empty', 'new', 'empty']) expect((await buildIn(dir, out)).code).toBe(0);
    const io = capture();
    for (let i = 0; i < 2; i++) expect(await deckIn(dir, ['build', path.join('slides', 'containers.rst'), '--single-file', '--out', 'one'], io)).toBe(0);
    expect(io.stderr).not.toContain('unsafe-output');
    expect(fs.readdirSync(path.join(dir, 'one')).sort()).toEqual(['.deck-output', 'index.html']);
  });

  it('outputs written before builds marked theirs, single-file or not, and a build with its map', async () => {
    const dir = project();
    const io = capture();
    const deck = path.join('slides', 'containers.rst');
    for (const flags of [['--out', 'site'], ['--single-file', '--out', 'one'], ['--map', '--out', 'mapped']]) {
      expect(await deckIn(dir, ['build', deck, ...flags], io)).toBe(0);
      const out = path.join(dir, flags[flags.length - 1]!);
      if (flags[0] !== '--map') fs.rmSync(path.join(out, '.deck-output'));
      fs.writeFileSync(path.join(out, '.DS_Store'), '');
      expect(await deckIn(dir, ['build', deck, ...flags], io), io.stderr).toBe(0);
    }
    expect(io.stderr).not.toContain('unsafe-output');
    expect(fs.existsSync(path.join(dir, 'mapped', 'map.svg'))).toBe(true);
  });
});

describe('deck map and deck pdf refuse to write over a file the deck uses', () => {
  it.each([
    ['map', path.join('slides', 'containers.rst')],
    ['map', path.join('slides', 'my.css')],
    ['pdf', path.join('slides', 'containers.rst')],
    ['pdf', path.join('slides', 'my.css')],
  ])('deck %s --out %s', async (command, out) => {
    const dir = project();
    await expectRefusal(dir, out, `error: The output "${out}" is a file this command reads: writing over it would destroy it.`, command);
  });

  it('deck map --out a picture the deck shows', async () => {
    const dir = project();
    await expectRefusal(dir, path.join('slides', 'docker_cloud.svg'), 'is a file this command reads', 'map');
  });

  it('deck map --out a folder', async () => {
    const dir = project();
    const result = await runIn(dir, 'map', 'slides');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: The output "slides" is a folder: --out names the file to write. [map/unsafe-output]');
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('an output path the system refuses is an error, not a crash', () => {
  it.each([
    ['build', path.join('notes.txt', 'site')],
    ['map', path.join('notes.txt', 'map.svg')],
    ['doctree', 'notes.txt'],
  ])('deck %s --out %s, below a file', async (command, out) => {
    const dir = project();
    const before = snapshot(dir);
    const result = await runIn(dir, command, out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: Cannot write "${out}": a part of that path is a file, not a folder. [${command}/cannot-write]`);
    expect(snapshot(dir)).toEqual(before);
  });

  it.runIf(fs.existsSync('/dev/full'))('deck map --out a full disk', async () => {
    const result = await runIn(project(), 'map', '/dev/full');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: Cannot write "/dev/full": no space left on the device. [map/cannot-write]');
  });
});
