/**
 * `deck build` and `deck doctree` end to end, in-process through `main`:
 * exit codes, diagnostics users see, the written folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function tmp(): string {
  return tempDir('deck-test-');
}

const SEED = path.join(REPO, 'slides', 'containers.rst');

describe('deck build on the seed deck', () => {
  let out: string;
  let html: string;
  beforeAll(async () => {
    out = path.join(tmp(), 'dist');
    const io = capture();
    const code = await main(['build', SEED, '--out', out], io);
    expect(io.stderr).not.toMatch(/error:/);
    expect(code).toBe(0);
    html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  });

  it('writes 83 steps, each with all seven coordinates', () => {
    const steps = html.match(/<div [^>]*class="step[ "][^>]*>/g) ?? [];
    expect(steps).toHaveLength(83);
    for (const step of steps) {
      for (const key of ['data-x', 'data-y', 'data-z', 'data-rotate-x', 'data-rotate-y', 'data-rotate-z', 'data-scale']) {
        expect(step).toContain(`${key}="`);
      }
      expect(step).toMatch(/ id="[^"]+"/);
    }
  });

  it('bundles impress.js, the stylesheets, the script and every picture', () => {
    for (const file of ['js/impress.js', 'my.css', 'my.js', 'docker_bug.png', 'vagga.svg', 'docker_cloud.svg', 'perfect_docker.svg']) {
      expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    }
    // Scripts, stylesheets and pictures are local; only hyperlinks in the text point outside.
    expect(html).not.toMatch(/src="(https?:)?\/\//);
    expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
  });

  it('is byte-identical when built twice', async () => {
    const again = path.join(tmp(), 'dist');
    expect(await main(['build', SEED, '--out', again], capture())).toBe(0);
    expect(fs.readFileSync(path.join(again, 'index.html'), 'utf8')).toBe(html);
  });
});

describe('bad input', () => {
  async function buildText(text: string, files: Record<string, string> = {}) {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'talk.rst'), text);
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
    const io = capture();
    const code = await main(['build', path.join(dir, 'talk.rst'), '--out', path.join(dir, 'out')], io);
    return { code, io, dir };
  }

  it('reports a nonexistent file with a position and exit code 1', async () => {
    const io = capture();
    expect(await main(['build', '/nonexistent/talk.rst'], io)).toBe(1);
    expect(io.stderr).toMatch(/^\/nonexistent\/talk\.rst:1:1: error: /m);
  });

  it('exits 2 on a usage error', async () => {
    const io = capture();
    expect(await main(['build', '--no-such-option', 'x.rst'], io)).toBe(2);
    expect(await main(['frobnicate'], capture())).toBe(2);
  });

  it('reports an unknown directive at its line and still writes the deck', async () => {
    const { code, io, dir } = await buildText('----\n\nHello\n\n.. frobnicate:: x\n');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/talk\.rst:5:1: error: Unknown directive type "frobnicate"\./);
    expect(fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8')).toContain('Hello');
  });

  it('reports a broken table', async () => {
    const { code, io } = await buildText('----\n\n+-----+-----+\n| a   | b   |\n+-----+\n');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/talk\.rst:3:1: error: Malformed table\./);
  });

  it('reports an inconsistent title level', async () => {
    const { code, io } = await buildText('Title\n=====\n\nSub\n---\n\nSubsub\n~~~~~~\n\nBack\n~~~~\n\nAgain\n-----\n\nBad\n```\n');
    expect(io.stderr).toMatch(/talk\.rst:\d+:1: error: Title level inconsistent/);
    expect(code).toBe(1);
  });

  it('reports a missing image at the line that names it', async () => {
    const { code, io } = await buildText('----\n\nText\n\n.. image:: nothere.png\n');
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/talk\.rst:5:1: error: File not found: "nothere\.png"/);
  });

  it('leaves an existing output folder untouched when the build cannot finish', async () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), 'previous');
    const io = capture();
    expect(await main(['build', path.join(dir, 'missing.rst'), '--out', out], io)).toBe(1);
    expect(fs.readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });
});

describe('includes and dates', () => {
  it('resolves a nested include against the including file and dates from SOURCE_DATE_EPOCH', async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'talk.rst'), '----\n\n.. include:: sub/a.rst\n\n.. |y| date:: %Y\n\nYear |y|.\n');
    fs.writeFileSync(path.join(dir, 'sub', 'a.rst'), 'From a.\n\n.. include:: b.rst\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.rst'), 'From b, next to a.\n');
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const io = capture();
      expect(await main(['build', path.join(dir, 'talk.rst'), '--out', path.join(dir, 'out')], io)).toBe(0);
      const html = fs.readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
      expect(html).toContain('From b, next to a.');
      expect(html).toContain('Year 2023.');
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  /** Builds talk.rst, which includes sub/a.rst; the build's output, and the path deck names sub/a.rst by. */
  async function buildWithInclude(talk: string, included: string): Promise<{ io: ReturnType<typeof capture>; code: number; inA: string }> {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'talk.rst'), talk);
    fs.writeFileSync(path.join(dir, 'sub', 'a.rst'), included);
    const io = capture();
    const code = await main(['build', path.join(dir, 'talk.rst'), '--out', path.join(dir, 'out')], io);
    return { io, code, inA: path.join(dir, 'sub', 'a.rst') };
  }

  it('names the included file, as a path from where deck runs, in problems found inside it, with its own code frame', async () => {
    const { io, code, inA } = await buildWithInclude('----\n\nIntro.\n\n.. include:: sub/a.rst\n\nAfter.\n', 'From a.\n\n.. nosuch::\n');
    expect(code).toBe(1);
    expect(io.stderr).toContain(`${inA}:3:1: error: Unknown directive type "nosuch".`);
    expect(io.stderr).toContain('  3 | .. nosuch::');
    expect(io.stderr).not.toContain('talk.rst:3:1');
  });

  it('names the included file in what later stages find there: a misplaced field, a missing image', async () => {
    const { io, code, inA } = await buildWithInclude(
      '----\n\nIntro\n=====\n\n.. include:: sub/a.rst\n',
      'From a.\n\n:data-x: 100\n\n.. image:: gone.png\n   :alt: gone\n',
    );
    expect(code).toBe(1);
    expect(io.stderr).toContain(`${inA}:3:1: warning: Field ":data-x:" is inside a section`);
    expect(io.stderr).toMatch(new RegExp(`${inA.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:[5-7]:1: error: File not found: "gone.png"`));
    expect(io.stderr).toContain('  3 | :data-x: 100');
  });
});

describe('deck doctree', () => {
  it('prints docutils pseudo-XML', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.rst'), 'Title\n=====\n\nSome *text*.\n');
    const io = capture();
    expect(await main(['doctree', path.join(dir, 'a.rst')], io)).toBe(0);
    expect(io.stdout).toBe(
      '<document source="a.rst">\n    <section ids="title" names="title">\n        <title>\n            Title\n' +
        '        <paragraph>\n            Some \n            <emphasis>\n                text\n            .\n',
    );
  });
});

describe('files outside the deck', () => {
  it('refuses a picture that is a symbolic link out of the deck folder', async () => {
    const dir = tmp();
    const secret = path.join(tmp(), 'secret.png');
    fs.writeFileSync(secret, 'not for the audience');
    fs.symlinkSync(secret, path.join(dir, 'pic.png'));
    fs.writeFileSync(path.join(dir, 'talk.rst'), '----\n\nText\n\n.. image:: pic.png\n   :alt: a picture\n');
    const io = capture();
    expect(await main(['build', path.join(dir, 'talk.rst'), '--out', path.join(dir, 'out')], io)).toBe(1);
    expect(io.stderr).toMatch(/talk\.rst:5:1: error: "pic\.png" links to a file outside the deck's folder/);
    expect(fs.existsSync(path.join(dir, 'out', 'pic.png'))).toBe(false);
  });
});
