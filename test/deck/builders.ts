/**
 * Doctrees in the shape docutils' publish mode gives them, built by hand
 * so that split and layout can be tested without the parser.
 */

import { element, text, type Element, type Node } from '../../src/rst/nodes.js';

let nextLine = 1;

/** Gives nodes increasing source lines, so diagnostics can be checked. */
function lined(node: Element, line?: number): Element {
  node.line = line ?? nextLine++;
  return node;
}

export function doc(...children: Node[]): Element {
  nextLine = 1;
  return element('document', { source: 'deck.rst' }, children);
}

export function transition(marker = '----', line?: number): Element {
  const node = lined(element('transition'), line);
  node.rawsource = marker;
  return node;
}

export function para(value: string | Node[], line?: number): Element {
  return lined(element('paragraph', {}, typeof value === 'string' ? [text(value)] : value), line);
}

export function section(title: string, ...children: Node[]): Element {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return lined(element('section', { ids: [id], names: [title.toLowerCase()] }, [element('title', {}, [text(title)]), ...children]));
}

export function fieldList(...fields: [string, string | Element[]][]): Element {
  return lined(
    element(
      'field_list',
      {},
      fields.map(([name, value]) =>
        element('field', {}, [
          element('field_name', {}, [text(name)]),
          element('field_body', {}, typeof value === 'string' ? [para(value)] : value),
        ]),
      ),
    ),
  );
}

export function bulletList(classes: string[], ...items: string[]): Element {
  const attributes: Element['attributes'] = { bullet: '*' };
  if (classes.length) attributes['classes'] = classes;
  return lined(element('bullet_list', attributes, items.map((item) => element('list_item', {}, [para(item)]))));
}

export function note(...children: Node[]): Element {
  return lined(element('note', {}, children));
}

export function comment(value: string): Element {
  return lined(element('comment', { 'xml:space': 'preserve' }, [text(value)]));
}
