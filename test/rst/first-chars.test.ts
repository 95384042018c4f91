/**
 * The block parser tries a line only against the patterns its first
 * character can start (`declareFirstChars`): a declaration that misses a
 * character would make lines starting with it silently stop matching.
 * Every state's filtered transitions must keep each transition whose
 * pattern matches the line, for lines starting with any character.
 */
import { describe, expect, it } from 'vitest';
import '../../src/rst/block/states.js';
import { STATE_REGISTRY, type RstState } from '../../src/rst/block/state.js';
import { StateMachine } from '../../src/rst/block/machine.js';

/** Lines each block construct starts with, whose first character the test replaces with every other. */
const SAMPLES = [
  '',
  ' ',
  '   indented',
  '- item',
  '* item',
  '+ item',
  '\u2022 item',
  '\u2023 item',
  '\u2043 item',
  '-',
  '1. item',
  '12) item',
  '(a) item',
  '#. item',
  'iv. item',
  'IV) item',
  'A. item',
  ':field: body',
  ':field:',
  ':a\\:b: body',
  '-a  description',
  '-a arg  description',
  '--all  description',
  '--all=FILE  description',
  '/V  description',
  '+o  description',
  '-a, --all  description',
  '>>> code',
  '>>>',
  '| line',
  '|',
  '+---+---+',
  '+-+',
  '=== ===',
  '==  ==  ==',
  '.. directive:: x',
  '..',
  '__ anonymous',
  '__',
  '----',
  '====',
  '~~~~  ',
  '::',
  '"quoted',
  'plain text',
  'x',
];

/** Every ASCII character, and some beyond it (bullets, letters, a space, a CJK character, an astral one). */
const FIRST = [
  ...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)),
  '\u2022',
  '\u2023',
  '\u2043',
  '\u00e9',
  '\u00a0',
  '\u3000',
  '\u4e2d',
  '\u{1d7ce}',
];

function lines(): string[] {
  const out = new Set<string>(SAMPLES);
  for (const sample of SAMPLES) {
    for (const first of FIRST) {
      out.add(first + sample.slice(1));
      out.add(first + sample);
      out.add(first.repeat(4));
    }
  }
  return [...out];
}

describe('first-character filtering of block transitions', () => {
  const all = lines();
  for (const [name, factory] of STATE_REGISTRY) {
    it(`${name} tries every transition whose pattern matches the line`, () => {
      const state = factory(new StateMachine(STATE_REGISTRY, name)) as RstState;
      const missed: string[] = [];
      for (const line of all) {
        const tried = state.transitionsFor(line);
        for (const transition of state.transitionOrder) {
          const pattern = state.patterns[transition]!;
          pattern.lastIndex = 0;
          if (pattern.test(line) && !tried.includes(transition)) missed.push(`${transition}: ${JSON.stringify(line)}`);
        }
      }
      expect(missed).toEqual([]);
    });
  }

  it('skips patterns a line cannot match', () => {
    const state = STATE_REGISTRY.get('Body')!(new StateMachine(STATE_REGISTRY, 'Body')) as RstState;
    expect(state.transitionsFor('plain text')).toEqual(['enumerator', 'text']);
    expect(state.transitionsFor('')).toEqual(state.transitionOrder);
  });
});
