/**
 * Messages docutils raises without a line (the pseudo-XML keeps them so)
 * still give the author a place to look: the diagnostic points at the
 * nearest line in the source.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/build/build.js';
import { compile } from '../../src/build/compile.js';
import { REPO } from '../shared.js';

const template = loadTemplate(path.join(REPO, 'templates', 'default'));

function diagnostics(source: string): { code: string; line: number | undefined }[] {
  const result = compile(source, { sourceName: 'talk.rst', sourceDir: '.', readFile: () => undefined, template });
  return result.diagnostics.map((d) => ({ code: d.code, line: d.line }));
}

/** The diagnostics of `code`, of which there is at least one, each on a line from `first` to `last`. */
function expectWithin(source: string, code: string, first: number, last: number): void {
  const found = diagnostics(source).filter((d) => d.code === code);
  expect(found).not.toEqual([]);
  for (const d of found) expect(d.line).toBeGreaterThanOrEqual(first);
  for (const d of found) expect(d.line).toBeLessThanOrEqual(last);
}

describe('diagnostics for messages docutils gives no line', () => {
  it('an anonymous hyperlink mismatch points at the first anonymous reference', () => {
    const source = 'Title\n=====\n\nSome text.\n\nA link__ and another__.\n\n__ https://example.org\n';
    expect(diagnostics(source)).toContainEqual({ code: 'rst/anonymous-hyperlink-mismatch', line: 6 });
  });

  it('a target in a table title that is never used points at the table', () => {
    const source = 'Title\n=====\n\n.. table:: A _`titled target`.\n\n   =====  =====\n   a      b\n   =====  =====\n';
    const found = diagnostics(source).find((d) => d.code === 'rst/hyperlink-target');
    expect(found?.line).toBeGreaterThanOrEqual(1);
    expect(found?.line).toBeLessThanOrEqual(8);
  });

  it('too many autonumbered footnote references in a table title point near the table', () => {
    const source = 'Title\n=====\n\n.. table:: Notes [#]_ and [#]_.\n\n   =====  =====\n   a      b\n   =====  =====\n\n.. [#] Only one.\n';
    const found = diagnostics(source).find((d) => d.code.startsWith('rst/too-many'));
    expect(found?.line).toBeGreaterThanOrEqual(1);
    expect(found?.line).toBeLessThanOrEqual(10);
  });

  it('content a transform made outside every step points at what surrounds it', () => {
    const source = '\n:field:\n  \t \n  \t `phrase reference_ without closing backquote';
    const outside = diagnostics(source).filter((d) => d.code === 'deck/outside-steps');
    expect(outside.length).toBeGreaterThan(1);
    for (const d of outside) expect(d.line).toBe(4);
  });

  it('a footnote reference dropped with its substitution definition still names its line', () => {
    const source = '\n.. |a| replace:: anonymous__\n.. |b| replace:: [#]_\n';
    const found = diagnostics(source).find((d) => d.code === 'rst/too-many-autonumbered-footnote-references');
    expect(found?.line).toBe(3);
  });

  it('a problematic node a transform made in a field body, alone outside the steps, points at the field', () => {
    expectWithin(':class: Infinity\n\n  \t `anonymous reference`__\n', 'deck/outside-steps', 1, 3);
  });

  it('an image with an unknown target in a field body points at the image', () => {
    expectWithin(':width: 25 %\n\n  .. image:: picture.svg\n     :target: `SVG Images`_\n', 'deck/field-body-content', 1, 4);
  });

  it('a message docutils puts past the end of an included file points at its last line', () => {
    const included = 'Included *unclosed\n\n.. nosuch::\n\n----\n\n:data-x: r1e400\n';
    const result = compile('.. csv-table::\n\n   .. include:: part.rst\n', { sourceName: 'talk.rst', sourceDir: '.', readFile: () => included, template });
    const inPart = result.diagnostics.filter((d) => d.file === 'part.rst');
    expect(inPart.map((d) => d.code)).toContain('rst/unexpected-section-title-or-transition');
    for (const d of inPart) expect(d.line).toBeLessThanOrEqual(7);
  });
});
