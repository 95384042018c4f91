/**
 * How a directive block is split into arguments, options and content, and
 * how every malformed block is reported (docutils' `run_directive`).
 * The test directive echoes what it received.
 */
import { describe, expect, it } from 'vitest';
import { fakeState, message, run, xml } from './helpers.js';

describe('directive block splitting', () => {
  it('separates argument, options and content', () => {
    expect(message('.. restructuredtext-test-directive:: an argument\n   :option: value\n\n   Content line.')).toBe(
      `Directive processed. Type="restructuredtext-test-directive", arguments=['an argument'], options={'option': 'value'}, content:`,
    );
    expect(xml('.. restructuredtext-test-directive::\n\n   Content line.\n   Second.')).toContain(
      '<literal_block xml:space="preserve">\n        Content line.\n        Second.\n',
    );
  });

  it('keeps multi-line option values with their continuation lines', () => {
    expect(message('.. restructuredtext-test-directive::\n   :option: first\n      second')).toContain(
      `options={'option': 'first\\nsecond'}`,
    );
  });

  it('reads options given on the directive line itself', () => {
    expect(message('.. restructuredtext-test-directive:: :option: inline')).toContain(
      `arguments=[], options={'option': 'inline'}, content: None`,
    );
  });

  it('matches names case-insensitively and reports the name as written', () => {
    expect(message('.. reStructuredText-Test-Directive::')).toContain('Type="reStructuredText-Test-Directive"');
  });

  it('accepts the English aliases of `code`', () => {
    for (const name of ['code-block', 'sourcecode', 'Code']) {
      expect(xml(`.. ${name}:: python\n\n   print(1)`)).toBe(
        '<literal_block classes="code python" xml:space="preserve">\n    print(1)\n',
      );
    }
  });
});

describe('directive errors', () => {
  it('reports an unknown directive with docutils INFO and ERROR messages', () => {
    const out = xml('.. no-such-thing:: arg\n   block');
    expect(out).toBe(
      [
        '<system_message level="1" line="1" source="test.rst" type="INFO">',
        '    <paragraph>',
        '        No directive entry for "no-such-thing" in module "docutils.parsers.rst.languages.en".',
        '        Trying "no-such-thing" as canonical directive name.',
        '<system_message level="3" line="1" source="test.rst" type="ERROR">',
        '    <paragraph>',
        '        Unknown directive type "no-such-thing".',
        '    <literal_block xml:space="preserve">',
        '        .. no-such-thing:: arg',
        '           block',
        '',
      ].join('\n'),
    );
  });

  it('rejects a line in the option block that is no field', () => {
    expect(message('.. image:: a.png\n   :width: 10px\n   stray')).toBe('Error in "image" directive:\ninvalid option block.');
  });

  it('names unknown and duplicate options', () => {
    expect(message('.. image:: a.png\n   :sale: 10')).toBe('Error in "image" directive:\nunknown option: "sale".');
    expect(message('.. image:: a.png\n   :scale: 10\n   :scale: 20')).toBe(
      'Error in "image" directive:\ninvalid option data: duplicate option "scale".',
    );
    expect(message('.. image:: a.png\n   :two words: 10')).toBe(
      'Error in "image" directive:\ninvalid option data: extension option field name may not contain multiple words.',
    );
  });

  it('quotes the converter message with the option value', () => {
    expect(message('.. contents::\n   :depth: two')).toBe(
      `Error in "contents" directive:\ninvalid option value: (option: "depth"; value: 'two')\ninvalid literal for int() with base 10: 'two'.`,
    );
    expect(message('.. image:: a.png\n   :scale:')).toBe(
      `Error in "image" directive:\ninvalid option value: (option: "scale"; value: None)\nint() argument must be a string, a bytes-like object or a real number, not 'NoneType'.`,
    );
  });

  it('counts arguments', () => {
    expect(message('.. image::')).toBe('Error in "image" directive:\n1 argument(s) required, 0 supplied.');
    expect(message('.. code:: python extra')).toBe('Error in "code" directive:\nmaximum 1 argument(s) allowed, 2 supplied.');
  });

  it('refuses content where none is allowed', () => {
    expect(message('.. image:: a.png\n\n   content')).toBe('Error in "image" directive:\nno content permitted.');
  });

  it('turns a directive error into a message with the block quoted', () => {
    const out = xml('.. note::');
    expect(out).toContain('Content block expected for the "note" directive; none found.');
    expect(out).toContain('<literal_block xml:space="preserve">\n        .. note::\n');
  });
});

describe('directive context', () => {
  it('presets `alt` with the substitution name', () => {
    const fake = fakeState({ substitutionName: 'logo' });
    expect(xml('.. image:: logo.png', fake)).toBe('<image alt="logo" uri="logo.png">\n');
  });

  it('lets the final argument keep its white space', () => {
    expect(xml('.. admonition:: And, by the way...\n\n   You can make up your own.')).toContain(
      '<admonition classes="admonition-and-by-the-way">\n    <title>\n        And, by the way...\n',
    );
  });

  it('hands the content to the nested parse without the arguments and options', () => {
    const { fake, nodes } = run('.. note:: first line\n   :class: x\n\n   second paragraph');
    expect(fake.nestedCalls).toEqual([['first line', '', 'second paragraph']]);
    expect((nodes[0] as { attributes: Record<string, unknown> }).attributes.classes).toEqual(['x']);
    const admonition = run('.. admonition:: Title\n   :class: x\n\n   body');
    expect(admonition.fake.nestedCalls).toEqual([['body']]);
  });
});
