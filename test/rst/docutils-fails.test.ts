/**
 * Inputs docutils 0.19 itself fails on (an exception, no tree), found by
 * `npm run fuzz`: deck reports the construct and goes on.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';

function messages(source: string): string[] {
  const { diagnostics } = parse(source, { sourceName: 'case.rst', mode: 'publish', fileInsertionEnabled: false });
  return diagnostics.map((d) => `${d.line}: ${d.message}`);
}

describe('inputs docutils fails on', () => {
  it('an option list marker with an empty option between commas is an invalid marker (docutils: IndexError)', () => {
    const source = '-f <a, , \u3000b>\tb      Unbalanced angle bracket.\n-f, , --force   Empty synonym.\n';
    expect(messages(source)).toContain('1: Invalid option list marker: wrong number of option tokens (=0), should be 1 or 2: ""');
  });
});
