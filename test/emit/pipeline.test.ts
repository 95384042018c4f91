/**
 * emit on trees from the real parser and split: small snippets, and the
 * seed deck end to end.
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { COORDINATE_KEYS } from '../../src/deck/types.js';
import { split } from '../../src/deck/split.js';
import { emit } from '../../src/emit/index.js';
import { layout } from '../../src/layout/layout.js';
import { parse } from '../../src/rst/parse.js';
import { defaultTemplate } from './helpers.js';

function build(source: string, sourceName = 'talk.rst') {
  const parsed = parse(source, { sourceName, mode: 'publish', hovercraft: true });
  const { deck } = split(parsed.document, { sourceName });
  const { positions } = layout(deck, { sourceName });
  return emit(deck, positions, { template: defaultTemplate(), sourceName });
}

function stepDivs(page: string): string[] {
  return page.match(/<div class="step[^>]*>/g) ?? [];
}

describe('snippets through parse and split', () => {
  test('code-block with :class: is highlighted with its classes', () => {
    const page = build('----\n\n.. code-block:: python\n    :class: part1\n\n    import os\n').html;
    expect(page).toContain('<pre class="highlight code python part1"><code class="hljs language-python"><span class="hljs-keyword">import</span> os</code></pre>');
  });

  test(':id: fields, titles and untitled steps give the step ids', () => {
    const page = build('----\n\n:id: intro\n\nHello\n\n----\n\nProcess Management\n==================\n\n----\n\nplain\n').html;
    expect(stepDivs(page).map((div) => /id="([^"]*)"/.exec(div)![1])).toEqual(['intro', 'process-management', 'step-3']);
  });

  test('text from the source is escaped', () => {
    const page = build('----\n\nA <script>alert(1)</script> slide\n').html;
    expect(page).toContain('<p>A &lt;script&gt;alert(1)&lt;/script&gt; slide</p>');
  });

  test('raw html passes through', () => {
    const page = build('----\n\n.. raw:: html\n\n    <iframe src="demo.html"></iframe>\n').html;
    expect(page).toContain('<iframe src="demo.html"></iframe>');
  });

  test('a presenter note is hidden in the step, or dropped with skipNotes', () => {
    const source = '----\n\nVisible\n\n.. note::\n\n    Say it slowly.\n';
    expect(build(source).html).toContain('<div class="notes">\n<p>Say it slowly.</p>\n</div>');
    const parsed = parse(source, { sourceName: 't.rst', mode: 'publish', hovercraft: true });
    const { deck } = split(parsed.document, { sourceName: 't.rst' });
    const skipped = emit(deck, layout(deck, { sourceName: 't.rst' }).positions, { template: defaultTemplate(), sourceName: 't.rst', skipNotes: true });
    expect(skipped.html).not.toContain('Say it slowly');
  });
});

const SEED = '/work/shared/seed/containers.rst';

const seedTitle = existsSync(SEED) ? 'the seed deck' : `the seed deck (skipped: ${SEED} is missing)`;

describe.runIf(existsSync(SEED))(seedTitle, () => {
  const result = existsSync(SEED) ? build(readFileSync(SEED, 'utf8'), 'containers.rst') : undefined;
  const page = result?.html ?? '';

  test('83 steps, each with a unique id and all seven coordinates', () => {
    const divs = stepDivs(page);
    expect(divs).toHaveLength(83);
    const ids = divs.map((div) => /id="([^"]*)"/.exec(div)![1]);
    expect(new Set(ids).size).toBe(83);
    for (const div of divs) for (const key of COORDINATE_KEYS) expect(div).toMatch(new RegExp(` ${key}="-?[0-9.e-]+"`));
    expect(ids).toContain('fs_table');
    expect(ids).toContain('clone_part3');
  });

  test('the three code parts keep their classes', () => {
    for (const part of ['part1', 'part2', 'part3']) expect(page).toContain(`<pre class="highlight code python ${part}">`);
  });

  test('the deck CSS and JS are linked and listed, and the pictures listed with lines', () => {
    expect(page).toContain('<link rel="stylesheet" href="my.css">');
    expect(page.indexOf('<script src="my.js"></script>')).toBeGreaterThan(page.indexOf('<script src="js/impress.js"></script>'));
    const files = result!.files;
    expect(files.slice(0, 2)).toEqual([
      { url: 'my.css', kind: 'css', source: 'containers.rst', line: 1 },
      { url: 'my.js', kind: 'js', source: 'containers.rst', line: 2 },
    ]);
    const images = files.filter((file) => file.kind === 'image');
    expect(images.map((file) => file.url)).toEqual(['docker_bug.png', 'vagga.svg', 'docker_cloud.svg', 'docker_cloud_firewalled.svg', 'docker_cloud_broken.svg', 'perfect_docker.svg']);
    for (const image of images) expect(image.line).toBeGreaterThan(0);
  });

  test('the image has its width and the quote its attribution', () => {
    expect(page).toContain('<img src="docker_bug.png" alt="docker_bug.png" width="800">');
    expect(page).toContain('<footer class="attribution"><span class="attribution-label">Source: </span><cite>Solomon Hykes</cite></footer>');
  });
});
