import { describe, expect, test } from 'vitest';
import { COORDINATE_KEYS } from '../../src/deck/types.js';
import { emit } from '../../src/emit/index.js';
import { BARE_TEMPLATE, coordinates, deckOf, el, p } from './helpers.js';

const titled = (title: string) => [el('section', { ids: [title.toLowerCase()] }, el('title', {}, title), p('x'))];

function stepDivs(page: string): string[] {
  return page.match(/<div class="step[^>]*>/g) ?? [];
}

function idsOf(page: string): string[] {
  return stepDivs(page).map((div) => /id="([^"]*)"/.exec(div)![1]!);
}

describe('step ids', () => {
  test(':id: wins, then the title slug, then step-N', () => {
    const deck = deckOf([
      { attributes: { id: 'fs_table' }, children: titled('Ignored Title') },
      { children: titled('Process Management') },
      { children: [p('no title')] },
    ]);
    const result = emit(deck, [null, null, null], { template: BARE_TEMPLATE, sourceName: 'talk.rst' });
    expect(idsOf(result.html)).toEqual(['fs_table', 'process-management', 'step-3']);
  });

  test('repeated titles get unique ids, and never take an explicit id of a later step', () => {
    const deck = deckOf([
      { children: titled('LXC') },
      { children: titled('LXC') },
      { children: titled('Docker') },
      { attributes: { id: 'docker' }, children: [p('x')] },
    ]);
    const result = emit(deck, [null, null, null, null], { template: BARE_TEMPLATE, sourceName: 'talk.rst' });
    expect(idsOf(result.html)).toEqual(['lxc', 'lxc-2', 'docker-2', 'docker']);
  });

  test('a title without letters falls back to step-N', () => {
    const deck = deckOf([{ children: titled('2015') }]);
    expect(idsOf(emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html)).toEqual(['step-1']);
  });

  test('a duplicate :id: is renamed and reported', () => {
    const deck = deckOf([{ attributes: { id: 'intro' } }, { attributes: { id: 'intro' } }]);
    const result = emit(deck, [null, null], { template: BARE_TEMPLATE, sourceName: 'talk.rst' });
    expect(idsOf(result.html)).toEqual(['intro', 'intro-2']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'emit/duplicate-step-id', severity: 'warning' })]);
  });

  test('a section id equal to its step id is not repeated inside the step', () => {
    const deck = deckOf([{ attributes: { id: 'internals' }, children: titled('Internals') }]);
    const page = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 'talk.rst' }).html;
    expect(page.match(/id="internals"/g)).toHaveLength(1);
  });
});

describe('step attributes', () => {
  test('every step has all seven coordinates; unpositioned ones are 0 with scale 1', () => {
    const deck = deckOf([{}, {}, {}]);
    const page = emit(deck, [coordinates(0), coordinates(1600, -500, '0.7'), null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html;
    const divs = stepDivs(page);
    expect(divs).toHaveLength(3);
    for (const div of divs) for (const key of COORDINATE_KEYS) expect(div).toMatch(new RegExp(` ${key}="[^"]+"`));
    expect(divs[1]).toContain('data-x="1600" data-y="-500" data-z="0" data-rotate-x="0" data-rotate-y="0" data-rotate-z="0" data-scale="0.7"');
    expect(divs[2]).toContain('data-x="0" data-y="0" data-z="0" data-rotate-x="0" data-rotate-y="0" data-rotate-z="0" data-scale="1"');
  });

  test('classes: step, step-level-N, then :class: values', () => {
    const deck = deckOf([{ attributes: { class: 'step step-level-1 dark wide' } }, { level: 2 }]);
    const divs = stepDivs(emit(deck, [null, null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html);
    expect(divs[0]).toMatch(/^<div class="step step-level-1 dark wide" id=/);
    expect(divs[1]).toMatch(/^<div class="step step-level-2" id=/);
  });

  test('other data-* fields pass through; layout-only fields do not', () => {
    const deck = deckOf([{ attributes: { 'data-transition-duration': '3000', 'hovercraft-path': 'M 0 0 L 1 1', 'data-rotate': '90', 'data-x': 'r100' } }]);
    const div = stepDivs(emit(deck, [coordinates(100)], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html)[0]!;
    expect(div).toContain('data-scale="1" data-transition-duration="3000">');
    expect(div).not.toContain('hovercraft-path');
    expect(div).not.toContain('data-rotate="');
    expect(div).not.toContain('r100');
  });

  test('nested steps render inside their parent', () => {
    const inner = el('step', { step: '1', class: 'step step-level-2' }, p('inner'));
    const outer = el('step', { step: '0', class: 'step step-level-1' }, p('outer'), inner);
    const deck = { ...deckOf([]), steps: [outer, inner], levels: [1, 2], parents: [null, 0] };
    deck.root.children = [outer];
    const page = emit(deck, [coordinates(0), null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html;
    expect(page).toMatch(/<div class="step step-level-1" id="step-1"[^>]*>\n<p>outer<\/p>\n<div class="step step-level-2" id="step-2"[^>]*>\n<p>inner<\/p>\n<\/div>\n<\/div>/);
  });
});
