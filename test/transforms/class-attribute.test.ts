/**
 * The `class` directive without content (misc.ClassAttribute): its classes
 * land on the next element, as the seed deck relies on for `.. class:: lie`
 * (a paragraph) and `.. class:: strikethrough` (a literal block).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAttribute, textContent, walkElements, type Element } from '../../src/rst/nodes.js';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';
import { REPO } from '../shared.js';

const SEED = fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8');

function publish(source: string, hovercraft = false): Element {
  return parse(source, { sourceName: 'test.rst', mode: 'publish', hovercraft }).document;
}

function find(root: Element, type: string, content: string): Element {
  const found = [...walkElements(root)].find((node) => node.type === type && textContent(node).trim() === content);
  if (!found) throw new Error(`no ${type} "${content}"`);
  return found;
}

describe.each([false, true])('class directive on the seed deck (hovercraft: %s)', (hovercraft) => {
  const document = publish(SEED, hovercraft);

  it('puts "lie" on the paragraph after it', () => {
    expect(listAttribute(find(document, 'paragraph', 'Lie'), 'classes')).toEqual(['lie']);
  });

  it('puts "strikethrough" on the first literal block after it only', () => {
    expect(listAttribute(find(document, 'literal_block', 'docker run ubuntu bash'), 'classes')).toEqual(['strikethrough']);
    const next = [...walkElements(document)].find(
      (node) => node.type === 'literal_block' && textContent(node).startsWith('docker run -it --rm \\'),
    );
    expect(next && listAttribute(next, 'classes')).toEqual([]);
  });

  it('leaves no pending node behind', () => {
    expect([...walkElements(document)].filter((node) => node.type === 'pending')).toEqual([]);
  });
});

describe('class directive placement', () => {
  it('skips comments and targets before the element', () => {
    const document = publish('.. class:: special\n\n.. a comment\n\n.. _label:\n\nText.\n');
    expect(listAttribute(find(document, 'paragraph', 'Text.'), 'classes')).toEqual(['special']);
  });

  it('climbs out of a section that ends with it onto the next section', () => {
    const document = publish('One\n===\n\nText.\n\n.. class:: next\n\nTwo\n===\n\nMore.\n');
    const sections = [...walkElements(document)].filter((node) => node.type === 'section');
    expect(sections.map((section) => listAttribute(section, 'classes'))).toEqual([[], ['next']]);
  });

  it('reports a class directive with nothing after it, quoting the directive', () => {
    const tree = pformat(publish('Text.\n\n.. class:: orphan\n'));
    expect(tree).toContain('<system_message level="3" line="3" source="test.rst" type="ERROR">');
    expect(tree).toContain('No suitable element following "class" directive');
    expect(tree).toContain('.. class:: orphan');
    expect(tree).not.toContain('<pending>');
  });

  it('keeps the pending node in parse mode', () => {
    const { document } = parse('.. class:: later\n\nText.\n', { sourceName: 'test.rst', mode: 'parse' });
    expect(pformat(document)).toContain('docutils.transforms.misc.ClassAttribute');
  });
});
