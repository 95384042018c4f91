/**
 * Substeps on lists, as Hovercraft's SlideMaker handles them: a bullet or
 * enumerated list with the class `substep` (`.. class:: substep`) loses
 * the class, and every list item inside it, nested lists included, gets
 * it instead, so impress.js reveals the items one by one.
 *
 * Hovercraft tests the class string for the *substring* "substep" and
 * removes every occurrence of it, so "substeps" or "no-substep" count too
 * (and are mangled); this is kept, as decks rely on Hovercraft's output.
 */

import { listAttribute, type Element } from '../rst/nodes.js';

function classString(node: Element): string {
  return listAttribute(node, 'classes').join(' ');
}

function setClassString(node: Element, value: string): void {
  node.attributes['classes'] = value.split(/\s+/).filter((cls) => cls !== '');
}

/** At the start of a list: a `substep` list hands the class to its items. */
export function enterList(node: Element, open: Element[]): void {
  const classes = classString(node);
  if (!classes.includes('substep')) return;
  open.push(node);
  setClassString(node, classes.replaceAll('substep', '').trim());
}

export function leaveList(node: Element, open: Element[]): void {
  const index = open.indexOf(node);
  if (index !== -1) open.splice(index, 1);
}

/** A list item inside any open substep list becomes a substep. */
export function markListItem(node: Element, open: Element[]): void {
  if (open.length === 0) return;
  const classes = classString(node);
  if (!classes.includes('substep')) setClassString(node, `${classes} substep`.trim());
}
