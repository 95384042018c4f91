/**
 * `deck pdf` end to end: the seed deck and the presenter fixture printed by
 * Debian's Chromium, then read back with pdfjs — page count, page size and
 * which text is on which page (never the bytes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { progressBar } from '../../src/export/progress.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';
import { CHROMIUM, HAVE_CHROMIUM } from '../browser/chromium.js';
import { FIXTURE_DECK, FIXTURE_FILES } from '../browser/fixture.js';
import { readPdf, type PdfPage } from './pdf-text.js';

async function pdf(file: string, flags: string[] = []): Promise<{ code: number; out: string; messages: string }> {
  const out = path.join(tempDir('deck-pdf-test-'), 'talk.pdf');
  let messages = '';
  const code = await main(['pdf', file, '--out', out, '--browser', CHROMIUM, ...flags], { out: () => {}, err: (t) => (messages += t) });
  return { code, out, messages };
}

function fixtureDeck(): string {
  const dir = tempDir('deck-pdf-fixture-');
  fs.writeFileSync(path.join(dir, 'talk.rst'), FIXTURE_DECK);
  for (const [name, content] of Object.entries(FIXTURE_FILES)) fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, 'talk.rst');
}

describe('progress bar', () => {
  it('fills in proportion to the pages done', () => {
    expect(progressBar(0, 10, 10)).toBe('[----------]  0/10 pages');
    expect(progressBar(5, 10, 10)).toBe('[#####-----]  5/10 pages');
    expect(progressBar(10, 10, 10)).toBe('[##########] 10/10 pages');
  });
});

describe('deck pdf without a browser', () => {
  it('says how to install Chromium and exits 4', async () => {
    const result = await pdf(path.join(REPO, 'slides', 'containers.rst'), ['--browser', '/nonexistent/chromium']);
    expect(result.code).toBe(4);
    expect(result.messages).toMatch(/apt-get install -y chromium/);
    expect(fs.existsSync(result.out)).toBe(false);
  });

  it('refuses a size that is not WIDTHxHEIGHT', async () => {
    const result = await pdf(path.join(REPO, 'slides', 'containers.rst'), ['--size', 'big']);
    expect(result.code).toBe(2);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('deck pdf of the seed deck', () => {
  let pages: PdfPage[];
  let result: Awaited<ReturnType<typeof pdf>>;

  beforeAll(async () => {
    result = await pdf(path.join(REPO, 'slides', 'containers.rst'));
    pages = await readPdf(result.out);
  }, 180000);

  it('writes one 16:9 page per step, under 5 MB, with a progress bar', () => {
    expect(result.code, result.messages).toBe(0);
    expect(pages).toHaveLength(83);
    // 1920x1080 CSS pixels are 1440x810 points.
    for (const page of pages) {
      expect(page.width).toBeCloseTo(1440, 0);
      expect(page.height).toBeCloseTo(810, 0);
    }
    expect(fs.statSync(result.out).size).toBeLessThan(5 * 1024 * 1024);
    expect(result.messages).toContain('[##############################] 83/83 pages');
  });

  it('keeps the text of each step as text on its own page', () => {
    expect(pages[0]!.text).toContain('Linux Containers Ecosystem');
    expect(pages[2]!.text).toContain('Internals');
    expect(pages[4]!.text).toContain('The most obvious way:');
    expect(pages[4]!.text).toContain('subprocess.Popen');
    expect(pages[5]!.text).toContain('Low level API:');
    expect(pages[4]!.text).not.toContain('Low level API:');
    expect(pages[80]!.text).toContain('Images');
    expect(pages[80]!.text).toContain('Incremental Download');
  });
});

describe.skipIf(!HAVE_CHROMIUM)('deck pdf options', () => {
  it('--size sets the paper, --substeps adds a page per substep state, --notes a handout page after steps with notes', async () => {
    const deck = fixtureDeck();
    const plain = await pdf(deck, ['--size', '1024x768']);
    expect(plain.code, plain.messages).toBe(0);
    const steps = await readPdf(plain.out);
    expect(steps).toHaveLength(4);
    expect(steps[0]!.width).toBeCloseTo(768, 0);
    expect(steps[0]!.height).toBeCloseTo(576, 0);
    // One page per step shows every substep revealed.
    expect(steps[1]!.text).toMatch(/alpha.*beta.*gamma/);
    expect(steps.map((p) => p.text).join(' ')).not.toContain('Greet the room');

    const detailed = await pdf(deck, ['--substeps', '--notes']);
    expect(detailed.code, detailed.messages).toBe(0);
    const pages = await readPdf(detailed.out);
    // Opening: 0, 1, 2 substeps + notes; Lists: 0..3 + notes; Turned; The end.
    expect(pages).toHaveLength(3 + 1 + 4 + 1 + 1 + 1);
    expect(pages[3]!.text).toContain('Greet the room.');
    // Lists before any substep is revealed, then with all three.
    expect(pages[4]!.text).toContain('Lists');
    expect(pages[4]!.text).not.toContain('alpha');
    expect(pages[7]!.text).toMatch(/alpha.*beta.*gamma/);
    expect(pages[8]!.text).toContain('Say alpha, beta and gamma.');
    expect(pages[9]!.text).toContain('Turned');
    expect(pages[10]!.text).toContain('The end');
  }, 120000);
});
