/**
 * Bibliographic fields (`:author:`, `:date:` ... promoted into `docinfo`).
 * Hovercraft keeps them out of the slides; when a tree still holds them
 * (e.g. inside a step) they render as docutils' definition list.
 */

import type { Element } from '../../rst/nodes.js';
import { wrap } from '../html.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

/** docutils' English labels (docutils/languages/en.py). */
const LABELS = {
  author: 'Author',
  authors: 'Authors',
  organization: 'Organization',
  address: 'Address',
  contact: 'Contact',
  version: 'Version',
  revision: 'Revision',
  status: 'Status',
  date: 'Date',
  copyright: 'Copyright',
} as const;

function item(kind: keyof typeof LABELS): RenderRule {
  return (node: Element, ctx: RenderContext) => {
    const content = kind === 'authors' ? authorList(node, ctx) : ctx.children(node);
    const tag = kind === 'address' ? 'pre' : 'span';
    return `<dt class="${kind}">${LABELS[kind]}</dt>\n<dd class="${kind}">${wrap(tag, node, ctx, content)}</dd>\n`;
  };
}

/** `authors` holds one `author` per name; inside it they are a comma list, not separate fields. */
function authorList(node: Element, ctx: RenderContext): string {
  ctx.ancestors.push(node);
  const names = node.children.map((child) => ('children' in child ? ctx.children(child) : ctx.render(child)));
  ctx.ancestors.pop();
  return names.join(', ');
}

export const docinfoRules = {
  docinfo: (node, ctx) => `${wrap('dl', node, ctx, `\n${ctx.children(node)}`, { classes: ['docinfo'] })}\n`,
  author: item('author'),
  authors: item('authors'),
  organization: item('organization'),
  address: item('address'),
  contact: item('contact'),
  version: item('version'),
  revision: item('revision'),
  status: item('status'),
  date: item('date'),
  copyright: item('copyright'),
} satisfies Partial<Record<NodeType, RenderRule>>;
