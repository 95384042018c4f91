/**
 * Math typeset at build time: KaTeX HTML+MathML inside the docutils
 * `math` / `math-block` wrappers, LaTeX errors as diagnostics, and the
 * page linking KaTeX's stylesheet only when it has math.
 */
import { parseFragment } from 'parse5';
import { describe, expect, test } from 'vitest';
import { emit, KATEX_STYLESHEET } from '../../src/emit/index.js';
import { BARE_TEMPLATE, coordinates, deckOf, el, p, render } from './helpers.js';

describe('math', () => {
  test('inline math becomes KaTeX markup with MathML inside span.math, and the page needs KaTeX', () => {
    const out = render(p('x ', el('math', {}, 'a<b')));
    expect(out.html).toMatch(/^<p>x <span class="math"><span class="katex"><span class="katex-mathml"><math /);
    expect(out.html).toContain('<annotation encoding="application/x-tex">a&lt;b</annotation>');
    expect(out.html).toContain('<mo>&lt;</mo>');
    expect(out.html).not.toContain('katex-display');
    expect(out.features).toEqual(['math']);
    expect(out.diagnostics).toEqual([]);
  });

  test('MathML nested in a token element (\\boldsymbol with a space) parses as HTML without errors', () => {
    const out = render(el('math_block', {}, '\\boldsymbol{3 \\Gamma \\quad \\forall x}'));
    expect(out.html).toContain('<mspace width="1em"></mspace>');
    const errors: string[] = [];
    parseFragment(out.html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
  });

  test('a control character in a formula does not reach the page, even through KaTeX\'s error rendering', () => {
    const out = render(el('math_block', {}, '\u001bS = k \\log W'));
    expect(out.html).toContain('katex-error');
    expect(out.html).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/);
  });

  test('KaTeX\'s own console remarks become info diagnostics at the formula', () => {
    const printed: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void printed.push(args);
    try {
      const out = render(el('math_block', {}, '\\text{\ufeff}'));
      expect(out.diagnostics.map((d) => d.code)).toContain('emit/math-remark');
    } finally {
      console.warn = original;
    }
    expect(printed).toEqual([]);
  });

  test('a math block is a display formula in div.math.math-block, keeping its ids', () => {
    const out = render(el('math_block', { ids: ['euler'], names: ['euler'] }, 'e^{i\\pi} + 1 = 0'));
    expect(out.html).toMatch(/^<div id="euler" class="math math-block"><span class="katex-display">/);
    expect(out.html).toContain('display="block"');
    expect(out.html.endsWith('</div>\n')).toBe(true);
  });

  test('a block with line breaks is aligned, as docutils sets it in align*', () => {
    const out = render(el('math_block', {}, 'a &= b \\\\\nc &= d'));
    expect(out.html).toContain('<mtable');
    expect(out.diagnostics).toEqual([]);
    // A line break inside an environment does not count.
    const matrix = render(el('math_block', {}, '\\begin{matrix} 1 \\\\ 2 \\end{matrix}'));
    expect(matrix.html).toContain('\\begin{matrix} 1 \\\\ 2 \\end{matrix}</annotation>');
  });

  test('a LaTeX error is a warning at the node line, and the source is shown in the error style', () => {
    const paragraph = p('see ', el('math', {}, '\\frac{1}{'));
    paragraph.line = 7;
    const out = render(paragraph);
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'emit/math-error', file: 'talk.rst', line: 7 });
    expect(out.diagnostics[0]!.message).toContain("expected '}'");
    expect(out.html).toContain('class="katex-error"');
    expect(out.html).toContain('\\frac{1}{');
  });

  test('the error is reported at the line of the math node itself', () => {
    const node = el('math_block', {}, '\\notacommand x');
    node.line = 12;
    const out = render(node);
    expect(out.diagnostics.map((d) => [d.code, d.line])).toEqual([['emit/math-error', 12]]);
  });

  test('the same input gives the same bytes', () => {
    const make = () => render([p(el('math', {}, '\\sum_{i=0}^n i^2')), el('math_block', {}, '\\int_0^1 x\\,dx')]).html;
    expect(make()).toBe(make());
  });

  test('only pages with math link the KaTeX stylesheet', () => {
    const withMath = deckOf([{ children: [p(el('math', {}, 'x'))] }]);
    const without = deckOf([{ children: [p('no math')] }]);
    const options = { template: BARE_TEMPLATE, sourceName: 'talk.rst' };
    const a = emit(withMath, [coordinates(0)], options);
    const b = emit(without, [coordinates(0)], options);
    expect(a.features).toEqual(['math']);
    expect(a.html).toContain(`<link rel="stylesheet" href="${KATEX_STYLESHEET}">`);
    expect(a.html).not.toMatch(/<script[^>]*katex/);
    expect(b.features).toEqual([]);
    expect(b.html).not.toContain('katex');
  });
});
