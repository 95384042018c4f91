/**
 * `deck check` end to end on a broken copy of the seed deck: one of each
 * mistake a speaker would only notice on stage, each reported at its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const SLIDES = path.join(REPO, 'slides');
const SEED = fs.readFileSync(path.join(SLIDES, 'containers.rst'), 'utf8');

interface Mistake {
  what: string;
  /** Text of the seed deck to replace (unique), and its replacement. */
  find: string;
  replace: string;
  /** The line of this text, inside the replacement, is where the diagnostic must point. */
  at: string;
  code: string;
}

const MISTAKES: Mistake[] = [
  { what: 'a misspelt field', find: ':data-scale: 0.5\n', replace: ':data-sclae: 0.5\n', at: ':data-sclae:', code: 'check/unknown-step-field' },
  { what: 'a duplicate id', find: ':id: docker_root_lie\n', replace: ':id: internals\n', at: ':id: internals', code: 'emit/duplicate-step-id' },
  { what: 'an id+N to no step', find: ':id: security\n:data-scale: 1\n:data-x: 1000\n', replace: ':id: security\n:data-scale: 1\n:data-x: nowhere+1000\n', at: ':data-x: nowhere', code: 'layout/missing-anchor' },
  { what: 'an id+N to a later step', find: ':data-x: r0\n:data-y: r-50\n', replace: ':data-x: perfect+0\n:data-y: r-50\n', at: ':data-x: perfect', code: 'layout/forward-anchor' },
  { what: 'a step on top of another', find: '-----\n\nCLONE_NEWUSER\n', replace: '-----\n\n:data-x: r0\n:data-y: r0\n\nCLONE_NEWUSER\n', at: ':data-x: r0', code: 'check/overlapping-steps' },
  { what: 'a step far from all others', find: '----\n\ncoreutils\n', replace: '----\n\n:data-x: 390000\n\ncoreutils\n', at: ':data-x: 390000', code: 'check/distant-step' },
  { what: 'an image without alt text', find: '.. image:: docker_bug.png\n', replace: '.. image:: docker_bug.png\n', at: '.. image::', code: 'emit/missing-alt' },
  { what: 'an image from the network', find: '.. image:: vagga.svg\n', replace: '.. image:: https://example.com/vagga.svg\n', at: '.. image::', code: 'check/external-resource' },
  { what: 'r+N', find: ':id: clone_part2\n:data-x: r0\n', replace: ':id: clone_part2\n:data-x: r0\n:data-z: r+100\n', at: ':data-z: r+100', code: 'layout/r-plus-is-anchor' },
];

/** The seed with every mistake in it, and the line each must be reported at. */
function brokenSeed(): { text: string; expected: { what: string; code: string; line: number }[] } {
  let text = SEED;
  const placed: { mistake: Mistake; offset: number }[] = [];
  for (const mistake of MISTAKES) {
    const offset = text.indexOf(mistake.find);
    expect(offset, `seed deck has "${mistake.find}"`).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(mistake.find, offset + 1), `"${mistake.find}" is unique`).toBe(-1);
    text = text.slice(0, offset) + mistake.replace + text.slice(offset + mistake.find.length);
    const delta = mistake.replace.length - mistake.find.length;
    for (const other of placed) if (other.offset > offset) other.offset += delta;
    placed.push({ mistake, offset: offset + mistake.replace.indexOf(mistake.at) });
  }
  const expected = placed.map(({ mistake, offset }) => ({ what: mistake.what, code: mistake.code, line: text.slice(0, offset).split('\n').length }));
  return { text, expected };
}

/** A copy of the seed's folder (its stylesheet, script, pictures) with the broken deck in it. */
function brokenFolder(): { file: string; expected: ReturnType<typeof brokenSeed>['expected'] } {
  const dir = tempDir('deck-check-');
  fs.cpSync(SLIDES, dir, { recursive: true });
  const { text, expected } = brokenSeed();
  const file = path.join(dir, 'containers.rst');
  fs.writeFileSync(file, text);
  return { file, expected };
}

describe('deck check on a broken copy of the seed deck', () => {
  it('reports each mistake at its line and exits 1, writing nothing', async () => {
    const { file, expected } = brokenFolder();
    const before = fs.readdirSync(path.dirname(file)).sort();
    const io = capture();
    expect(await main(['check', file], io)).toBe(1);
    for (const { what, code, line } of expected) {
      const header = `${file}:${line}:1: `;
      const reported = io.stdout.split('\n').filter((l) => l.startsWith(header) && l.endsWith(`[${code}]`));
      expect(reported, `${what}: ${code} at line ${line}\n${io.stdout}`).toHaveLength(1);
    }
    expect(io.stderr).toMatch(/1 deck checked: \d+ error\(s\), \d+ warning\(s\)/);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(before);
  });

  it('prints the same findings as JSON for tools', async () => {
    const { file, expected } = brokenFolder();
    const io = capture();
    expect(await main(['check', '--format', 'json', file], io)).toBe(1);
    const diagnostics = JSON.parse(io.stdout) as Record<string, unknown>[];
    expect(Array.isArray(diagnostics)).toBe(true);
    for (const d of diagnostics) {
      expect(Object.keys(d).sort()).toEqual(['code', 'column', 'file', 'hint', 'line', 'message', 'severity']);
      expect(['warning', 'error', 'severe']).toContain(d['severity']);
    }
    for (const { what, code, line } of expected) {
      expect(diagnostics.filter((d) => d['code'] === code && d['line'] === line && d['file'] === file), what).toHaveLength(1);
    }
    expect(diagnostics.find((d) => d['code'] === 'check/unknown-step-field')?.['hint']).toBe('Did you mean ":data-scale:"?');
    expect(io.stderr).toBe('');
  });

  it('makes loading from the network an error with --offline', async () => {
    const { file } = brokenFolder();
    const io = capture();
    await main(['check', '--format', 'json', '--offline', file], io);
    const diagnostics = JSON.parse(io.stdout) as { code: string; severity: string }[];
    expect(diagnostics.filter((d) => d.code === 'check/external-resource').map((d) => d.severity)).toEqual(['error']);
    expect(diagnostics.filter((d) => d.code === 'check/external-link').length).toBeGreaterThan(0);
  });
});

describe('deck check on the seed deck', () => {
  it('passes: warnings only, none of them from the checks', async () => {
    const io = capture();
    expect(await main(['check', '--format', 'json', path.join(SLIDES, 'containers.rst')], io)).toBe(0);
    const diagnostics = JSON.parse(io.stdout) as { code: string; severity: string }[];
    expect(diagnostics.filter((d) => d.severity !== 'warning')).toEqual([]);
    expect(diagnostics.filter((d) => d.code.startsWith('check/'))).toEqual([]);
  });

  it('fails on warnings with --strict', async () => {
    const io = capture();
    expect(await main(['check', '--strict', path.join(SLIDES, 'containers.rst')], io)).toBe(1);
  });

  it('exits 0 and says so for a clean deck', async () => {
    const dir = tempDir('deck-check-');
    fs.writeFileSync(path.join(dir, 'talk.rst'), '----\n\nHello\n\n----\n\nBye\n');
    const io = capture();
    expect(await main(['check', '--strict', path.join(dir, 'talk.rst')], io)).toBe(0);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe('1 deck checked: no problems\n');
  });

  it('names an included file as the build does, a path one can open from where deck runs, with its own code frame', async () => {
    const dir = tempDir('deck-check-');
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'talk.rst'), '----\n\nHello\n=====\n\n.. include:: sub/part.rst\n');
    fs.writeFileSync(path.join(dir, 'sub', 'part.rst'), 'Text.\n\n* item\nunindented\n\n----\n\n:tilt: 3\n\nMore\n');
    const io = capture();
    await main(['check', path.join(dir, 'talk.rst')], io);
    const part = path.join(dir, 'sub', 'part.rst');
    expect(io.stdout).toContain(`${part}:4:1: warning: Bullet list ends without a blank line`);
    expect(io.stdout).toContain(`${part}:8:1: warning: Unknown field ":tilt:"`);
    expect(io.stdout).toContain('  8 | :tilt: 3');
  });

  it('reports a missing deck with exit 1, and a bad --format with exit 2', async () => {
    const io = capture();
    expect(await main(['check', '/nonexistent/talk.rst'], io)).toBe(1);
    expect(io.stdout).toMatch(/^\/nonexistent\/talk\.rst:1:1: error: No such file/m);
    expect(await main(['check', '--format', 'xml', path.join(SLIDES, 'containers.rst')], capture())).toBe(2);
  });
});
