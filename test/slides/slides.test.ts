/**
 * The seed deck's own files: the talk, its pictures, its stylesheet and its
 * script. Geometry checks derive what they expect from the deck's position
 * fields, so moving a step without redrawing or restyling fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REPO, SHARED } from '../shared.js';
import { cssRules, type CssRule } from './mini-css.js';
import { elements, parseXml, serialize, textOf, type XmlElement } from './mini-xml.js';

const SLIDES = path.join(REPO, 'slides');
const SEED = path.join(SHARED, 'seed', 'containers.rst');
const HAVE_SEED = fs.existsSync(SEED);
if (!HAVE_SEED) console.warn(`${SEED} is absent: the comparison with the shared seed deck is skipped.`);

const read = (name: string): string => fs.readFileSync(path.join(SLIDES, name), 'utf8');
const deck = read('containers.rst');

// ---- the deck's steps, as far as these tests need them --------------------

interface Chunk {
  fields: Map<string, string>;
  body: string;
}

/** Steps split at transitions (a line of 4+ "-" between blank lines; title underlines follow text). */
function chunks(source: string): Chunk[] {
  const lines = source.split('\n');
  const result: string[][] = [[]];
  lines.forEach((line, i) => {
    const transition = /^-{4,}\s*$/.test(line) && (lines[i - 1] ?? '').trim() === '' && (lines[i + 1] ?? '').trim() === '';
    if (transition) result.push([]);
    else result[result.length - 1]!.push(line);
  });
  return result.map((stepLines) => {
    const fields = new Map<string, string>();
    let i = 0;
    while (i < stepLines.length && stepLines[i]!.trim() === '') i++;
    for (let m; i < stepLines.length && (m = /^:([\w-]+):\s*(.*)$/.exec(stepLines[i]!)); i++) fields.set(m[1]!, m[2]!.trim());
    return { fields, body: stepLines.join('\n') };
  });
}

const steps = chunks(deck);

function stepIndex(test: (chunk: Chunk) => boolean): number {
  const index = steps.findIndex(test);
  if (index < 0) throw new Error('step not found in containers.rst');
  return index;
}

/** A relative position field (`r-50`) as a number; the test fails if the field is absent or absolute. */
function relative(chunk: Chunk, key: string): number {
  const value = chunk.fields.get(key);
  expect(value, `:${key}: must be relative (rN)`).toMatch(/^r-?\d+(\.\d+)?$/);
  return Number(value!.slice(1));
}

// ---- the talk ------------------------------------------------------------------

describe('slides/containers.rst', () => {
  it.skipIf(!HAVE_SEED)('differs from the shared seed only by the repaired apostrophe', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    expect(seed.split('donâ€™t').length - 1).toBe(1);
    expect(deck).toBe(seed.replace('donâ€™t', 'don\u2019t'));
  });

  it('has no mis-decoded UTF-8 left', () => {
    expect(deck).not.toMatch(/â€|Ã./);
    expect(deck).toContain('we don\u2019t claim Docker');
  });

  it('names only pictures that exist in slides/', () => {
    const images = [...deck.matchAll(/^\s*\.\. image::\s*(\S+)/gm)].map((m) => m[1]!);
    expect(images.sort()).toEqual([
      'docker_bug.png',
      'docker_cloud.svg',
      'docker_cloud_broken.svg',
      'docker_cloud_firewalled.svg',
      'perfect_docker.svg',
      'vagga.svg',
    ]);
    for (const image of images) expect(fs.existsSync(path.join(SLIDES, image)), image).toBe(true);
  });
});

// ---- the pictures ----------------------------------------------------------------

const SVGS = ['vagga.svg', 'docker_cloud.svg', 'docker_cloud_firewalled.svg', 'docker_cloud_broken.svg', 'perfect_docker.svg'];

function svg(name: string): XmlElement {
  const { root, errors } = parseXml(read(name));
  expect(errors, name).toEqual([]);
  return root!;
}

function viewBox(root: XmlElement): number[] {
  return (root.attributes.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
}

function byId(root: XmlElement, id: string): XmlElement | undefined {
  for (const el of elements(root)) if (el.attributes.get('id') === id) return el;
  return undefined;
}

describe.each(SVGS)('slides/%s', (name) => {
  it('is well-formed SVG with a viewBox', () => {
    const root = svg(name);
    expect(root.name).toBe('svg');
    expect(root.attributes.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    const box = viewBox(root);
    expect(box).toHaveLength(4);
    expect(box.every(Number.isFinite)).toBe(true);
    expect(box[2]).toBeGreaterThan(0);
    expect(box[3]).toBeGreaterThan(0);
  });

  it('says what it shows in <title> and <desc>, and labels it with text in a system font stack', () => {
    const root = svg(name);
    const child = (tag: string) => root.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === tag);
    expect(textOf(child('title')!).trim().length).toBeGreaterThan(5);
    expect(textOf(child('desc')!).trim().length).toBeGreaterThan(40);
    const labels = [...elements(root)].filter((el) => el.name === 'text' && textOf(el).trim() !== '');
    expect(labels.length).toBeGreaterThanOrEqual(5);
    expect(root.attributes.get('font-family')).toMatch(/system-ui.*sans-serif/);
  });

  it('refers only to ids it defines', () => {
    const root = svg(name);
    const refs: string[] = [];
    for (const el of elements(root)) {
      for (const [key, value] of el.attributes) {
        if ((key === 'href' || key === 'xlink:href') && value.startsWith('#')) refs.push(value.slice(1));
        for (const m of value.matchAll(/url\(#([^)]+)\)/g)) refs.push(m[1]!);
      }
    }
    for (const id of refs) expect(byId(root, id), `#${id}`).toBeDefined();
  });
});

describe('the three cluster pictures', () => {
  const cloudStep = stepIndex((s) => /image::\s*docker_cloud\.svg/.test(s.body));
  const first = steps[cloudStep]!;
  const second = steps[cloudStep + 1]!;

  it('draw the very cluster that the zoomed-in step shows, where impress.js puts it', () => {
    expect(second.body).toMatch(/image::\s*docker_cloud_firewalled\.svg/);
    const s0 = Number(first.fields.get('data-scale'));
    const s1 = Number(second.fields.get('data-scale'));
    const dx = relative(second, 'data-x');
    const dy = relative(second, 'data-y');
    const cloud = svg('docker_cloud.svg');
    const cloudUnit = 1024 / viewBox(cloud)[2]!; // step px per drawing unit; the picture fills its step
    for (const name of ['docker_cloud_firewalled.svg', 'docker_cloud_broken.svg']) {
      const root = svg(name);
      const unit = viewBox(root)[2]! / 1024;
      // The zoomed-in step, seen from the next one: its centre is (-dx, -dy) away, its size s0/s1.
      const k = s0 / s1;
      const left = (512 - dx / s1 - 512 * k) * unit;
      const top = (384 - dy / s1 - 384 * k) * unit;
      const cluster = byId(root, 'cluster')!;
      const m = /^translate\(([-\d.]+)[ ,]+([-\d.]+)\)\s*scale\(([-\d.]+)\)$/.exec(cluster.attributes.get('transform') ?? '');
      expect(m, name).not.toBeNull();
      expect(Number(m![1])).toBeCloseTo(left, 3);
      expect(Number(m![2])).toBeCloseTo(top, 3);
      expect(Number(m![3])).toBeCloseTo(cloudUnit * k * unit, 3);
      const inner = (el: XmlElement) => el.children.map((c) => (typeof c === 'string' ? c.trim() : serialize(c))).join('');
      expect(inner(cluster)).toBe(inner(byId(cloud, 'cluster')!));
      expect(serialize(byId(root, 'host')!)).toBe(serialize(byId(cloud, 'host')!));
    }
  });
});

describe('slides/docker_bug.png', () => {
  const png = fs.readFileSync(path.join(SLIDES, 'docker_bug.png'));

  function crc32(bytes: Buffer): number {
    let crc = ~0;
    for (const byte of bytes) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return ~crc >>> 0;
  }

  it('is a PNG, 800 px wide as the slide shows it, short enough to fit under the title', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(8)).toBe(13);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)));
    expect(png.readUInt32BE(16)).toBe(800);
    const height = png.readUInt32BE(20);
    expect(height).toBeGreaterThan(300);
    expect(height).toBeLessThanOrEqual(480);
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
  });

  it('stays small', () => {
    expect(png.length).toBeLessThan(200 * 1024);
  });
});

// ---- the stylesheet ------------------------------------------------------------

const rules = cssRules(read('my.css'));

function rulesMatching(pattern: RegExp): CssRule[] {
  return rules.filter((rule) => rule.selectors.some((s) => pattern.test(s)) && rule.declarations.size > 0);
}

/** px values of a part's layout rules (state rules such as .impress-on-… left out). */
function box(part: string): Record<'left' | 'top' | 'width' | 'height', number> {
  const merged = new Map<string, string>();
  for (const rule of rulesMatching(new RegExp(`\\.${part}\\b`))) {
    if (rule.selectors.some((s) => s.includes('.impress-on-'))) continue;
    for (const [key, value] of rule.declarations) merged.set(key, value);
  }
  const px = (key: string) => {
    const value = merged.get(key);
    expect(value, `${part} ${key}`).toMatch(/^\d+(\.\d+)?px$/);
    return parseFloat(value!);
  };
  return { left: px('left'), top: px('top'), width: px('width'), height: px('height') };
}

describe('slides/my.css', () => {
  it.each([/\.part1\b/, /\.part2\b/, /\.part3\b/, /\.lie\b/, /\.strikethrough\b/, /#fs_table\b/])('styles %s', (pattern) => {
    expect(rulesMatching(pattern).length).toBeGreaterThan(0);
  });

  it('hides presenter notes and dims the steps that are not current', () => {
    expect(rulesMatching(/^\.notes$/).some((r) => r.declarations.get('display') === 'none')).toBe(true);
    const dim = rulesMatching(/(^|\s)\.step$/).filter((r) => r.declarations.has('opacity'));
    expect(dim.some((r) => Number(r.declarations.get('opacity')) < 1)).toBe(true);
    expect(rulesMatching(/\.step\.active$/).some((r) => r.declarations.get('opacity') === '1')).toBe(true);
  });

  it('lays the three code parts out so each close-up step frames its own part', () => {
    const code = stepIndex((s) => /:class:\s*part1\b/.test(s.body));
    let x = 0;
    let y = 0;
    let scale = 1;
    const parts = [box('part1'), box('part2'), box('part3')];
    const centre = (p: (typeof parts)[number]) => p.top + p.height / 2;
    for (let k = 1; k <= 3; k++) {
      const close = steps[code + k]!;
      expect(close.fields.get('id')).toBe(`clone_part${k}`);
      x += relative(close, 'data-x');
      y += relative(close, 'data-y');
      scale = Number(close.fields.get('data-scale') ?? scale);
      // impress.js centres the 1024x768 box on the step, and the camera shows 1024x768 x scale of the canvas.
      const window = { left: 512 + x - 512 * scale, right: 512 + x + 512 * scale, top: 384 + y - 384 * scale, bottom: 384 + y + 384 * scale };
      const part = parts[k - 1]!;
      expect(part.left, `part${k} left`).toBeGreaterThanOrEqual(window.left);
      expect(part.left + part.width, `part${k} right`).toBeLessThanOrEqual(window.right);
      expect(part.top, `part${k} top`).toBeGreaterThanOrEqual(window.top);
      expect(part.top + part.height, `part${k} bottom`).toBeLessThanOrEqual(window.bottom);
      const mid = 384 + y;
      const nearest = parts.reduce((best, p, i) => (Math.abs(centre(p) - mid) < Math.abs(centre(parts[best]!) - mid) ? i : best), 0);
      expect(nearest, `clone_part${k} is closest to part${nearest + 1}`).toBe(k - 1);
    }
  });

  it('keeps the three parts apart', () => {
    const [a, b, c] = [box('part1'), box('part2'), box('part3')];
    expect(a.top + a.height).toBeLessThanOrEqual(b.top);
    expect(b.top + b.height).toBeLessThanOrEqual(c.top);
  });
});

// ---- the script ------------------------------------------------------------------

/** Just enough of a document for my.js: steps with data-x/y, body, events. */
function fakeDocument(stepData: { x: number; y: number; lie?: boolean }[], activeIndex?: number) {
  const listeners = new Map<string, ((event: { target: unknown }) => void)[]>();
  const ids = new Map<string, FakeElement>();
  class FakeElement {
    id = '';
    textContent = '';
    properties = new Map<string, string>();
    style = { setProperty: (key: string, value: string) => this.properties.set(key, value) };
    setAttribute() {}
  }
  class FakeStep extends FakeElement {
    dataset: Record<string, string>;
    previousElementSibling: FakeStep | null = null;
    classList = { contains: (name: string) => name === 'step' };
    constructor(readonly data: { x: number; y: number; lie?: boolean }) {
      super();
      this.dataset = { x: String(data.x), y: String(data.y) };
    }
    querySelector(selector: string) {
      return selector === '.lie' && this.data.lie ? new FakeElement() : null;
    }
  }
  const stepList = stepData.map((d) => new FakeStep(d));
  stepList.forEach((step, i) => (step.previousElementSibling = stepList[i - 1] ?? null));
  const document = {
    readyState: 'complete',
    body: { appendChild: (el: FakeElement) => ids.set(el.id, el) },
    addEventListener: (type: string, fn: (event: { target: unknown }) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    querySelectorAll: (selector: string) => (/\.step$/.test(selector) ? stepList : []),
    querySelector: (selector: string) => (/\.step\.active$/.test(selector) && activeIndex !== undefined ? stepList[activeIndex] : null),
    getElementById: (id: string) => ids.get(id) ?? null,
    createElement: () => new FakeElement(),
  };
  const fire = (type: string, target: unknown) => (listeners.get(type) ?? []).forEach((fn) => fn({ target }));
  return { document, steps: stepList, ids, fire };
}

describe('slides/my.js', () => {
  const script = new vm.Script(read('my.js'), { filename: 'my.js' });

  it('shows "n / total" when impress.js enters a step', () => {
    const dom = fakeDocument([{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 2000, y: 0 }]);
    script.runInNewContext({ document: dom.document });
    dom.fire('impress:stepenter', dom.steps[1]);
    const counter = [...dom.ids.values()][0]!;
    expect(counter.textContent).toBe('2 / 3');
    expect(Number(counter.properties.get('--progress'))).toBeCloseTo(2 / 3);
    dom.fire('impress:stepenter', dom.steps[2]);
    expect(counter.textContent).toBe('3 / 3');
  });

  it('shows the current step at once when loaded after impress().init()', () => {
    const dom = fakeDocument([{ x: 0, y: 0 }, { x: 1000, y: 0 }], 1);
    script.runInNewContext({ document: dom.document });
    expect([...dom.ids.values()][0]!.textContent).toBe('2 / 2');
  });

  it('gives the step before a Lie stamp the offset that puts it under the stamp', () => {
    const dom = fakeDocument([{ x: 3000, y: 1500 }, { x: 5000, y: 2500 }, { x: 5000, y: 3500, lie: true }, { x: 7000, y: 4500 }]);
    script.runInNewContext({ document: dom.document });
    expect(dom.steps[1]!.properties.get('--under-x')).toBe('0px');
    expect(dom.steps[1]!.properties.get('--under-y')).toBe('1000px');
    expect(dom.steps[0]!.properties.size).toBe(0);
    expect(dom.steps[2]!.properties.size).toBe(0);
  });
});
