/**
 * references.Footnotes: numbers auto-numbered footnotes (`[#]`, `[#name]`)
 * skipping numbers already used as names, gives `[*]` footnotes their
 * symbols (*, †, ‡ … doubled once they run out), and links every footnote
 * and citation with its references both ways (`refid` / `backrefs`).
 * References beyond the available footnotes become problematic.
 */

import { element, listAttribute, text, type Element } from '../nodes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

/** From the Chicago Manual of Style, then card suits. */
const SYMBOLS = ['*', '\u2020', '\u2021', '\u00a7', '\u00b6', '#', '\u2660', '\u2665', '\u2666', '\u2663'];

function addBackref(note: Element, id: string): void {
  note.attributes.backrefs = [...listAttribute(note, 'backrefs'), id];
}

/** Labels a reference and links it with its footnote (or citation). */
function link(context: TransformContext, ref: Element, note: Element, label: string | undefined, noteRefid = true): void {
  if (label !== undefined) context.tree.append(ref, text(label));
  delete ref.attributes.refname;
  ref.attributes.refid = listAttribute(note, 'ids')[0]!;
  if (noteRefid) context.document.noteRefid(ref);
  const refId = listAttribute(ref, 'ids')[0];
  if (refId !== undefined) addBackref(note, refId);
  context.resolved.add(ref);
}

/** Numbers `[#]` and `[#name]` footnotes; returns the labels of the unnamed ones. */
function numberFootnotes(context: TransformContext, counter: { next: number }): string[] {
  const { document } = context;
  const unnamed: string[] = [];
  for (const footnote of document.autofootnotes) {
    let label: string;
    do label = String(counter.next++);
    while (document.nameids.has(label));
    context.tree.insert(footnote, 0, [element('label', {}, [text(label)])]);
    for (const name of listAttribute(footnote, 'names')) {
      for (const ref of document.footnoteRefs.get(name) ?? []) link(context, ref, footnote, label);
    }
    if (listAttribute(footnote, 'names').length === 0 && listAttribute(footnote, 'dupnames').length === 0) {
      footnote.attributes.names = [label];
      document.noteExplicitTarget(footnote, footnote);
      unnamed.push(label);
    }
  }
  return unnamed;
}

/** Every reference from `from` on that is still open becomes problematic, pointing at `msg`. */
function tooMany(context: TransformContext, refs: Element[], from: number, msg: Element, skip: (ref: Element) => boolean): void {
  context.document.setId(msg);
  for (const ref of refs.slice(from)) {
    if (context.resolved.has(ref) || skip(ref)) continue;
    context.replaceWithProblematic(ref, msg);
  }
}

function numberReferences(context: TransformContext, labels: string[]): void {
  const { document } = context;
  const refs = document.autofootnoteRefs;
  let i = 0;
  for (const ref of refs) {
    if (context.resolved.has(ref) || 'refid' in ref.attributes) continue;
    const label = labels[i];
    if (label === undefined) {
      const msg = context.report(
        3,
        `Too many autonumbered footnote references: only ${labels.length} corresponding footnotes available.`,
        { baseNode: ref },
      );
      tooMany(context, refs, i, msg, (r) => 'refname' in r.attributes);
      return;
    }
    // Unlike the other links, this keeps a `refname` the reference may
    // have (a `[#name]_` whose footnote does not exist takes a number too).
    const id = document.nameids.get(label) ?? '';
    context.tree.append(ref, text(label));
    ref.attributes.refid = id;
    document.noteRefid(ref);
    const footnote = document.ids.get(id);
    const refId = listAttribute(ref, 'ids')[0];
    if (footnote && refId !== undefined) addBackref(footnote, refId);
    context.resolved.add(ref);
    i += 1;
  }
}

function symbolize(context: TransformContext, symbolStart: { next: number }): void {
  const { document } = context;
  const labels: string[] = [];
  for (const footnote of document.symbolFootnotes) {
    const reps = Math.floor(symbolStart.next / SYMBOLS.length);
    const label = SYMBOLS[symbolStart.next % SYMBOLS.length]!.repeat(reps + 1);
    labels.push(label);
    context.tree.insert(footnote, 0, [element('label', {}, [text(label)])]);
    symbolStart.next += 1;
    document.setId(footnote);
  }
  const refs = document.symbolFootnoteRefs;
  for (const [i, ref] of refs.entries()) {
    if (i === labels.length) {
      const msg = context.report(
        3,
        `Too many symbol footnote references: only ${labels.length} corresponding footnotes available.`,
        { baseNode: ref },
      );
      tooMany(context, refs, i, msg, (r) => 'refid' in r.attributes);
      return;
    }
    context.tree.append(ref, text(labels[i]!));
    const footnote = document.symbolFootnotes[i]!;
    ref.attributes.refid = listAttribute(footnote, 'ids')[0]!;
    document.noteRefid(ref);
    const refId = listAttribute(ref, 'ids')[0];
    if (refId !== undefined) addBackref(footnote, refId);
  }
}

/** Manually labelled footnotes and citations with their references. */
function resolveLabelled(context: TransformContext): void {
  const { document } = context;
  const resolve = (notes: Element[], refsByLabel: Map<string, Element[]>) => {
    for (const note of notes) {
      for (const label of listAttribute(note, 'names')) {
        for (const ref of refsByLabel.get(label) ?? []) {
          if (!context.resolved.has(ref)) link(context, ref, note, undefined, false);
        }
      }
    }
  };
  resolve(document.footnotes, document.footnoteRefs);
  resolve(document.citations, document.citationRefs);
}

export const footnotes: Transform = {
  name: 'docutils.transforms.references.Footnotes',
  priority: 620,
  apply(context) {
    // docutils' `autofootnote_start` and `symbol_footnote_start`.
    const labels = numberFootnotes(context, { next: 1 });
    numberReferences(context, labels);
    symbolize(context, { next: 0 });
    resolveLabelled(context);
  },
};
