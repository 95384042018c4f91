/**
 * Where messages about included or relocated lines go: the pseudo-XML
 * keeps the place docutils' reporter gives them (expected lines from
 * docutils 0.19 with file insertion on), while deck's diagnostics send the
 * author to a line of a real file, inside it, at the construct.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';

const SEVEN = 'one\n\ntwo\n\nthree\n\nfour\n\nfive\n\nsix\n\nseven\n';

function run(main: string, files: Record<string, string>) {
  const all = { 'main.rst': main, ...files };
  const parsed = parse(main, { sourceName: 'main.rst', sourceDir: '.', mode: 'publish', fileInsertionEnabled: true, readFile: (file) => files[file] });
  const tree = pformat(parsed.document);
  const places = parsed.diagnostics.map((d) => `${d.file}:${d.line} ${d.message.split('\n')[0]}`);
  for (const d of parsed.diagnostics) {
    const lines = all[d.file as keyof typeof all]?.split('\n').length ?? 0;
    expect(d.line, `${d.file}:${d.line} ${d.message}`).toBeGreaterThanOrEqual(1);
    expect(d.line, `${d.file}:${d.line} ${d.message}`).toBeLessThanOrEqual(lines);
  }
  return { tree, places };
}

describe('messages about included lines', () => {
  it('inside a directive, name the included file they are in', () => {
    const { tree, places } = run('Para.\n\n.. note::\n\n   .. include:: b.rst\n', { 'b.rst': 'one\n\npara\nline2\n   indented\n' });
    expect(tree).toContain('<system_message level="3" line="5" source="b.rst" type="ERROR">');
    expect(places).toContain('b.rst:5 Unexpected indentation.');
  });

  it('about a circular substitution after an include, are at the definitions', () => {
    const { tree, places } = run('.. include:: a.rst\n\nPara.\n\n.. |a| replace:: x |b|\n.. |b| replace:: y |a|\n\ntext |a|\n', { 'a.rst': 'one\n\ntwo\n\nthree\n\nfour\n' });
    expect(tree).toContain('<system_message level="3" line="5" names="a" source="main.rst" type="ERROR">');
    expect(tree).toContain('<system_message level="3" line="6" names="b" source="main.rst" type="ERROR">');
    expect(places).toEqual(expect.arrayContaining(['main.rst:5 Circular substitution definition detected:', 'main.rst:6 Circular substitution definition detected:']));
  });

  it('about a class directive left at the end of an included block quote, keep docutils\' padding place and send the author to the directive', () => {
    const { tree, places } = run('Para.\n\nmore\n\n.. include:: a.rst\n', { 'a.rst': 'Intro\n\n   quoted\n\n   .. class:: x\n' });
    expect(tree).toContain('<system_message level="3" line="9" source="internal padding after a.rst" type="ERROR">');
    expect(places).toContain('a.rst:5 No suitable element following "class" directive');
  });
});

describe('diagnostics where docutils reads a line as an absolute one', () => {
  it('in a parsed-literal after an include, are at the text', () => {
    const { places } = run('.. include:: a.rst\n\n.. parsed-literal::\n\n   see nowhere_ here\n', { 'a.rst': SEVEN });
    expect(places).toContain('main.rst:5 Unknown target name: "nowhere".');
  });

  it('in a line-block directive after an include, are at the line', () => {
    const { places } = run('.. include:: a.rst\n\n.. line-block::\n\n   first\n   second *x\n', { 'a.rst': SEVEN });
    expect(places).toContain('main.rst:6 Inline emphasis start-string without end-string.');
  });

  it('in a CSV cell, are in the table, not at the cell\'s own count of lines', () => {
    const { places } = run('Para.\n\nMore.\n\n.. csv-table::\n\n   a, "second\n\n   see nowhere_ and |sub|", c\n', {});
    expect(places).toEqual(expect.arrayContaining(['main.rst:9 Unknown target name: "nowhere".', 'main.rst:9 Undefined substitution referenced: "sub".']));
  });

  it('in a cell of a CSV file, are at the table', () => {
    const { places } = run('Para.\n\n.. csv-table::\n   :file: d.csv\n\nend\n', { 'd.csv': 'a,b\nc,".. image:: x.png\n   :width: bad"\n' });
    expect(places.some((place) => place.startsWith('main.rst:4 Error in "image" directive'))).toBe(true);
  });
});
