/**
 * Differential test against docutils: corpus inputs made of plain
 * paragraphs, inline-parsed and compared with docutils' pseudo-XML.
 */

import { describe, expect, it } from 'vitest';
import { HAVE_SHARED } from '../shared.js';
import { paragraphCases, renderParagraphs } from './paragraph-cases.js';

/** Cases that still differ from docutils, each with the reason. May only shrink. */
const KNOWN_FAILURES: Record<string, string> = {};

const cases = paragraphCases();

describe.skipIf(!HAVE_SHARED)('inline markup against the docutils corpus', () => {
  it('finds the paragraph-only cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  for (const { name, blocks, expected } of cases) {
    const known = KNOWN_FAILURES[name];
    it(`${name}${known ? ` (known failure: ${known})` : ''}`, () => {
      const actual = renderParagraphs(name, blocks);
      if (known) expect(actual).not.toBe(expected);
      else expect(actual).toBe(expected);
    });
  }
});
