/**
 * An include inside a nested block (a directive's content, a list item):
 * its lines go into the block and, the block being a view on the
 * document's lines, into those too; the outer parser skips them once the
 * block is parsed, as docutils does, so the file appears once. Expected
 * pseudo-XML from docutils 0.19 with file insertion on.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';

const FILES: Record<string, string> = {
  'inc.rst': 'Included para.\n',
  'inc2.rst': 'Para one.\n\n.. warning:: x\n\n   y\n',
};

const CASES: { name: string; source: string; expected: string[] }[] = [
  {
    name: 'in a note, twice, and at the end of the document',
    source: 'Title\n=====\n\n.. note::\n   .. include:: inc2.rst\n   .. include:: inc.rst\n\nEnd\n',
    expected: [
      '<document source="case.rst">',
      '    <section ids="title" names="title">',
      '        <title>',
      '            Title',
      '        <note>',
      '            <paragraph>',
      '                Para one.',
      '            <warning>',
      '                <paragraph>',
      '                    x',
      '                <paragraph>',
      '                    y',
      '            <paragraph>',
      '                Included para.',
      '        <paragraph>',
      '            End',
    ],
  },
  {
    name: 'in a list item, with text after it',
    source: '- a\n\n  .. include:: inc2.rst\n\n  tail\n- b\n',
    expected: [
      '<document source="case.rst">',
      '    <bullet_list bullet="-">',
      '        <list_item>',
      '            <paragraph>',
      '                a',
      '            <paragraph>',
      '                Para one.',
      '            <warning>',
      '                <paragraph>',
      '                    x',
      '                <paragraph>',
      '                    y',
      '            <paragraph>',
      '                tail',
      '        <list_item>',
      '            <paragraph>',
      '                b',
    ],
  },
  {
    name: 'in a note and in a list item',
    source: '.. note::\n\n   .. include:: inc.rst\n\n* .. include:: inc.rst\n\nAfter.\n',
    expected: [
      '<document source="case.rst">',
      '    <note>',
      '        <paragraph>',
      '            Included para.',
      '    <bullet_list bullet="*">',
      '        <list_item>',
      '            <paragraph>',
      '                Included para.',
      '    <paragraph>',
      '        After.',
    ],
  },
];

describe('an include in a nested block', () => {
  for (const { name, source, expected } of CASES) {
    it(`appears once: ${name}`, () => {
      const { document } = parse(source, {
        sourceName: 'case.rst',
        sourceDir: '.',
        mode: 'publish',
        fileInsertionEnabled: true,
        readFile: (file) => FILES[file],
      });
      expect(pformat(document).trimEnd().split('\n')).toEqual(expected);
    });
  }
});
