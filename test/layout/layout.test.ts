import { describe, expect, it } from 'vitest';
import { split } from '../../src/deck/split.js';
import type { Deck } from '../../src/deck/types.js';
import { layout } from '../../src/layout/layout.js';
import type { Node } from '../../src/rst/nodes.js';
import { doc, fieldList, para, transition } from '../deck/builders.js';

const options = { sourceName: 'deck.rst' };

/** A deck with one step per entry, each with those fields (and `marker` as its transition). */
function deckOf(steps: (Record<string, string> | [string, Record<string, string>])[], settings: Record<string, string> = {}): Deck {
  const children: Node[] = [];
  if (Object.keys(settings).length) children.push(fieldList(...Object.entries(settings)));
  steps.forEach((entry, index) => {
    const [marker, fields] = Array.isArray(entry) ? entry : ['----', entry];
    children.push(transition(marker));
    if (Object.keys(fields).length) children.push(fieldList(...Object.entries(fields)));
    children.push(para(`step ${index}`));
  });
  return split(doc(...children), options).deck;
}

function xs(deck: Deck, key = 'data-x'): (string | undefined)[] {
  return layout(deck, options).positions.map((p) => p?.[key as 'data-x']);
}

describe('layout', () => {
  it('moves 1600 px right per step when no step gives a position', () => {
    const { positions, diagnostics } = layout(deckOf([{}, {}, {}]), options);
    expect(positions.map((p) => p!['data-x'])).toEqual(['0', '1600', '3200']);
    expect(positions[0]).toEqual({
      'data-x': '0', 'data-y': '0', 'data-z': '0',
      'data-rotate-x': '0', 'data-rotate-y': '0', 'data-rotate-z': '0', 'data-scale': '1',
    });
    expect(diagnostics).toEqual([]);
  });

  it('repeats a relative move until an absolute value, which stays put', () => {
    const deck = deckOf([{ 'data-x': '0' }, { 'data-x': 'r500' }, {}, { 'data-x': '5000' }, {}]);
    expect(xs(deck)).toEqual(['0', '500', '1000', '5000', '5000']);
  });

  it('keeps the default movement as a relative move once a position field appears', () => {
    // The default is the command "r1600", which then persists like any relative move.
    const deck = deckOf([{}, {}, { 'data-y': '100' }, {}]);
    expect(xs(deck)).toEqual(['0', '1600', '3200', '4800']);
    expect(xs(deck, 'data-y')).toEqual(['0', '0', '100', '100']);
  });

  it('prints numbers as Python does, keeping floats as floats', () => {
    const deck = deckOf([{ 'data-scale': '0.7', 'data-rotate-x': '90.0' }, { 'data-scale': 'r1' }, { 'data-z': '-1.5e-7' }]);
    const { positions } = layout(deck, options);
    expect(positions.map((p) => p!['data-scale'])).toEqual(['0.7', '1.7', '2.7']);
    expect(positions[0]!['data-rotate-x']).toBe('90.0');
    expect(positions[2]!['data-z']).toBe('-1.5e-07');
  });

  it("reads digits of any script, as Hovercraft's int() and float() do, and writes them as ASCII", () => {
    // Hovercraft 2.7 on the same fields: x 1000, 1050, 1060, 1070; y 0, 10.5, 10.5, 1010.5.
    const deck = deckOf([
      { 'data-x': '\u0661\u0660\u0660\u0660' },
      { 'data-x': 'r\u0665\u0660', 'data-y': '\u0661\u0660.\u0665' },
      { 'data-x': 'r\u{1d7d9}\u{1d7d8}', 'data-rotate': '\u0669\u0660' },
      { 'data-y': 'r1_000' },
    ]);
    expect(xs(deck)).toEqual(['1000', '1050', '1060', '1070']);
    expect(xs(deck, 'data-y')).toEqual(['0', '10.5', '10.5', '1010.5']);
    expect(xs(deck, 'data-rotate-z')).toEqual(['0', '0', '90', '90']);
    expect(layout(deck, options).diagnostics).toEqual([]);
  });

  it('reads data-rotate as data-rotate-z', () => {
    const deck = deckOf([{ 'data-rotate': '90' }, { 'data-rotate-z': 'r45' }, {}]);
    expect(xs(deck, 'data-rotate-z')).toEqual(['90', '135', '180']);
  });

  it('places steps relative to a step id, and keeps the anchor for later relative moves', () => {
    const deck = deckOf([
      { id: 'intro', 'data-x': '1000', 'data-y': '200' },
      { 'data-x': '3000' },
      { 'data-x': 'intro+500', 'data-y': 'intro-100' },
      { 'data-x': 'r50' },
    ]);
    const { positions, diagnostics } = layout(deck, options);
    expect(positions.map((p) => p!['data-x'])).toEqual(['1000', '3000', '1500', '1550']);
    expect(positions.map((p) => p!['data-y'])).toEqual(['200', '200', '100', '100']);
    expect(diagnostics).toEqual([]);
  });

  it('reads r+N as relative to the step with id r, and explains it', () => {
    const deck = deckOf([{ 'data-x': '1000' }, { 'data-x': 'r+100' }]);
    const { positions, diagnostics } = layout(deck, options);
    expect(positions[1]!['data-x']).toBe('100');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'layout/r-plus-is-anchor', file: 'deck.rst' });
    expect(diagnostics[0]!.message).toContain('since Hovercraft 2.4');
    expect(diagnostics[0]!.hint).toBe('Write r100 for a relative move.');
    expect(diagnostics[0]!.line).toBe(deck.fieldLines![1]!['data-x']!.line);
  });

  it('adds the raw field of a later step for a forward reference, and warns', () => {
    const deck = deckOf([{ 'data-x': 'later+100' }, { id: 'later', 'data-x': '2000' }]);
    const { positions, diagnostics } = layout(deck, options);
    expect(positions[0]!['data-x']).toBe('2100');
    expect(diagnostics.map((d) => d.code)).toEqual(['layout/forward-anchor']);
  });

  it('leaves nested steps unpositioned', () => {
    const deck = deckOf([['----', {}], ['====', { 'data-x': '999' }], ['----', {}]]);
    const { positions } = layout(deck, options);
    expect(positions[1]).toBeNull();
    expect(positions[2]!['data-x']).toBe('1600');
  });

  it('spreads the steps after a hovercraft-path along it, turned along its direction', () => {
    const deck = deckOf([
      { 'hovercraft-path': 'm0,0 h100 v100' },
      {},
      {},
      { 'data-x': '9000', 'data-y': '0' },
    ]);
    const { positions, diagnostics } = layout(deck, options);
    // Length 200 spread over 3 steps: 1600 px per 200/3 of path.
    expect(positions.map((p) => [p!['data-x'], p!['data-y'], p!['data-rotate-z']])).toEqual([
      ['0', '0', '0'],
      // At the corner the ±0.01 chord spans both sides: 45°.
      ['2400', '0', '45.00000000000003'],
      ['2400', '2400', '90.0'],
      ['9000', '0', '90.0'],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('warns about a path that only one step uses', () => {
    const deck = deckOf([{ 'hovercraft-path': 'm0,0 h100' }, { 'data-x': '5000' }]);
    const { positions, diagnostics } = layout(deck, options);
    expect(positions[1]!['data-x']).toBe('5000');
    expect(diagnostics.map((d) => d.code)).toEqual(['layout/single-step-path']);
  });

  it('warns that position fields before the first step position nothing', () => {
    const deck = deckOf([{}, {}], { 'hovercraft-path': 'm0,0 h100', 'data-x': 'r100' });
    const { positions, diagnostics } = layout(deck, options);
    expect(positions.map((p) => p!['data-x'])).toEqual(['0', '1600']);
    expect(diagnostics.map((d) => d.code)).toEqual([
      'layout/position-field-outside-steps',
      'layout/position-field-outside-steps',
    ]);
    expect(diagnostics.map((d) => d.line)).toEqual([deck.settingLines['data-x']!.line, deck.settingLines['hovercraft-path']!.line]);
  });

  it('reports values Hovercraft cannot read instead of stopping', () => {
    const deck = deckOf([{ 'data-x': '100' }, { 'data-x': 'far' }, { 'data-x': 'r10' }]);
    const { positions, diagnostics } = layout(deck, options);
    expect(positions.map((p) => p!['data-x'])).toEqual(['100', '100', '110']);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'layout/invalid-position' })]);
  });
});
