/**
 * Bullet, enumerated, definition, field and option lists.
 */

import { isElement, listAttribute, type Element } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';
import { openTag, stringAttribute, wrap } from '../html.js';
import { isInvisible, type RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

const LIST_TYPES = new Set(['bullet_list', 'enumerated_list']);

/**
 * docutils' "simple list" test: every item holds at most one paragraph,
 * optionally followed by one nested simple list. Such lists render without
 * paragraph tags in their items (class `simple`).
 */
export function isSimpleList(list: Element): boolean {
  const classes = listAttribute(list, 'classes');
  if (classes.includes('compact')) return true;
  if (classes.includes('open')) return false;
  return list.children.filter(isElement).every((item) => {
    const parts = item.children.filter(isElement).filter((child) => !isInvisible(child));
    if (parts.length === 0) return true;
    if (parts.length === 1) return parts[0]!.type === 'paragraph' || (LIST_TYPES.has(parts[0]!.type) && isSimpleList(parts[0]!));
    return parts.length === 2 && parts[0]!.type === 'paragraph' && LIST_TYPES.has(parts[1]!.type) && isSimpleList(parts[1]!);
  });
}

/** Renders list items with `ctx.compactList` set for this list only. */
function items(node: Element, ctx: RenderContext, compact: boolean): string {
  const saved = ctx.compactList;
  ctx.compactList = compact;
  try {
    return ctx.children(node);
  } finally {
    ctx.compactList = saved;
  }
}

function bulletList(node: Element, ctx: RenderContext): string {
  const compact = isSimpleList(node);
  return `${wrap('ul', node, ctx, `\n${items(node, ctx, compact)}`, { classes: compact ? ['simple'] : [] })}\n`;
}

const ENUM_TYPES: Record<string, string> = {
  arabic: '1',
  loweralpha: 'a',
  upperalpha: 'A',
  lowerroman: 'i',
  upperroman: 'I',
};

function enumeratedList(node: Element, ctx: RenderContext): string {
  const compact = isSimpleList(node);
  const enumtype = stringAttribute(node, 'enumtype');
  const start = stringAttribute(node, 'start');
  const classes = [enumtype ?? 'arabic', ...(compact ? ['simple'] : [])];
  return `${wrap('ol', node, ctx, `\n${items(node, ctx, compact)}`, {
    classes,
    attributes: [
      ['type', enumtype ? ENUM_TYPES[enumtype] : undefined],
      ['start', start !== undefined && start !== '1' ? start : undefined],
    ],
  })}\n`;
}

function listItem(node: Element, ctx: RenderContext): string {
  return `${wrap('li', node, ctx, ctx.children(node))}\n`;
}

function block(tag: string, classes: string[] = []): RenderRule {
  return (node, ctx) => `${wrap(tag, node, ctx, `\n${ctx.children(node)}`, { classes })}\n`;
}

/** A definition list item is a `<dt>` (term and classifiers) followed by its `<dd>`: no wrapper of its own. */
function definitionListItem(node: Element, ctx: RenderContext): string {
  const parts = node.children.filter(isElement);
  const head = parts.filter((part) => part.type === 'term' || part.type === 'classifier');
  const rest = parts.filter((part) => !head.includes(part));
  const open = openTag('dt', node, ctx);
  const saved = ctx.ancestors.length;
  ctx.ancestors.push(node);
  const term = head.map((part) => ctx.render(part)).join('');
  const body = rest.map((part) => ctx.render(part)).join('');
  ctx.ancestors.length = saved;
  return `${open}${term}</dt>\n${body}`;
}

function hasMarkup(node: Element): boolean {
  return listAttribute(node, 'ids').length > 0 || listAttribute(node, 'classes').length > 0;
}

function classifier(node: Element, ctx: RenderContext): string {
  return ` <span class="classifier-delimiter">:</span> ${wrap('span', node, ctx, ctx.children(node), { classes: ['classifier'] })}`;
}

/** Options show as keyboard input: `-o FILE, --output=FILE`. */
function optionGroup(node: Element, ctx: RenderContext): string {
  const options = node.children.filter(isElement).map((option) => ctx.render(option));
  return `<dt>${wrap('kbd', node, ctx, options.join(', '))}</dt>\n`;
}

function optionArgument(node: Element, ctx: RenderContext): string {
  const delimiter = stringAttribute(node, 'delimiter') ?? ' ';
  return `${escapeHtml(delimiter)}${wrap('var', node, ctx, ctx.children(node))}`;
}

export const listRules = {
  bullet_list: bulletList,
  enumerated_list: enumeratedList,
  list_item: listItem,
  definition_list: block('dl'),
  definition_list_item: (node, ctx) => definitionListItem(node, ctx),
  term: (node, ctx) => (hasMarkup(node) ? wrap('span', node, ctx, ctx.children(node)) : ctx.children(node)),
  classifier,
  definition: block('dd'),
  field_list: block('dl', ['field-list']),
  field: (node, ctx) => ctx.children(node),
  field_name: (node, ctx) => `${wrap('dt', node, ctx, ctx.children(node))}\n`,
  field_body: block('dd'),
  option_list: block('dl', ['option-list']),
  option_list_item: (node, ctx) => ctx.children(node),
  option_group: optionGroup,
  option: (node, ctx) => wrap('span', node, ctx, ctx.children(node), { classes: ['option'] }),
  option_string: (node, ctx) => ctx.children(node),
  option_argument: optionArgument,
  description: block('dd'),
} satisfies Partial<Record<NodeType, RenderRule>>;
