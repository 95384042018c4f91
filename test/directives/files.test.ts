/**
 * Directives that read files through the host: include, raw :file:,
 * csv-table :file:. Paths resolve against the deck's folder ("slides").
 */
import { describe, expect, it } from 'vitest';
import { fakeState, message, run, xml } from './helpers.js';

const files = {
  'slides/code.py': 'def f():\n\treturn 1\n',
  'slides/part.rst': 'Intro\n.. start\nKept line\n.. end\nTail\n',
  'slides/data.csv': 'a,b\n"c, d",e\n',
};

describe('include', () => {
  it('splices the file into the input, marking where it ends', () => {
    const fake = fakeState({ files });
    expect(run('.. include:: part.rst', fake).nodes).toEqual([]);
    expect(fake.inserted).toEqual([
      {
        lines: ['Intro', '.. start', 'Kept line', '.. end', 'Tail', '', '.. end of inclusion from "slides/part.rst"'],
        source: 'slides/part.rst',
      },
    ]);
    expect(fake.document.includeStack).toEqual(['slides/test.rst', 'slides/part.rst']);
  });

  it('clips by marker text and by line numbers', () => {
    const byText = fakeState({ files });
    run('.. include:: part.rst\n   :start-after: .. start\n   :end-before: .. end', byText);
    expect(byText.inserted[0]!.lines.slice(0, 2)).toEqual(['', 'Kept line']);
    const byLine = fakeState({ files });
    run('.. include:: part.rst\n   :start-line: 1\n   :end-line: -1', byLine);
    expect(byLine.inserted[0]!.lines.slice(0, 3)).toEqual(['.. start', 'Kept line', '.. end']);
    expect(message('.. include:: part.rst\n   :start-after: nowhere', fakeState({ files }))).toBe(
      'Problem with "start-after" option of "include" directive:\nText not found.',
    );
  });

  it('includes a file as a numbered literal block or as code', () => {
    expect(xml('.. include:: code.py\n   :literal:\n   :number-lines: 9', fakeState({ files }))).toBe(
      [
        '<literal_block source="slides/code.py" xml:space="preserve">',
        '    <inline classes="ln">',
        '         9 ',
        '    def f():',
        '    <inline classes="ln">',
        '        10 ',
        '            return 1',
        '',
      ].join('\n'),
    );
    expect(xml('.. include:: code.py\n   :code: python\n   :tab-width: 4', fakeState({ files }))).toBe(
      '<literal_block classes="code python" source="slides/code.py" xml:space="preserve">\n    def f():\n        return 1\n',
    );
  });

  it('refuses an inclusion cycle, listing the chain', () => {
    const fake = fakeState({ files });
    run('.. include:: part.rst', fake);
    // Still inside part.rst: its end-of-inclusion line has not been reached.
    expect(message('.. include:: part.rst', fake)).toBe(
      'circular inclusion in "include" directive:\nslides/part.rst\n> slides/part.rst\n> slides/test.rst',
    );
    // The same file clipped differently is another inclusion, as in docutils.
    run('.. include:: part.rst\n   :start-line: 2', fake);
    expect(fake.inserted).toHaveLength(2);
  });

  it('reports a missing file and a disabled directive as docutils does', () => {
    const missing = run('.. include:: missing.rst', fakeState({ files })).nodes[0] as { attributes: Record<string, unknown> };
    expect(missing.attributes.level).toBe(4);
    expect(message('.. include:: missing.rst', fakeState({ files }))).toBe(
      `Problems with "include" directive path:\nInputError: [Errno 2] No such file or directory: 'slides/missing.rst'.`,
    );
    expect(message('.. include:: part.rst', fakeState({ files, fileInsertionEnabled: false }))).toBe(
      '"include" directive disabled.',
    );
  });
});

describe('raw and csv-table from files', () => {
  it('reads raw output from a file next to the deck', () => {
    expect(xml('.. raw:: html\n   :file: code.py', fakeState({ files }))).toBe(
      '<raw format="html" source="slides/code.py" xml:space="preserve">\n    def f():\n    \treturn 1\n',
    );
    expect(message('.. raw:: html\n   :file: code.py', fakeState({ files, fileInsertionEnabled: false }))).toBe(
      '"raw" directive disabled.',
    );
  });

  it('builds a table from a CSV file', () => {
    const out = xml('.. csv-table:: From file\n   :file: data.csv\n   :header-rows: 1', fakeState({ files }));
    expect(out).toContain('<thead>\n            <row>\n                <entry>\n                    <paragraph>\n                        a\n');
    expect(out).toContain('<paragraph>\n                        c, d\n');
    expect(message('.. csv-table::\n   :file: data.csv', fakeState({ files, fileInsertionEnabled: false }))).toBe(
      'File and URL access deactivated; ignoring "csv-table" directive.',
    );
  });
});
