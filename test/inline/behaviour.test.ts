/** Inline parser and roles: behaviour a document author sees. */

import { describe, expect, it } from 'vitest';
import { RstDocument } from '../../src/rst/document.js';
import { parseInline } from '../../src/rst/inline/index.js';
import { element, isElement, textContent, type Element, type Point } from '../../src/rst/nodes.js';
import { pformat } from '../../src/rst/pformat.js';
import { lookupRole, setDefaultRole } from '../../src/rst/roles/registry.js';

function inline(source: string, document = new RstDocument('t.rst'), pointAt?: (i: number) => Point) {
  const context = pointAt ? { document, parent: document.root, pointAt } : { document, parent: document.root };
  return { document, ...parseInline(source, 3, context) };
}

describe('parseInline', () => {
  it('places inline elements at their source columns', () => {
    const pointAt = (i: number): Point => ({ line: 3, column: i + 5, offset: 100 + i });
    const { nodes } = inline('see *this* now', undefined, pointAt);
    const emphasis = nodes.find((node) => node.type === 'emphasis') as Element;
    expect(emphasis.position?.start).toEqual({ line: 3, column: 9, offset: 104 });
    expect(emphasis.position?.end).toEqual({ line: 3, column: 15, offset: 110 });
  });

  it('links standalone URIs and e-mail addresses but not unknown schemes', () => {
    const uris = (source: string): string[] =>
      inline(source).nodes.filter(isElement).map((node) => String(node.attributes.refuri));
    expect(uris('go to https://example.org/a?b=1#c, or write to me@example.org.')).toEqual([
      'https://example.org/a?b=1#c',
      'mailto:me@example.org',
    ]);
    expect(uris('note:this https://example.org')).toEqual([]);
  });

  it('reports a start-string without end-string with a linked problematic node', () => {
    const { nodes, messages } = inline('an *unclosed emphasis');
    const problematic = nodes.find((node) => node.type === 'problematic') as Element;
    expect(messages).toHaveLength(1);
    expect(textContent(messages[0]!)).toBe('Inline emphasis start-string without end-string.');
    expect(messages[0]!.attributes.line).toBe(3);
    expect(problematic.attributes.refid).toEqual((messages[0]!.attributes.ids as string[])[0]);
    expect(messages[0]!.attributes.backrefs).toEqual(problematic.attributes.ids);
  });

  it('keeps backslash escapes out of the printed text', () => {
    const { document, nodes } = inline('\\*not emphasis\\* and ``lit\\eral``');
    const paragraph = element('paragraph', {}, nodes);
    document.root.children.push(paragraph);
    expect(pformat(paragraph)).toBe('<paragraph>\n    *not emphasis* and \n    <literal>\n        lit\\eral\n');
  });

  it('turns an embedded alias into an indirect target', () => {
    const { nodes, document } = inline('`the docs <docs_>`_');
    const [reference, target] = nodes as Element[];
    expect(reference!.attributes.refname).toBe('docs');
    expect(target!.attributes).toEqual({ refname: 'docs', names: ['the docs'] });
    expect(document.indirectTargets).toContain(target);
  });
});

describe('roles', () => {
  it('explains an unknown role before reporting it', () => {
    const { messages } = inline(':frobnicate:`x`');
    expect(messages.map((m) => [m.attributes.type, textContent(m)])).toEqual([
      [
        'INFO',
        'No role entry for "frobnicate" in module "docutils.parsers.rst.languages.en".\n' +
          'Trying "frobnicate" as canonical role name.',
      ],
      ['ERROR', 'Unknown interpreted text role "frobnicate".'],
    ]);
  });

  it('resolves English aliases and the default role', () => {
    const { nodes } = inline(':sub:`2` :t:`Title` `plain`');
    expect(nodes.filter(isElement).map((node) => node.type)).toEqual([
      'subscript',
      'title_reference',
      'title_reference',
    ]);
  });

  it('keeps a default role set by one document out of another', () => {
    const first = new RstDocument('a.rst');
    setDefaultRole(first, lookupRole(first, 'strong', 1).role);
    expect(inline('`x`', first).nodes[0]!.type).toBe('strong');
    expect(inline('`x`').nodes[0]!.type).toBe('title_reference');
  });

  it('links PEPs and RFCs and rejects bad numbers', () => {
    const { nodes, messages } = inline(':PEP:`8` :RFC:`2822#section-3` :pep:`99999`');
    const refs = nodes.filter(isElement);
    expect(refs[0]!.attributes.refuri).toBe('https://peps.python.org/pep-0008');
    expect(textContent(refs[1]!)).toBe('RFC 2822');
    expect(refs[1]!.attributes.refuri).toBe('https://tools.ietf.org/html/rfc2822.html#section-3');
    expect(textContent(messages[0]!)).toBe('PEP number must be a number from 0 to 9999; "99999" is invalid.');
  });
});
