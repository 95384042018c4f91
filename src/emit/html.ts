/**
 * Building tags: every attribute value is escaped here, ids come from
 * `ctx.claimIds` (so none repeats), and `classes` from the doctree are
 * appended after the classes a rule adds.
 */

import { listAttribute, type Element } from '../rst/nodes.js';
import { escapeHtml } from './escape.js';
import type { RenderContext } from './render/context.js';

export type AttributeList = [name: string, value: string | undefined][];

export interface TagOptions {
  /** Classes the rule adds, written before the node's own `classes`. */
  classes?: string[];
  /** Further attributes; undefined values are left out. */
  attributes?: AttributeList;
  /** Leave the node's `classes` off (when the rule uses them otherwise). */
  omitNodeClasses?: boolean;
}

/**
 * Characters no HTML attribute name may hold (white space, quotes, `/`,
 * `=`, `>`, `<`, control characters, noncharacters): a name with one
 * would break the tag it is in.
 */
const BAD_ATTRIBUTE_NAME = /[\s"'\/=<>\u0000-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|^$/u;

/** Whether `name` can be written as an attribute name. */
export function isAttributeName(name: string): boolean {
  return !BAD_ATTRIBUTE_NAME.test(name);
}

/**
 * ` name="value"` pairs, escaped, skipping undefined values and names HTML
 * cannot hold (`.. meta::` takes any word as an attribute name).
 */
export function formatAttributes(attributes: AttributeList): string {
  return attributes
    .filter((pair): pair is [string, string] => pair[1] !== undefined && isAttributeName(pair[0]))
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

/** Distinct values in first-seen order (classes listed twice stay once). */
export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/**
 * The opening tag for `node`: `<name id="…" class="…" …>`. A node with
 * several ids gets empty `<span id>` anchors before the tag for the extra
 * ones, as docutils' HTML writer does, so every reference still lands.
 */
export function openTag(name: string, node: Element | undefined, ctx: RenderContext, options: TagOptions = {}): string {
  const ids = node ? ctx.claimIds(node) : [];
  const nodeClasses = node && !options.omitNodeClasses ? listAttribute(node, 'classes') : [];
  const classes = unique([...(options.classes ?? []), ...nodeClasses]);
  const attributes: AttributeList = [
    ['id', ids[0]],
    ['class', classes.length > 0 ? classes.join(' ') : undefined],
    ...(options.attributes ?? []),
  ];
  const anchors = ids.slice(1).map((id) => `<span id="${escapeHtml(id)}"></span>`).join('');
  return `${anchors}<${name}${formatAttributes(attributes)}>`;
}

/** `open + content + </name>`: the common case of a rule. */
export function wrap(name: string, node: Element, ctx: RenderContext, content: string, options: TagOptions = {}): string {
  return `${openTag(name, node, ctx, options)}${content}</${name}>`;
}

/** A string attribute of a node, or undefined when absent or empty. */
export function stringAttribute(node: Element, key: string): string | undefined {
  const value = node.attributes[key];
  if (value === undefined || value === false || value === '') return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}
