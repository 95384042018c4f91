/**
 * universal.Messages and universal.FilterMessages, which a real writer
 * adds (Hovercraft's XML writer does; docutils' null writer, used for the
 * conformance corpus, does not):
 *
 * - Messages: the messages transforms reported without placing them in
 *   the tree go into a closing "Docutils System Messages" section.
 * - FilterMessages: messages below `report_level` leave the tree, and the
 *   problematic nodes pointing at them turn back into their text.
 */

import { element, text, textContent } from '../nodes.js';
import type { Transform } from './types.js';

export const messages: Transform = {
  name: 'docutils.transforms.universal.Messages',
  priority: 860,
  apply(context) {
    const unplaced = context.messages.filter((msg) => context.tree.parent(msg) === undefined);
    if (unplaced.length === 0) return;
    const section = element('section', { classes: ['system-messages'] }, [
      element('title', {}, [text('Docutils System Messages')]),
      ...unplaced,
    ]);
    context.messages.length = 0;
    context.tree.append(context.root, section);
  },
};

export const filterMessages: Transform = {
  name: 'docutils.transforms.universal.FilterMessages',
  priority: 870,
  apply(context) {
    const { tree, document } = context;
    for (const node of tree.all('system_message')) {
      if (Number(node.attributes.level) >= context.settings.reportLevel) continue;
      tree.remove(node);
      const id = (node.attributes.ids as string[] | undefined)?.[0];
      if (id !== undefined) document.ids.delete(id);
    }
    for (const node of tree.all('problematic')) {
      if (!document.ids.has(String(node.attributes.refid))) tree.replace(node, [text(textContent(node))]);
    }
    for (const section of tree.all('section')) {
      const classes = section.attributes.classes;
      if (Array.isArray(classes) && classes.includes('system-messages') && section.children.length === 1) tree.remove(section);
    }
  },
};
