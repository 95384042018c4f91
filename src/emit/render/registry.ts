/**
 * The render registry: one rule per docutils node type, keyed by name.
 *
 * Typed as `Record<NodeType, RenderRule>`: a type added to `NODE_TYPES`
 * (rule.ts) does not compile until one of the rule files handles it. A
 * type that is not in the list (a node some later transform invents)
 * renders its children, so its text is never lost.
 */

import { unescape } from '../../rst/names.js';
import { isText, listAttribute, type Element, type Node } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';
import { admonitionRules } from './admonitions.js';
import { bodyRules } from './body.js';
import type { RenderContext } from './context.js';
import { docinfoRules } from './docinfo.js';
import { footnoteRules } from './footnotes.js';
import { imageRules } from './images.js';
import { inlineRules } from './inline.js';
import { listRules } from './lists.js';
import { mathRules } from './math.js';
import type { NodeType, RenderRule } from './rule.js';
import { structureRules } from './structure.js';
import { tableRules } from './tables.js';

export const RULES: Record<NodeType, RenderRule> = {
  ...structureRules,
  ...bodyRules,
  ...inlineRules,
  ...listRules,
  ...tableRules,
  ...imageRules,
  ...admonitionRules,
  ...footnoteRules,
  ...docinfoRules,
  ...mathRules,
};

function ruleFor(type: string): RenderRule | undefined {
  return Object.hasOwn(RULES, type) ? RULES[type as NodeType] : undefined;
}

/** Renders one node: text escaped (docutils' NUL escapes removed), elements through their rule. */
export function renderNode(node: Node, ctx: RenderContext): string {
  if (isText(node)) return escapeHtml(unescape(node.value));
  const rule = ruleFor(node.type);
  if (rule) return rule(node, ctx);
  // Unknown node: keep its content; its ids still anchor links.
  const content = ctx.children(node);
  return listAttribute(node, 'ids').length > 0 ? `${anchorsFor(node, ctx)}${content}` : content;
}

function anchorsFor(node: Element, ctx: RenderContext): string {
  return ctx.claimIds(node).map((id) => `<span id="${escapeHtml(id)}"></span>`).join('');
}

export function renderChildren(node: Element, ctx: RenderContext): string {
  ctx.ancestors.push(node);
  try {
    return node.children.map((child) => renderNode(child, ctx)).join('');
  } finally {
    ctx.ancestors.pop();
  }
}
