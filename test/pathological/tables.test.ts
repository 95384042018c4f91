/** Large tables parse in bounded time (the cell tracing must not go quadratic in the cell count). */
import { describe, expect, it } from 'vitest';
import { parseGridTable, parseSimpleTable } from '../../src/rst/tables/index.js';
import { el, fakeHost, input } from '../tables/helpers.js';

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

describe('large tables', () => {
  it('traces a 120 × 120 grid table quickly', () => {
    const border = '+' + '--+'.repeat(120);
    const row = '|' + ' x|'.repeat(120);
    const lines = [border];
    for (let r = 0; r < 120; r++) lines.push(row, border);
    const { host, calls } = fakeHost();
    const [result, ms] = timed(() => parseGridTable(input(lines.join('\n')), 0, host));
    expect(el(result.nodes[0]).type).toBe('table');
    expect(calls).toHaveLength(120 * 120);
    expect(ms).toBeLessThan(3000);
  });

  it('fails fast on a huge grid whose bottom border is broken', () => {
    const border = '+' + '--+'.repeat(200);
    const row = '|' + '  |'.repeat(200);
    const lines = [border, ...Array<string>(2000).fill(row), '+' + '--+'.repeat(199) + '-x+'];
    const { host } = fakeHost();
    const [result, ms] = timed(() => parseGridTable(input(lines.join('\n')), 0, host));
    expect(el(result.nodes[0]).type).toBe('system_message');
    expect(ms).toBeLessThan(3000);
  });

  it('parses a simple table of 3000 rows quickly', () => {
    const top = Array<string>(20).fill('====').join('  ');
    const row = Array<string>(20).fill('cell').join('  ');
    const lines = [top, ...Array<string>(3000).fill(row), top];
    const { host, calls } = fakeHost();
    const [result, ms] = timed(() => parseSimpleTable(input(lines.join('\n')), 0, host));
    expect(el(result.nodes[0]).type).toBe('table');
    expect(calls).toHaveLength(3000 * 20);
    expect(ms).toBeLessThan(3000);
  });
});
