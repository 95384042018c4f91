/**
 * references.Substitutions: every `|name|` is replaced by a copy of the
 * content of its `.. |name| …` definition (exact name first, then
 * case-insensitively). Definitions may use other substitutions; a cycle
 * is an error. `ltrim`/`rtrim`/`trim` definitions eat the white space
 * beside the reference.
 */

import { element, isText, text, textContent, type Element, type Node } from '../nodes.js';
import { unescape } from '../names.js';
import { pyLstrip, pyRstrip } from '../py-space.js';
import { deepCopy } from './copy.js';
import { isReferential } from './node-classes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

/** docutils' `line_length_limit`: a longer expansion is refused (guards against expansion bombs). */
const LINE_LENGTH_LIMIT = 10000;

interface Expansion {
  context: TransformContext;
  /** Definition name → the definitions that used it (cycle detection). */
  nested: Map<string, string[]>;
  /** Nested reference → the reference whose expansion brought it in. */
  origin: WeakMap<Element, Element>;
  queue: Element[];
}

function definitionKey(context: TransformContext, refname: string): string | undefined {
  const { document } = context;
  if (document.substitutionDefs.has(refname)) return refname;
  return document.substitutionNames.get(refname.toLowerCase());
}

/** The error for a reference that cannot be expanded, if any. */
function refusal(context: TransformContext, ref: Element, refname: string, key: string | undefined): Element | undefined {
  if (key === undefined) {
    return context.report(3, `Undefined substitution referenced: "${refname}".`, { baseNode: ref });
  }
  const definition = context.document.substitutionDefs.get(key)!;
  if (unescape(textContent(definition)).length > LINE_LENGTH_LIMIT) {
    return context.report(3, `Substitution definition "${key}" exceeds the line-length-limit.`);
  }
  return undefined;
}

function trimAround(context: TransformContext, ref: Element, definition: Element): void {
  const parent = context.tree.parent(ref)!;
  const index = parent.children.indexOf(ref);
  const has = (key: string) => key in definition.attributes;
  const before = parent.children[index - 1];
  if ((has('ltrim') || has('trim')) && before && isText(before)) {
    parent.children[index - 1] = text(pyRstrip(before.value));
  }
  const after = parent.children[index + 1];
  if ((has('rtrim') || has('trim')) && after && isText(after)) {
    parent.children[index + 1] = text(pyLstrip(after.value));
  }
}

/** Queues the references inside a copied definition; false on a cycle. */
function queueNested(expansion: Expansion, copy: Element, ref: Element, key: string): boolean {
  const { context, nested } = expansion;
  for (const nestedRef of context.tree.findall('substitution_reference', copy)) {
    const nestedName = context.document.substitutionNames.get(String(nestedRef.attributes.refname).toLowerCase());
    // An undefined name is reported when the queued reference comes up.
    if (nestedName !== undefined) {
      const users = nested.get(nestedName) ?? [];
      nested.set(nestedName, users);
      if (users.includes(nestedName)) return false;
      users.push(key);
    }
    expansion.origin.set(nestedRef, ref);
    expansion.queue.push(nestedRef);
  }
  return true;
}

function reportCycle(expansion: Expansion, ref: Element, refname: string): void {
  const { context } = expansion;
  const parent = context.tree.parent(ref);
  if (parent?.type === 'substitution_definition') {
    const raw = context.rawsource(parent);
    const msg = context.report(3, 'Circular substitution definition detected:', {
      baseNode: parent,
      children: [element('literal_block', { 'xml:space': 'preserve' }, raw ? [text(raw)] : [])],
    });
    context.tree.replaceSelf(parent, msg);
    return;
  }
  let origin = ref;
  while (expansion.origin.has(origin)) origin = expansion.origin.get(origin)!;
  const msg = context.report(3, `Circular substitution definition referenced: "${refname}".`, { baseNode: origin });
  context.replaceWithProblematic(ref, msg);
}

function expand(expansion: Expansion, ref: Element): void {
  const { context } = expansion;
  if (!context.tree.parent(ref)) return;
  const refname = String(ref.attributes.refname ?? '');
  const key = definitionKey(context, refname);
  const msg = refusal(context, ref, refname, key);
  if (msg) {
    context.replaceWithProblematic(ref, msg);
    return;
  }
  const definition = context.document.substitutionDefs.get(key!)!;
  trimAround(context, ref, definition);
  const copy = deepCopy(definition);
  if (!queueNested(expansion, copy, ref, key!)) {
    reportCycle(expansion, ref, refname);
    return;
  }
  const replacement: Node[] = [...copy.children];
  context.tree.replaceSelf(ref, replacement);
  // References brought in by the expansion resolve like any other.
  for (const node of replacement) {
    if (!isText(node) && isReferential(node) && 'refname' in node.attributes) context.document.noteRefname(node);
  }
}

export const substitutions: Transform = {
  name: 'docutils.transforms.references.Substitutions',
  priority: 220,
  apply(context) {
    const expansion: Expansion = { context, nested: new Map(), origin: new WeakMap(), queue: [] };
    expansion.queue.push(...context.tree.all('substitution_reference'));
    // The queue grows while it is worked through (nested references).
    for (let i = 0; i < expansion.queue.length; i++) expand(expansion, expansion.queue[i]!);
  },
};
