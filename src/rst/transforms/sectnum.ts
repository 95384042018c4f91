/**
 * parts.SectNum (the `sectnum` directive): numbers section titles
 * ("1.2.", with the directive's prefix, suffix, start and depth) by
 * inserting a `generated` node, and marks the titles `auto`.
 */

import { element, text, type Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

interface Numbering {
  depth: number;
  start: number;
  prefix: string;
  suffix: string;
}

function numberSections(context: TransformContext, node: Element, numbering: Numbering, prefix: string[], depth: number): void {
  let number = prefix.length > 0 ? 1 : numbering.start;
  for (const child of node.children) {
    if (child.type !== 'section') continue;
    const section = child as Element;
    const numbers = [...prefix, String(number)];
    const title = section.children[0] as Element | undefined;
    if (title && title.type !== 'text') {
      const label = `${numbering.prefix}${numbers.join('.')}${numbering.suffix}${'\u00a0'.repeat(3)}`;
      context.tree.insert(title, 0, [element('generated', { classes: ['sectnum'] }, [text(label)])]);
      title.attributes.auto = 1;
    }
    if (depth + 1 < numbering.depth) numberSections(context, section, numbering, numbers, depth + 1);
    number += 1;
  }
}

export const sectNum: Transform = {
  name: 'docutils.transforms.parts.SectNum',
  priority: 710,
  apply(context, pending) {
    if (!pending) return;
    const details = pending.pending?.details ?? {};
    context.tree.remove(pending);
    // Without sectnum_xform docutils leaves the numbering to the writer.
    if (!context.settings.sectnumXform) return;
    const numbering: Numbering = {
      depth: typeof details.depth === 'number' ? details.depth : Infinity,
      start: typeof details.start === 'number' ? details.start : 1,
      prefix: typeof details.prefix === 'string' ? details.prefix : '',
      suffix: typeof details.suffix === 'string' ? details.suffix : '',
    };
    numberSections(context, context.root, numbering, [], 0);
  },
};
