/**
 * Reference resolution in publish mode, as a reader of the output sees it:
 * links point at their targets, footnotes get numbers, unresolvable
 * references turn into problematic markup with a diagnostic on their line.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';

function publish(source: string) {
  const { document, diagnostics } = parse(source, { sourceName: 'doc.rst', mode: 'publish' });
  return { tree: pformat(document), diagnostics };
}

describe('publish-mode references', () => {
  it('resolves named, indirect and anonymous hyperlinks', () => {
    const { tree } = publish('See site_, alias_ and this__.\n\n.. _site: https://example.org\n.. _alias: site_\n\n__ https://example.com\n');
    expect(tree).toContain('<reference name="site" refuri="https://example.org">');
    expect(tree).toContain('<reference name="alias" refuri="https://example.org">');
    expect(tree).toContain('<reference anonymous="1" name="this" refuri="https://example.com">');
  });

  it('links a reference to a section title by id', () => {
    const { tree } = publish('Intro\n=====\n\nBack to Intro_.\n');
    expect(tree).toContain('<reference name="Intro" refid="intro">');
  });

  it('moves an internal target onto the next element', () => {
    const { tree } = publish('.. _here:\n\nParagraph.\n\nGo here_.\n');
    expect(tree).toContain('<target refid="here">\n    <paragraph ids="here" names="here">');
  });

  it('numbers auto-numbered and symbol footnotes and links them both ways', () => {
    const { tree } = publish('Notes [#]_ and [*]_.\n\n.. [#] First.\n.. [*] Starred.\n');
    expect(tree).toContain('<footnote_reference auto="1" ids="footnote-reference-1" refid="footnote-1">\n            1\n');
    expect(tree).toContain('<footnote auto="1" backrefs="footnote-reference-1" ids="footnote-1" names="1">\n        <label>\n            1\n');
    expect(tree).toContain('<footnote_reference auto="*" ids="footnote-reference-2" refid="footnote-2">\n            *\n');
  });

  it('turns an unknown target name into problematic markup and reports it on its line', () => {
    const { tree, diagnostics } = publish('First line.\n\nA link to nowhere_.\n');
    expect(tree).toContain('<problematic ids="problematic-1" refid="system-message-1">\n            nowhere_\n');
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', message: 'Unknown target name: "nowhere".', line: 3 }),
    );
  });

  it('replaces substitutions, trimming where the definition asks', () => {
    const { tree } = publish('Copyright |c| 2024, |name|.\n\n.. |c| unicode:: 0xA9\n   :trim:\n.. |name| replace:: *Ann*\n');
    expect(tree).toContain('Copyright\n        ©\n        2024, \n        <emphasis>\n            Ann\n');
  });

  it('builds a numbered table of contents', () => {
    const { tree } = publish('.. sectnum::\n.. contents::\n\nOne\n===\n\nTwo\n===\n');
    expect(tree).toContain('<bullet_list classes="auto-toc">');
    expect(tree).toContain('<reference ids="toc-entry-1" refid="one">\n                        <generated classes="sectnum">');
    expect(tree).toContain('<title auto="1" refid="toc-entry-1">');
  });
});
