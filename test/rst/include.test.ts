/**
 * The include directive as docutils runs it, with file insertion on
 * (expected pseudo-XML from docutils 0.19). An include inside a nested
 * block (a directive's content, a list item): its lines go into the block
 * and, the block being a view on the document's lines, into those too; the
 * outer parser skips them once the block is parsed, so the file appears
 * once. An included file is read as docutils' FileInput reads it: every
 * line break Python knows ends a line, \f and \v among them. After an
 * include, a directive's lines are counted as docutils counts them: in the
 * parser's input, the included lines with them (its own quirks too: the
 * INFO about an unknown name is placed by the document's current line read
 * as an absolute line).
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
  'inc3.rst': 'Inc para.\n\nMore.\n\nEven more.\n',
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
  {
    name: 'after an include, lines in a directive\'s content and title count the included lines as docutils does',
    source: 'Para one.\n\n.. include:: inc3.rst\n\n.. topic:: *bad\n\n   Body.\n\n.. note::\n\n   .. bad-one:: x\n\n   * item\n\n     .. bad-two:: y\n\n.. parsed-literal::\n\n   x *bad\n\n.. csv-table::\n\n   a, "b\n\n   .. foo:: x"',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        Para one.',
      '    <paragraph>',
      '        Inc para.',
      '    <paragraph>',
      '        More.',
      '    <paragraph>',
      '        Even more.',
      '    <topic>',
      '        <title>',
      '            <problematic ids="problematic-1" refid="system-message-1">',
      '                *',
      '            bad',
      '        <system_message backrefs="problematic-1" ids="system-message-1" level="2" line="5" source="case.rst" type="WARNING">',
      '            <paragraph>',
      '                Inline emphasis start-string without end-string.',
      '        <paragraph>',
      '            Body.',
      '    <note>',
      '        <system_message level="1" line="6" source="inc3.rst" type="INFO">',
      '            <paragraph>',
      '                No directive entry for "bad-one" in module "docutils.parsers.rst.languages.en".',
      '                Trying "bad-one" as canonical directive name.',
      '        <system_message level="3" line="11" source="case.rst" type="ERROR">',
      '            <paragraph>',
      '                Unknown directive type "bad-one".',
      '            <literal_block xml:space="preserve">',
      '                .. bad-one:: x',
      '        <bullet_list bullet="*">',
      '            <list_item>',
      '                <paragraph>',
      '                    item',
      '                <system_message level="1" line="6" source="case.rst" type="INFO">',
      '                    <paragraph>',
      '                        No directive entry for "bad-two" in module "docutils.parsers.rst.languages.en".',
      '                        Trying "bad-two" as canonical directive name.',
      '                <system_message level="3" line="15" source="case.rst" type="ERROR">',
      '                    <paragraph>',
      '                        Unknown directive type "bad-two".',
      '                    <literal_block xml:space="preserve">',
      '                        .. bad-two:: y',
      '    <literal_block xml:space="preserve">',
      '        x ',
      '        <problematic ids="problematic-2" refid="system-message-2">',
      '            *',
      '        bad',
      '    <system_message backrefs="problematic-2" ids="system-message-2" level="2" line="17" source="case.rst" type="WARNING">',
      '        <paragraph>',
      '            Inline emphasis start-string without end-string.',
      '    <table>',
      '        <tgroup cols="2">',
      '            <colspec colwidth="50">',
      '            <colspec colwidth="50">',
      '            <tbody>',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            a',
      '                    <entry>',
      '                        <paragraph>',
      '                            b',
      '                        <system_message level="1" line="3" source="case.rst" type="INFO">',
      '                            <paragraph>',
      '                                No directive entry for "foo" in module "docutils.parsers.rst.languages.en".',
      '                                Trying "foo" as canonical directive name.',
      '                        <system_message level="3" line="25" source="case.rst" type="ERROR">',
      '                            <paragraph>',
      '                                Unknown directive type "foo".',
      '                            <literal_block xml:space="preserve">',
      '                                .. foo:: x',
    ],
  },
];

describe('include', () => {
  for (const { name, source, expected } of CASES) {
    it(name, () => {
      expect(pxmlLines(source, FILES)).toEqual(expected);
    });
  }

  it('sends the author to the directive for the INFO about its name, where docutils places that INFO on a line of the padding around the included lines', () => {
    const source = 'Para one.\n\n.. include:: inc3.rst\n\n.. no-such:: x\n';
    const parsed = parse(source, { sourceName: 'case.rst', sourceDir: '.', mode: 'publish', fileInsertionEnabled: true, readFile: (file) => FILES[file] });
    expect(pxmlLines(source, FILES)).toContain('    <system_message level="1" line="0" source="internal padding before inc3.rst" type="INFO">');
    const info = parsed.diagnostics.filter((d) => d.code === 'rst/no-directive-entry-for');
    expect(info.map((d) => [d.file, d.line])).toEqual([['case.rst', 5]]);
  });

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
