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
 * `=`, `>`, `<`, control characters, noncharacters, and half of a
 * surrogate pair, which no UTF-8 page can hold): a name with one would
 * break the tag it is in.
 */
const BAD_ATTRIBUTE_NAME = /[\s"'\/=<>\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]|^$/u;

/** Whether `name` can be written as an attribute name. */
export function isAttributeName(name: string): boolean {
  return !BAD_ATTRIBUTE_NAME.test(name);
}

/**
 * ` name="value"` pairs, escaped, skipping undefined values and names HTML
 * cannot hold (`.. meta::` takes any word as an attribute name).
 */
export function formatAttributes(attributes: AttributeList): string {
  let out = '';
  for (const [name, value] of attributes) out += formatAttribute(name, value);
  return out;
}

/** One ` name="value"` pair as `formatAttributes` writes it ('' when left out). */
export function formatAttribute(name: string, value: string | undefined): string {
  return value !== undefined && isAttributeName(name) ? ` ${name}="${escapeHtml(value)}"` : '';
}

const NO_VALUES: readonly string[] = Object.freeze([]);

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
  const ids = node ? ctx.claimIds(node) : NO_VALUES;
  const nodeClasses = node && !options.omitNodeClasses ? listAttribute(node, 'classes') : NO_VALUES;
  const ruleClasses = options.classes ?? NO_VALUES;
  const classes = nodeClasses.length + ruleClasses.length > 0 ? unique([...ruleClasses, ...nodeClasses]) : NO_VALUES;
  let tag = '';
  for (let i = 1; i < ids.length; i++) tag += `<span id="${escapeHtml(ids[i]!)}"></span>`;
  tag += `<${name}`;
  if (ids.length > 0) tag += ` id="${escapeHtml(ids[0]!)}"`;
  if (classes.length > 0) tag += ` class="${escapeHtml(classes.join(' '))}"`;
  if (options.attributes) tag += formatAttributes(options.attributes);
  return `${tag}>`;
}

/** Where `flattened` stores its number: a result nobody used, an optimising compiler could drop with the call. */
const flattenSink = { value: 0 };

/**
 * `html` as one string in memory rather than the tree of pieces it was
 * concatenated from (V8 flattens a string it converts to a number). A
 * step's pieces then die young, where the page would have kept them all
 * until it is written: on a large deck, copying them out of the young
 * generation was a fifth of emit's time (5,000 steps: 21 → 13 ms of
 * garbage collection, 2-3% of the build). The string is the same either way.
 */
export function flattened(html: string): string {
  flattenSink.value = Number(html);
  return html;
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
