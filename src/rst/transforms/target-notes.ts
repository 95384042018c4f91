/**
 * references.TargetNotes (the `target-notes` directive): one footnote per
 * external URI that is referenced, in place of the directive, and after
 * each such reference a footnote reference to it (numbered later by the
 * Footnotes transform).
 */

import { element, listAttribute, text, type Element, type Node } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

interface Notes {
  context: TransformContext;
  classes: string[];
  /** URI → its footnote. */
  byUri: Map<string, Element>;
  list: Element[];
}

function createFootnote(context: TransformContext, refuri: string): Element {
  const { document } = context;
  const footnote = element('footnote');
  const id = document.setId(footnote);
  // Upper case and a colon: a name the parser can never produce.
  footnote.attributes.auto = 1;
  footnote.attributes.names = [`TARGET_NOTE: ${id}`];
  footnote.children.push(element('paragraph', {}, [element('reference', { refuri }, [text(refuri)])]));
  document.noteAutofootnote(footnote);
  document.noteExplicitTarget(footnote, footnote);
  return footnote;
}

function noteFor(notes: Notes, refuri: string, refs: Element[]): void {
  const { context } = notes;
  let footnote = notes.byUri.get(refuri);
  if (!footnote) {
    footnote = createFootnote(context, refuri);
    notes.byUri.set(refuri, footnote);
    notes.list.push(footnote);
  }
  const footnoteName = listAttribute(footnote, 'names')[0]!;
  for (const ref of refs) {
    if (ref.type === 'target') continue;
    const parent = context.tree.parent(ref);
    if (!parent) continue;
    const refnode = element('footnote_reference', { auto: 1, refname: footnoteName });
    if (notes.classes.length > 0) refnode.attributes.classes = [...notes.classes];
    context.document.noteAutofootnoteRef(refnode);
    context.document.noteFootnoteRef(refnode);
    const space: Node = notes.classes.length > 0 ? element('inline', { classes: [...notes.classes] }, [text(' ')]) : text(' ');
    context.tree.insert(parent, parent.children.indexOf(ref) + 1, [space, refnode]);
  }
}

export const targetNotes: Transform = {
  name: 'docutils.transforms.references.TargetNotes',
  priority: 540,
  apply(context, pending) {
    if (!pending) return;
    const details = pending.pending?.details ?? {};
    const classes = Array.isArray(details.class) ? (details.class as string[]) : [];
    const notes: Notes = { context, classes, byUri: new Map(), list: [] };
    for (const target of context.tree.findall('target')) {
      if (!('refuri' in target.attributes)) continue;
      const refs = listAttribute(target, 'names').flatMap((name) => context.document.refnames.get(name) ?? []);
      if (refs.length > 0) noteFor(notes, String(target.attributes.refuri), refs);
    }
    for (const ref of context.tree.findall('reference')) {
      if (ref.attributes.anonymous && 'refuri' in ref.attributes) noteFor(notes, String(ref.attributes.refuri), [ref]);
    }
    context.tree.replaceSelf(pending, notes.list);
  },
};
