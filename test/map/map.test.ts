/**
 * `deck map`: the seed deck's canvas as a well-formed SVG with every step
 * drawn and numbered, and a picture of it rendered in Chromium (saved under
 * test-artifacts/ for a person to look at).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { main, type Io } from '../../src/cli/main.js';
import { drawMap } from '../../src/map/index.js';
import { stepCorners } from '../../src/map/geometry.js';
import { stepSize } from '../../src/cli/map.js';
import { elements, parseXml, textOf, type XmlElement } from '../slides/mini-xml.js';
import { REPO } from '../shared.js';
import { tempDir } from '../cleanup.js';
import { HAVE_CHROMIUM, launch } from '../browser/chromium.js';
import { ARTIFACTS, distinctColours } from '../browser/harness.js';
import { laidOut } from '../check/helpers.js';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const SEED = path.join(REPO, 'slides', 'containers.rst');

function parseSvg(text: string): XmlElement {
  const { root, errors } = parseXml(text);
  expect(errors).toEqual([]);
  expect(root?.name).toBe('svg');
  return root!;
}

/** The step numbers the labels show ("2 · 27 · 48" is three steps at one place). */
function labelledSteps(svg: XmlElement): number[] {
  return [...elements(svg)]
    .filter((e) => e.attributes.get('class') === 'step-label')
    .flatMap((e) => e.attributes.get('data-steps')!.split(' ').map(Number));
}

describe('deck map of the seed deck', () => {
  let svgText: string;
  let svg: XmlElement;
  beforeAll(async () => {
    const out = path.join(tempDir('deck-map-'), 'map.svg');
    const io = capture();
    expect(await main(['map', SEED, '--out', out], io)).toBe(0);
    expect(io.stderr).toBe(`wrote ${out} (83 steps)\n`);
    svgText = fs.readFileSync(out, 'utf8');
    svg = parseSvg(svgText);
  });

  it('draws and numbers all 83 steps, each number once', () => {
    expect([...elements(svg)].filter((e) => e.name === 'polygon' && e.attributes.has('data-step'))).toHaveLength(83);
    const numbers = labelledSteps(svg).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 83 }, (_, i) => i + 1));
  });

  it('shows the steps returning to the overview as one place', () => {
    const overview = [...elements(svg)].find((e) => e.attributes.get('data-steps') === '2 27 48 83');
    expect(overview && textOf(overview)).toContain('2 · 27 · 48 · 83');
  });

  it('captions steps with their titles and draws the camera path between them', () => {
    const texts = [...elements(svg)].filter((e) => e.name === 'text').map(textOf);
    for (const title of ['Linux Containers Ecosystem', 'Internals', 'Process Management', 'Security']) expect(texts).toContain(title);
    const path = [...elements(svg)].find((e) => e.attributes.get('class') === 'path')!;
    // One segment per move, except where the camera only zooms (same centre) or barely moves.
    const segments = path.children.filter((c) => typeof c !== 'string');
    expect(segments.length).toBeGreaterThan(70);
    expect(segments.length).toBeLessThan(83);
  });

  it('highlights no overlaps in the seed, which has none', () => {
    expect(svgText).not.toContain('fill="#fde3e1"');
  });

  it.skipIf(!HAVE_CHROMIUM)('renders in Chromium as a picture with something on it', async () => {
    const browser: Browser = await launch();
    try {
      const width = Number(svg.attributes.get('width'));
      const height = Number(svg.attributes.get('height'));
      // The whole canvas at most 3000 px wide, in its own proportions.
      const shown = Math.min(width, 3000);
      const page = await browser.newPage({ viewport: { width: shown, height: Math.round((shown * height) / width) } });
      await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
      await page.evaluate(() => {
        const node = document.querySelector('svg')!;
        // Whole canvas in the viewport, whatever its natural size.
        node.setAttribute('width', String(window.innerWidth));
        node.setAttribute('height', String(window.innerHeight));
      });
      const labels = await page.evaluate(() => document.querySelectorAll('.step-label').length);
      expect(labels).toBeGreaterThan(50);
      const png = await page.screenshot();
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'map-seed.png'), png);
      expect(await distinctColours(page, png)).toBeGreaterThan(8);
      // A closer look at the start of the talk, at the map's natural size.
      await page.setViewportSize({ width: 1600, height: 1000 });
      await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
      fs.writeFileSync(path.join(ARTIFACTS, 'map-seed-detail.png'), await page.screenshot());
    } finally {
      await browser.close();
    }
  }, 60000);
});

describe('drawMap', () => {
  it('highlights steps placed exactly on one another in red', () => {
    const { deck, positions } = laidOut('----\n\n:data-x: 0\n\nOne\n\n----\n\nTwo\n\n----\n\n:data-x: 2000\n\nThree\n');
    const svg = parseSvg(drawMap({ deck, positions }));
    const red = [...elements(svg)].filter((e) => e.name === 'polygon' && e.attributes.get('stroke') === '#d0312d');
    expect(red.map((e) => e.attributes.get('data-step')).sort()).toEqual(['1', '2']);
    expect(labelledSteps(svg)).toEqual([1, 2, 3]);
  });

  it('marks a step far from all others in orange', () => {
    const text = Array.from({ length: 6 }, (_, i) => `----\n\n:data-x: ${i === 4 ? 90000 : i * 1600}\n\nStep ${i + 1}\n`).join('\n');
    const { deck, positions } = laidOut(text);
    const svg = parseSvg(drawMap({ deck, positions }));
    const orange = [...elements(svg)].filter((e) => e.name === 'polygon' && e.attributes.get('stroke') === '#e08a00');
    expect(orange.map((e) => e.attributes.get('data-step'))).toEqual(['5']);
  });

  it('turns a step about z and foreshortens one tilted about y', () => {
    const size = { width: 1000, height: 500 };
    const base = { index: 0, x: 0, y: 0, z: 0, rotateX: 0, rotateY: 0, rotateZ: 0, scale: 1 };
    const turned = stepCorners({ ...base, rotateZ: 90 }, size);
    expect(turned[0]!.x).toBeCloseTo(250);
    expect(turned[0]!.y).toBeCloseTo(-500);
    const tilted = stepCorners({ ...base, rotateY: 60, scale: 2 }, size);
    expect(tilted[1]!.x - tilted[0]!.x).toBeCloseTo(1000);
    expect(tilted[3]!.y - tilted[0]!.y).toBeCloseTo(1000);
  });

  it('escapes titles and says so when no step is positioned', () => {
    const { deck, positions } = laidOut('----\n\nFish & <chips>\n==============\n\n----\n\nMore\n');
    expect(textOf(parseSvg(drawMap({ deck, positions })))).toContain('Fish & <chips>');
    expect(textOf(parseSvg(drawMap({ deck, positions: positions.map(() => null) })))).toContain('no positioned steps');
  });

  it('reads the step size from the deck\'s stylesheet', () => {
    expect(stepSize(['.step { width: 900px; height: 700px }'])).toEqual({ width: 900, height: 700 });
    expect(stepSize(['.step .notes { width: 10px }', '/* .step { width: 1px } */'])).toBeUndefined();
    expect(stepSize([fs.readFileSync(path.join(REPO, 'slides', 'my.css'), 'utf8')])).toEqual({ width: 1024, height: 768 });
  });
});
