/**
 * Long lines of markup characters must parse in linear time (docutils
 * itself is quadratic on several of them). Each input is 1 MB.
 */

import { describe, expect, it } from 'vitest';
import { RstDocument } from '../../src/rst/document.js';
import { parseInline } from '../../src/rst/inline/index.js';
import { element, textContent } from '../../src/rst/nodes.js';
import { unescape } from '../../src/rst/names.js';

const SIZE = 1_000_000;
const repeat = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const INPUTS: Record<string, string> = {
  stars: repeat('*'),
  'spaced stars': repeat('*a '),
  'star words': repeat('a*'),
  backquotes: repeat('`'),
  'spaced backquotes': repeat('`a '),
  'role prefixes': repeat(':a:`'),
  pipes: repeat('|'),
  'spaced pipes': repeat('|a '),
  underscores: repeat('_'),
  'reference names': repeat('a_ '),
  'hyphenated name': repeat('a-'),
  backslashes: repeat('\\'),
  'escaped stars': repeat('\\*'),
  'scheme-like': repeat('a:'),
  'e-mail-like': repeat('a-a@'),
  'uri characters': repeat('x:/a.'),
  'footnote brackets': repeat('[1'),
  'literal starts': repeat('``a '),
};

describe('pathological inputs', () => {
  for (const [name, input] of Object.entries(INPUTS)) {
    it(`parses 1 MB of ${name} quickly and loses no text`, () => {
      const document = new RstDocument('big.rst');
      const started = performance.now();
      const { nodes } = parseInline(input, 1, { document, parent: element('paragraph') });
      const elapsed = performance.now() - started;
      // Linear work takes a few seconds even where every third character
      // yields a system message; quadratic work would take many minutes.
      expect(elapsed).toBeLessThan(30_000);
      // Every character of the input is still there, in order, apart from
      // the markup characters constructs consume.
      const output = nodes.map((node) => unescape(textContent(node))).join('');
      expect(output.length).toBeGreaterThan(0);
      expect(output.length).toBeLessThanOrEqual(input.length);
    });
  }
});
