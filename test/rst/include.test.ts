/**
 * The include directive as docutils runs it, with file insertion on
 * (expected pseudo-XML from docutils 0.19). An include inside a nested
 * block (a directive's content, a list item): its lines go into the block
 * and, the block being a view on the document's lines, into those too; the
 * outer parser skips them once the block is parsed, so the file appears
 * once. An included file is read as docutils' FileInput reads it: every
 * line break Python knows ends a line, \f and \v among them.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pxmlLines } from './pxml.js';

const FILES: Record<string, string> = {
  'inc.rst': 'Included para.\n',
  'ff.py': 'import os\n\x0c\ndef f():\n    pass\n',
  'u.txt': 'a\u2028b\x0bc\x0dd\x0d\ne\x1cf\n',
  'dang.rst': 'Line one.\n\nSee missing_ and |undef|.\n',
  'inc2.rst': 'Para one.\n\n.. warning:: x\n\n   y\n',
};

const CASES: { name: string; source: string; expected: string[] }[] = [
  {
    name: 'in a note, twice, and at the end of the document, each file appears once',
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
    name: 'in a list item, with text after it, the file appears once',
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
    name: 'in a note and in a list item, the file appears once',
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
  {
    name: 'a code or literal include, or a clipped one, breaking lines at \\f, \\v, \\r, \\x1c and \\u2028',
    source: '.. include:: ff.py\n   :code: python\n   :number-lines:\n\n.. include:: ff.py\n   :literal:\n   :start-line: 2\n\n.. include:: u.txt\n   :literal:\n   :start-line: 2\n\n.. include:: u.txt\n   :start-after: b\n',
    expected: [
      '<document source="case.rst">',
      '    <literal_block classes="code python" source="ff.py" xml:space="preserve">',
      '        <inline classes="ln">',
      '            1 ',
      '        import os',
      '        <inline classes="ln">',
      '            2 ',
      '        ',
      '        <inline classes="ln">',
      '            3 ',
      '        ',
      '        <inline classes="ln">',
      '            4 ',
      '        def f():',
      '        <inline classes="ln">',
      '            5 ',
      '            pass',
      '    <literal_block source="ff.py" xml:space="preserve">',
      '        ',
      '        def f():',
      '            pass',
      '    <literal_block source="u.txt" xml:space="preserve">',
      '        c',
      '        d',
      '        e',
      '        f',
      '    <paragraph>',
      '        c',
      '        d',
      '        e',
      '        f',
    ],
  },
  {
    name: 'messages about an included file, as docutils prints them',
    source: 'Main para.\n\n.. include:: dang.rst\n\nAlso other_.\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        Main para.',
      '    <paragraph>',
      '        Line one.',
      '    <paragraph>',
      '        See ',
      '        <problematic ids="problematic-2" refid="system-message-2">',
      '            missing_',
      '         and ',
      '        <problematic ids="problematic-1" refid="system-message-1">',
      '            |undef|',
      '        .',
      '    <paragraph>',
      '        Also ',
      '        <problematic ids="problematic-3" refid="system-message-3">',
      '            other_',
      '        .',
    ],
  },
];

describe('include', () => {
  for (const { name, source, expected } of CASES) {
    it(name, () => {
      expect(pxmlLines(source, FILES)).toEqual(expected);
    });
  }

  it("reports a transform's message about an included file in that file", () => {
    const source = 'Main para.\n\n.. include:: dang.rst\n\nAlso other_.\n';
    const { diagnostics } = parse(source, { sourceName: 'case.rst', sourceDir: '.', mode: 'publish', fileInsertionEnabled: true, readFile: (file) => FILES[file] });
    expect(diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['dang.rst', 3, 'rst/undefined-substitution-referenced'],
      ['dang.rst', 3, 'rst/unknown-target-name'],
      ['case.rst', 5, 'rst/unknown-target-name'],
    ]);
  });
});
