/** A table host whose nested parse records what each cell received. */
import { RstDocument } from '../../src/rst/document.js';
import { element, isText, text, type Element, type Node } from '../../src/rst/nodes.js';
import { StringList } from '../../src/rst/string-list.js';
import type { NestedParseOptions, TableHost } from '../../src/rst/tables/index.js';

export interface CellCall {
  lines: string[];
  /** 1-based source line of each cell line. */
  lines1: number[];
  /** 1-based source column where each cell line starts. */
  columns1: number[];
  inputOffset: number | undefined;
  node: Element;
}

export function fakeHost(options: Partial<Pick<TableHost, 'inputOffset' | 'filePoint' | 'messagePlace'>> = {}) {
  const document = new RstDocument('test.rst');
  const calls: CellCall[] = [];
  const host: TableHost = {
    document,
    ...options,
    nestedParse(content: StringList, node: Element, parseOptions?: NestedParseOptions) {
      calls.push({
        lines: [...content.lines],
        lines1: content.items.map((item) => item.offset + 1),
        columns1: content.items.map((item) => item.column + 1),
        inputOffset: parseOptions?.inputOffset,
        node,
      });
      node.children.push(element('paragraph', {}, [text(content.lines.join('\n'))]));
    },
  };
  return { host, document, calls };
}

/** The lines of `source` as a top-level input, numbered from line `firstLine`. */
export function input(source: string, firstLine = 1): StringList {
  return StringList.fromText(source.split('\n'), 'test.rst', firstLine - 1);
}

export function el(node: Node | undefined): Element {
  if (!node || isText(node)) throw new Error(`expected an element, got ${node?.type}`);
  return node;
}

export function childrenOfType(node: Element, type: string): Element[] {
  return node.children.filter((child): child is Element => child.type === type);
}

/** Rows of a tgroup's thead or tbody as arrays of entries. */
export function rowsOf(table: Element, part: 'thead' | 'tbody'): Element[][] {
  const tgroup = el(table.children[0]);
  const section = childrenOfType(tgroup, part)[0];
  if (!section) return [];
  return childrenOfType(section, 'row').map((row) => childrenOfType(row, 'entry'));
}

export function colwidths(table: Element): number[] {
  return childrenOfType(el(table.children[0]), 'colspec').map((c) => c.attributes.colwidth as number);
}

export function messageText(node: Node | undefined): string {
  const message = el(node);
  const paragraph = el(message.children[0]);
  const value = paragraph.children[0];
  return value && isText(value) ? value.value : '';
}
