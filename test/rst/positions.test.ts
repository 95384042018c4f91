/**
 * Every node the parser builds from the source carries a position that
 * points back into the file (line, column, offset), so diagnostics and
 * tools can find what the speaker wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { isText, type Element, type Node } from '../../src/rst/nodes.js';
import { REPO } from '../shared.js';

function find(node: Node, type: string): Element[] {
  if (isText(node)) return [];
  const here = node.type === type ? [node] : [];
  return [...here, ...node.children.flatMap((c) => find(c, type))];
}

function unpositioned(node: Node, out: string[] = []): string[] {
  if (!node.position && node.type !== 'document') out.push(node.type);
  if (!isText(node)) for (const child of node.children) unpositioned(child, out);
  return out;
}

describe('source positions', () => {
  const source = 'Title\n=====\n\nSome *emphasis* here\nand more.\n\n* one\n* two\n\nPara.\n\n   quoted\n';
  const { document } = parse(source, { sourceName: 'p.rst' });

  it('places block elements on their lines', () => {
    const [paragraph] = find(document, 'paragraph');
    expect(paragraph!.position!.start).toEqual({ line: 4, column: 1, offset: source.indexOf('Some') });
    expect(paragraph!.position!.end.line).toBe(5);
    const [list] = find(document, 'bullet_list');
    expect(list!.position!.start.line).toBe(7);
    expect(list!.position!.end.line).toBe(8);
    const [quote] = find(document, 'block_quote');
    expect(quote!.position!.start).toEqual({ line: 12, column: 4, offset: source.indexOf('quoted') });
  });

  it('places inline markup at its characters', () => {
    const [emphasis] = find(document, 'emphasis');
    const { start, end } = emphasis!.position!;
    expect(source.slice(start.offset, end.offset)).toBe('*emphasis*');
    expect(start.line).toBe(4);
    expect(start.column).toBe(6);
  });

  it('gives every node of the seed deck a position', () => {
    const seed = fs.readFileSync(path.join(REPO, 'slides', 'containers.rst'), 'utf8');
    const tree = parse(seed, { sourceName: 'containers.rst' }).document;
    expect(unpositioned(tree)).toEqual([]);
    for (const block of find(tree, 'literal_block')) {
      const line = seed.split('\n')[block.position!.start.line - 1]!;
      expect(line.trim().length).toBeGreaterThan(0);
    }
  });
});
