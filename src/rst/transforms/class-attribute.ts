/**
 * misc.ClassAttribute: the `class` directive's classes land on the next
 * element that is neither invisible (comment, target …) nor a system
 * message, looking past the end of the enclosing sections and containers.
 */

import { element, listAttribute, text, type Element } from '../nodes.js';
import { SOURCE_LINE_BREAK } from '../source-lines.js';
import { isBlank, leadingSpace, pyRstrip } from '../py-space.js';
import { isInvisible } from './node-classes.js';
import type { Transform } from './types.js';
import type { TransformContext } from './context.js';

function followingElement(context: TransformContext, pending: Element): Element | undefined {
  let child: Element = pending;
  let parent = context.tree.parent(pending);
  while (parent) {
    const siblings = parent.children.slice(parent.children.indexOf(child) + 1);
    for (const sibling of siblings) {
      if (sibling.type === 'text') continue;
      const candidate = sibling as Element;
      if (isInvisible(candidate) || candidate.type === 'system_message') continue;
      return candidate;
    }
    child = parent;
    parent = context.tree.parent(parent);
  }
  return undefined;
}

/**
 * The directive's block text, for nodes that do not carry it: its first
 * line and the lines indented under it, without the block's indentation.
 */
function directiveBlock(source: string, line: number | undefined): string {
  if (line === undefined) return '';
  const lines = source.split(SOURCE_LINE_BREAK);
  const first = lines[line - 1] ?? '';
  const indent = leadingSpace(first);
  const block = [first.slice(indent)];
  for (const next of lines.slice(line)) {
    const nextIndent = leadingSpace(next);
    if (!isBlank(next) && nextIndent <= indent) break;
    block.push(pyRstrip(next.slice(Math.min(indent, nextIndent))));
  }
  while (block.length > 1 && block[block.length - 1] === '') block.pop();
  return block.join('\n');
}

export const classAttribute: Transform = {
  name: 'docutils.transforms.misc.ClassAttribute',
  priority: 210,
  apply(context, pending) {
    // A pending node outside the document was dropped with the content
    // around it (a figure whose caption was refused): nothing to class.
    if (!pending || !context.tree.parent(pending)) return;
    const details = pending.pending?.details ?? {};
    const classes = Array.isArray(details.class) ? (details.class as string[]) : [];
    const target = followingElement(context, pending);
    if (target) {
      target.attributes.classes = [...listAttribute(target, 'classes'), ...classes];
      context.tree.remove(pending);
      return;
    }
    const raw = pending.rawsource ?? directiveBlock(context.source, pending.line);
    const error = context.report(3, `No suitable element following "${String(details.directive)}" directive`, {
      // docutils passes `pending.line`, None where the directive sat in an
      // element not yet in the document (a block quote, a list item).
      line: pending.line ?? null,
      // docutils' reporter reads the line as an absolute one, or has none; the author is sent to the directive.
      ...context.authorPlace(pending),
      children: [element('literal_block', { 'xml:space': 'preserve' }, raw ? [text(raw)] : [])],
    });
    context.tree.replaceSelf(pending, error);
  },
};
