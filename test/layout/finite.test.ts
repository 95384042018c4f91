/**
 * Numbers no browser can use (`1e400` is infinite to Hovercraft, `nan`
 * is not a number) never reach the page: the step keeps the previous
 * coordinate and the field is reported at its line.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { split } from '../../src/deck/split.js';
import { layout } from '../../src/layout/layout.js';

function run(source: string) {
  const { document } = parse(source, { sourceName: 't.rst', mode: 'publish', hovercraft: true });
  const { deck } = split(document, { sourceName: 't.rst' });
  return layout(deck, { sourceName: 't.rst' });
}

describe('non-finite coordinates', () => {
  it('keeps the previous value and reports the field', () => {
    const { positions, diagnostics } = run('----\n\n:data-x: 1000\n\nA\n\n----\n\n:data-x: 1e400\n:data-y: nan\n\nB\n');
    expect(positions[1]!['data-x']).toBe('1000');
    expect(positions[1]!['data-y']).toBe('0');
    const errors = diagnostics.filter((d) => d.code === 'layout/not-finite');
    expect(errors.map((d) => [d.line, d.severity])).toEqual([
      [9, 'error'],
      [10, 'error'],
    ]);
    expect(errors[0]!.message).toContain(':data-x: 1e400');
  });
});
