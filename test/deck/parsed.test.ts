import { describe, expect, it } from 'vitest';
import { split } from '../../src/deck/split.js';
import { layout } from '../../src/layout/layout.js';
import { textContent } from '../../src/rst/nodes.js';
import { parse } from '../../src/rst/parse.js';

function deckFrom(source: string) {
  const sourceName = 'talk.rst';
  const { document } = parse(source, { sourceName, mode: 'publish', hovercraft: true });
  const result = split(document, { sourceName, source });
  return { ...result, positions: layout(result.deck, { sourceName }).positions };
}

describe('split and layout on parsed reStructuredText', () => {
  it('reads settings, step fields and nested steps from a deck', () => {
    const { deck, positions } = deckFrom(
      [
        ':title: Demo',
        ':author: Ada',
        ':css: talk.css',
        '',
        '----',
        '',
        ':id: intro',
        ':data-x: 1000',
        '',
        'Hello',
        '=====',
        '',
        '....',
        '',
        'Detail',
        '',
        '----',
        '',
        ':data-x: intro+500',
        '',
        'Bye',
        '',
      ].join('\n'),
    );
    expect(deck.settings).toEqual({ title: 'Demo', css: 'talk.css' });
    expect(deck.steps.map((step) => step.attributes['id'])).toEqual(['intro', undefined, undefined]);
    expect(deck.levels).toEqual([1, 2, 1]);
    expect(deck.parents).toEqual([null, 0, null]);
    expect(deck.steps.map((step) => step.line)).toEqual([5, 13, 17]);
    expect(positions.map((p) => p?.['data-x'] ?? null)).toEqual(['1000', null, '1500']);
    expect(textContent(deck.steps[2]!)).toBe('Bye');
  });

  it('points its warnings at the source lines', () => {
    const { diagnostics } = deckFrom(['Intro text.', '', '----', '', 'One', '', '----', '', ':data-x: r+100', '', 'Two', ''].join('\n'));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['deck/outside-steps', 1]]);
    const { deck } = deckFrom(['----', '', 'One', '', '----', '', ':data-x: r+100', '', 'Two', ''].join('\n'));
    const warnings = layout(deck, { sourceName: 'talk.rst' }).diagnostics;
    expect(warnings.map((d) => [d.code, d.line])).toEqual([['layout/r-plus-is-anchor', 7]]);
  });
});
