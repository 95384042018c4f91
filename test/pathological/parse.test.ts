/**
 * Inputs that break naive parsers must parse in linear time. Each bound is
 * a fixed multiple of the throughput measured on ordinary paragraphs in the
 * same run (no absolute wall-clock limits, which fail on a loaded machine).
 *
 * Lines over 10,000 characters are refused whole (docutils'
 * line-length-limit, which we match), so long runs of markup come as many
 * lines; the inline parser alone gets single 1 MB strings in inline.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { linearBound, timed } from './timing.js';

const MB = 1_000_000;

/** `size` characters of `unit` repeated, as lines of `width`. */
function lines(unit: string, size: number, width = 1000): string {
  const line = unit.repeat(Math.ceil(width / unit.length)).slice(0, width);
  return Array.from({ length: Math.ceil(size / width) }, () => line).join('\n');
}

const PARAGRAPH = 'The quick brown fox jumps over the lazy dog, and then some more words follow here.\n';

/** The linear baseline: 1 MB of ordinary paragraphs. */
const BASELINE = Array.from({ length: Math.ceil(MB / (PARAGRAPH.length * 3 + 1)) }, () => PARAGRAPH.repeat(3)).join('\n');

function grid(columns: number, rows: number): string {
  const border = '+' + '--+'.repeat(columns);
  const row = '|' + ' x|'.repeat(columns);
  return [border, ...Array.from({ length: rows }, () => [row, border]).flat()].join('\n');
}

/**
 * Inputs and what a user would see of them. Where every few characters
 * raise a warning (a system message, a problematic node and two ids each)
 * a quarter megabyte keeps CI quick; the bound scales with the size.
 */
const CASES: { name: string; input: () => string; check: (document: ReturnType<typeof parse>) => void }[] = [
  ...(['*', '`', '|', '_', '\\'] as const).map((unit) => ({
    name: `1 MB of ${unit} as 1,000 lines`,
    input: () => lines(unit, MB),
    check: ({ document }: ReturnType<typeof parse>) => expect(document.children.length).toBeGreaterThan(0),
  })),
  ...(['*a ', '|a ', 'a_ '] as const).map((unit) => ({
    name: `250 kB of "${unit}" (a warning every three characters)`,
    input: () => lines(unit, MB / 4, 999),
    check: ({ diagnostics }: ReturnType<typeof parse>) => expect(diagnostics.length).toBeGreaterThan(50_000),
  })),
  {
    name: '500 nested bullet lists',
    input: () => Array.from({ length: 500 }, (_, i) => `${' '.repeat(2 * i)}* item ${i}`).join('\n\n'),
    check: ({ document }) => {
      let depth = 0;
      for (let node = document.children[0]; node && node.type === 'bullet_list'; depth++) {
        const item = node.children[0];
        node = item && item.type !== 'text' ? item.children.find((c) => c.type === 'bullet_list') : undefined;
      }
      expect(depth).toBe(500);
    },
  },
  {
    name: '500 nested block quotes',
    input: () => Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}quote ${i}`).join('\n\n'),
    check: ({ document }) => expect(JSON.stringify(document)).toContain('quote 499'),
  },
  {
    name: 'a 2,000-column grid table',
    input: () => grid(2000, 3),
    check: ({ document }) => {
      const text = JSON.stringify(document);
      expect(text).toContain('"cols":2000');
    },
  },
  {
    name: 'a 100,000-line literal block',
    input: () => `Code::\n\n${Array.from({ length: 100_000 }, (_, i) => `    line ${i} *not* markup`).join('\n')}`,
    check: ({ document }) => {
      const block = document.children.find((c) => c.type === 'literal_block');
      expect(block?.type === 'literal_block' && block.children[0]?.type === 'text' ? block.children[0].value.split('\n').length : 0).toBe(100_000);
    },
  },
  {
    // Each position on a line with a tab maps its column back through the tab.
    name: '290 kB of emphasis on long lines that start with a tab',
    input: () => Array.from({ length: 30 }, () => `x\t${'*a* '.repeat(2400)}`).join('\n\n'),
    check: ({ document }) => expect(document.children.filter((node) => node.type === 'paragraph')).toHaveLength(30),
  },
  {
    // Each refused definition leaves a message in the document, and each next definition is parsed after them all.
    name: '16,000 substitution definitions with an unknown directive',
    input: () => Array.from({ length: 16_000 }, (_, i) => `.. |x${i}| bogus:: y`).join('\n'),
    check: ({ diagnostics }) => expect(diagnostics.filter((d) => d.message.startsWith('Unknown directive type')).length).toBe(16_000),
  },
  {
    name: 'a line block of 200,000 lines, each indented more than the last few',
    input: () => Array.from({ length: 200_000 }, (_, i) => `|${' '.repeat(1 + (i % 4))}line ${i}`).join('\n'),
    check: ({ document }) => expect(document.children[0]?.type).toBe('line_block'),
  },
  {
    name: 'a line of 1 MB (refused by the line-length limit)',
    input: () => `Title\n=====\n\n${'x'.repeat(MB)}\n`,
    check: ({ diagnostics }) => expect(diagnostics.map((d) => d.message)).toContain('Line 4 exceeds the line-length-limit.'),
  },
];

describe('pathological documents parse (publish mode) in linear time', () => {
  let msPerChar = 0;
  beforeAll(() => {
    // Twice: the first run also pays for compiling the parser.
    timed(() => parse(BASELINE, { sourceName: 'baseline.rst', mode: 'publish' }));
    const [result, ms] = timed(() => parse(BASELINE, { sourceName: 'baseline.rst', mode: 'publish' }));
    expect(result.document.children.length).toBeGreaterThan(1000);
    msPerChar = ms / BASELINE.length;
  });

  for (const { name, input, check } of CASES) {
    it(name, () => {
      const text = input();
      const [result, ms] = timed(() => parse(text, { sourceName: 'big.rst', mode: 'publish' }));
      check(result);
      expect(ms).toBeLessThan(linearBound(msPerChar, text.length));
    });
  }
});
