/**
 * The transformer: what `docutils.core.publish_doctree()` does after
 * parsing. Transforms run in priority order (docutils' `default_priority`,
 * lower first; ties in the order they were added: the directives' pending
 * nodes first, in document order, then the standard list). Each edits the
 * tree in place through a shared context.
 *
 * Pending nodes name their transform by docutils' dotted class name;
 * PENDING is that registry. A pending node naming a transform we lack
 * stays in the tree, as it prints in parse mode.
 */

import type { RstDocument } from '../document.js';
import type { Element } from '../nodes.js';
import { anonymousHyperlinks } from './anonymous-hyperlinks.js';
import { classAttribute } from './class-attribute.js';
import { contents } from './contents.js';
import { TransformContext } from './context.js';
import { danglingReferences } from './dangling-references.js';
import { docInfo } from './doc-info.js';
import { externalTargets } from './external-targets.js';
import { footnotes } from './footnotes.js';
import { indirectHyperlinks } from './indirect-hyperlinks.js';
import { internalTargets } from './internal-targets.js';
import { filterMessages, messages } from './messages.js';
import { propagateTargets } from './propagate-targets.js';
import { sectNum } from './sectnum.js';
import { substitutions } from './substitutions.js';
import { targetNotes } from './target-notes.js';
import { docTitle, sectionSubTitle } from './title-promotion.js';
import { transitions } from './transitions.js';
import type { Transform, TransformSettings } from './types.js';
import { exposeInternals, stripComments } from './universal.js';

export { HOVERCRAFT_SETTINGS, PUBLISH_SETTINGS, type TransformSettings } from './types.js';

/** Transforms that directives ask for through `pending` nodes. */
const PENDING: ReadonlyMap<string, Transform> = new Map(
  [classAttribute, contents, sectNum, targetNotes].map((transform) => [transform.name, transform]),
);

/**
 * The standard transforms, in the order docutils' components add them:
 * the standalone reader (with its base reader's), then a writer's.
 */
function standardTransforms(settings: TransformSettings): Transform[] {
  const reader = [
    exposeInternals,
    stripComments,
    substitutions,
    propagateTargets,
    docTitle,
    sectionSubTitle,
    docInfo,
    anonymousHyperlinks,
    indirectHyperlinks,
    footnotes,
    externalTargets,
    internalTargets,
    danglingReferences,
    // Hovercraft's reader swaps this for its own transition rules.
    ...(settings.transitions ? [transitions] : []),
  ];
  const writer = settings.writerMessages ? [messages, filterMessages] : [];
  return [...reader, ...writer];
}

interface Scheduled {
  transform: Transform;
  serial: number;
  pending?: Element;
}

/** Applies docutils' publish-time transforms to a parsed document. */
export function applyTransforms(document: RstDocument, settings: TransformSettings, source: string): void {
  const context = new TransformContext(document, settings, source);
  const queue: Scheduled[] = [];
  for (const pending of document.pending) {
    const transform = pending.pending && PENDING.get(pending.pending.transform);
    if (transform) queue.push({ transform, pending, serial: queue.length });
  }
  for (const transform of standardTransforms(settings)) queue.push({ transform, serial: queue.length });
  queue.sort((a, b) => a.transform.priority - b.transform.priority || a.serial - b.serial);
  for (const { transform, pending } of queue) transform.apply(context, pending);
}
