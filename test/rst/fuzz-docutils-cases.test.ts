/**
 * Where the parser differed from docutils on inputs `npm run fuzz:docutils`
 * made. The markup docutils shows for what it cannot resolve: the
 * `rawsource` the inline parser records for references, substitution
 * references and substitution definitions, backslashes and NULs as
 * docutils restores them; the lines of meta messages; Python's int() on
 * any script's digits; the lines docutils gives what is parsed before it
 * is in the document, and a CSV table's cells. The expected pseudo-XML is
 * docutils 0.19's (publish mode).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';
import { pxmlLines } from './pxml.js';

interface Case {
  name: string;
  source: string;
  expected: string[];
}

const CASES: Case[] = [
  {
    name: 'a classifier keeps an escaped character, not its backslash',
    source: 'Term : classifie\\r\n  Def\n',
    expected: [
      '<document source="case.rst">',
      '    <definition_list>',
      '        <definition_list_item>',
      '            <term>',
      '                Term',
      '            <classifier>',
      '                classifier',
      '            <definition>',
      '                <paragraph>',
      '                    Def',
    ],
  },
  {
    name: 'an undefined substitution shows its markup, backslash and all; a missing target, the name with its end-string',
    source: 'Text |sub ref\\erence| and |Py\\thon|_.\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        Text ',
      '        <problematic ids="problematic-1" refid="system-message-1">',
      '            |sub ref\\erence|',
      '         and ',
      '        <problematic ids="problematic-3" refid="system-message-3">',
      '            |Python|_',
      '        .',
    ],
  },
  {
    name: 'unresolved references in a simple table show their own markup, not a neighbouring line\'s',
    source: '=====  =====\nA      B\n=====  =====\nx      ref_\ny      other_\n=====  =====\n',
    expected: [
      '<document source="case.rst">',
      '    <table>',
      '        <tgroup cols="2">',
      '            <colspec colwidth="5">',
      '            <colspec colwidth="6">',
      '            <thead>',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            A',
      '                    <entry>',
      '                        <paragraph>',
      '                            B',
      '            <tbody>',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            x',
      '                    <entry>',
      '                        <paragraph>',
      '                            <problematic ids="problematic-1" refid="system-message-1">',
      '                                ref_',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            y',
      '                    <entry>',
      '                        <paragraph>',
      '                            <problematic ids="problematic-2" refid="system-message-2">',
      '                                other_',
    ],
  },
  {
    name: 'a circular substitution definition shows the definition\'s block',
    source: '.. |a| replace:: |b|\n.. |b| replace:: |a|\n\nUse |a|.\n',
    expected: [
      '<document source="case.rst">',
      '    <system_message level="3" line="1" names="a" source="case.rst" type="ERROR">',
      '        <paragraph>',
      '            Circular substitution definition detected:',
      '        <literal_block xml:space="preserve">',
      '            .. |a| replace:: |b|',
      '    <system_message level="3" line="2" names="b" source="case.rst" type="ERROR">',
      '        <paragraph>',
      '            Circular substitution definition detected:',
      '        <literal_block xml:space="preserve">',
      '            .. |b| replace:: |a|',
      '    <paragraph>',
      '        Use ',
      '        <problematic ids="problematic-1" refid="system-message-1">',
      '            |a|',
      '        .',
    ],
  },
  {
    name: 'a NUL in a phrase reference shows as the backslash it stands for',
    source: 'A `phrase\x00reference`_ here.\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        A ',
      '        <problematic ids="problematic-1" refid="system-message-1">',
      '            `phrase\\reference`_',
      '         here.',
    ],
  },
  {
    name: 'an e-mail target needs two characters after the @, as docutils\' pattern has it; CSV data may hold NUL (Python 3.11)',
    source: '.. _a: jdoe@e\n.. _b: jdoe@ex\n.. _c: j.doe@ex.com\n.. _d: jdoe@ex.\n.. _e: a\\@b.com\n.. _f: x@y-z.org\n.. _g: x@y_z.org\n\n.. csv-table:: T\n\n   a, b\x00c\n   "d\x00", e\n',
    expected: [
      '<document source="case.rst">',
      '    <target ids="a" names="a" refuri="jdoe@e">',
      '    <target ids="b" names="b" refuri="mailto:jdoe@ex">',
      '    <target ids="c" names="c" refuri="mailto:j.doe@ex.com">',
      '    <target ids="d" names="d" refuri="jdoe@ex.">',
      '    <target ids="e" names="e" refuri="mailto:a@b.com">',
      '    <target ids="f" names="f" refuri="mailto:x@y-z.org">',
      '    <target ids="g" names="g" refuri="mailto:x@y_z.org">',
      '    <table>',
      '        <title>',
      '            T',
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
      '                            bc',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            d',
      '                    <entry>',
      '                        <paragraph>',
      '                            e',
    ],
  },
  {
    name: 'directive and role option values are raw text without the NULs docutils drops from them',
    source: '.. image:: a.png\n   :alt: *x*\n\n.. image:: b.png\n   :alt: a `b` c\n\n.. image:: c.png\n   :alt: x\\\\y\n\n.. image:: d.png\n   :width: 1\x00\n   :alt: q\n.. role:: custom(literal)\n   :class: a\x00b\n\n:custom:`x`\n',
    expected: [
      '<document source="case.rst">',
      '    <image alt="*x*" uri="a.png">',
      '    <image alt="a `b` c" uri="b.png">',
      '    <image alt="x\\\\y" uri="c.png">',
      '    <image alt="q" uri="d.png" width="1">',
      '    <paragraph>',
      '        <literal classes="ab">',
      '            x',
    ],
  },
  {
    name: 'an indirect target, explicit or embedded, stands for its references as written when it cannot be resolved',
    source: '`<embedded alis with whitspace_>`_\nSee a_.\n\n.. _a: b_\n.. _b: c_\n\nAnd `x <y_>`_ and `z <q\\\\_>`__.\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        <problematic ids="problematic-2" refid="system-message-1">',
      '            `<embedded alis with whitspace_>`_',
      '        <problematic ids="problematic-1" names="embedded\\ alis\\ with\\ whitspace" refid="system-message-1">',
      '            <embedded alis with whitspace_>',
      '        ',
      '        See ',
      '        <reference name="a" refid="b">',
      '            a',
      '        .',
      '    <problematic ids="problematic-3 a" names="a" refid="system-message-2">',
      '        .. _a: b_',
      '    <target ids="b" names="b" refname="c">',
      '    <paragraph>',
      '        And ',
      '        <problematic ids="problematic-4" refid="system-message-4">',
      '            `x <y_>`_',
      '        <target names="x" refname="y">',
      '         and ',
      '        <reference name="z" refuri="q_">',
      '            z',
      '        .',
    ],
  },
  {
    name: 'a role option name loses its backslash escapes, as the inline text docutils reads it as',
    source: '.. role:: raw-x(raw)\n   :\\format: html\n\n:raw-x:`<b>x</b>`\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        <raw classes="raw-x" format="html" xml:space="preserve">',
      '            <b>x</b>',
    ],
  },
  {
    name: 'int() as Python reads it: every digit kept, and any script\'s decimal digits, also in runs of ten back to back',
    source: ':RFC:`12345678901234567890123`, :PEP:`\u0663\u0662`, :RFC:`\u{1d7d8}\u{1d7d9}\u{1d7da}\u{1d7db}\u{1d7dc}\u{1d7dd}\u{1d7de}\u{1d7df}\u{1d7e0}\u{1d7e1}\u{1d7ec}\u{1d7ed}`, :RFC:`\u0661_\u0662`.\n\n.. code-block:: python\n   :number-lines: \u0663\n\n   x = 1\n\n.. csv-table::\n   :header-rows: \u0661\n   :widths: \u0662 \u0663\n\n   a, b\n   c, d\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        <reference refuri="https://tools.ietf.org/html/rfc12345678901234567890123.html">',
      '            RFC 12345678901234567890123',
      '        , ',
      '        <reference refuri="https://peps.python.org/pep-0032">',
      '            PEP \u0663\u0662',
      '        , ',
      '        <reference refuri="https://tools.ietf.org/html/rfc12345678901.html">',
      '            RFC 12345678901',
      '        , ',
      '        <reference refuri="https://tools.ietf.org/html/rfc12.html">',
      '            RFC 12',
      '        .',
      '    <literal_block classes="code python" xml:space="preserve">',
      '        <inline classes="ln">',
      '            3 ',
      '        x = 1',
      '    <table classes="colwidths-given">',
      '        <tgroup cols="2">',
      '            <colspec colwidth="2">',
      '            <colspec colwidth="3">',
      '            <thead>',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            a',
      '                    <entry>',
      '                        <paragraph>',
      '                            b',
      '            <tbody>',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            c',
      '                    <entry>',
      '                        <paragraph>',
      '                            d',
    ],
  },
  {
    name: 'an element parsed before it is in the document (a block quote, a list item) gives what is appended to it no line: an unplaced class directive is reported where docutils\' reporter falls back to',
    source: 'Para.\n\n  .. class:: special\n\n- item\n\n  .. class:: other\n',
    expected: [
      '<document source="case.rst">',
      '    <paragraph>',
      '        Para.',
      '    <block_quote>',
      '    <bullet_list bullet="-" classes="special">',
      '        <list_item>',
      '            <paragraph>',
      '                item',
      '            <system_message level="3" line="True" source="case.rst" type="ERROR">',
      '                <paragraph>',
      '                    No suitable element following "class" directive',
      '                <literal_block xml:space="preserve">',
      '                    .. class:: other',
    ],
  },
  {
    name: 'a CSV table\'s cells count their lines from the cell\'s start, as docutils\' StringList of the cell does',
    source: '.. csv-table::\n\n   a, "b\n\n   .. Foo:: x\n\n   .. Bar:: y"\n   c, "- list\n\n     .. class:: z"\n',
    expected: [
      '<document source="case.rst">',
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
      '                                No directive entry for "Foo" in module "docutils.parsers.rst.languages.en".',
      '                                Trying "Foo" as canonical directive name.',
      '                        <system_message level="3" line="5" source="case.rst" type="ERROR">',
      '                            <paragraph>',
      '                                Unknown directive type "Foo".',
      '                            <literal_block xml:space="preserve">',
      '                                .. Foo:: x',
      '                        <system_message level="1" line="5" source="case.rst" type="INFO">',
      '                            <paragraph>',
      '                                No directive entry for "Bar" in module "docutils.parsers.rst.languages.en".',
      '                                Trying "Bar" as canonical directive name.',
      '                        <system_message level="3" line="7" source="case.rst" type="ERROR">',
      '                            <paragraph>',
      '                                Unknown directive type "Bar".',
      '                            <literal_block xml:space="preserve">',
      '                                .. Bar:: y',
      '                <row>',
      '                    <entry>',
      '                        <paragraph>',
      '                            c',
      '                    <entry>',
      '                        <bullet_list bullet="-">',
      '                            <list_item>',
      '                                <paragraph>',
      '                                    list',
      '                                <system_message level="3" line="True" source="case.rst" type="ERROR">',
      '                                    <paragraph>',
      '                                        No suitable element following "class" directive',
      '                                    <literal_block xml:space="preserve">',
      '                                        .. class:: z',
    ],
  },
];

describe('pseudo-XML as docutils prints it', () => {
  for (const { name, source, expected } of CASES) {
    it(name, () => {
      expect(pxmlLines(source)).toEqual(expected);
    });
  }
});

describe('messages about meta fields', () => {
  const source = 'Para.\n\n.. meta::\n   :keywords: a, b\n   :empty:\n\n   :bad x: y\n\n\nNext.\n';
  const parsed = parse(source, { sourceName: 'case.rst', mode: 'publish', fileInsertionEnabled: false });

  it('have the line docutils gives them: the one its parser is on, after the directive and its blank lines', () => {
    const lines = pformat(parsed.document)
      .split('\n')
      .filter((line) => line.includes('<system_message'));
    expect(lines).toEqual([
      '    <system_message level="1" line="9" source="case.rst" type="INFO">',
      '    <system_message level="3" line="9" source="case.rst" type="ERROR">',
    ]);
  });

  it('are reported at the field they are about', () => {
    expect(parsed.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['rst/no-content-for-meta-tag', 5],
      ['rst/error-parsing-meta-tag-attribute', 7],
    ]);
  });
});
