/**
 * The role contract, after docutils' role functions
 * (`role_fn(name, rawtext, text, lineno, inliner, options, content)`).
 * A role is a plain object registered by name in `./registry.ts`.
 */

import type { RstDocument } from '../document.js';
import type { OptionConverter } from '../directives/types.js';
import type { Element, Node } from '../nodes.js';

/** What a role may use of the inline parser that met it (docutils' `inliner`). */
export interface RoleInliner {
  document: RstDocument;
  /** The element the role's nodes will be appended to. */
  parent: Element;
  /** docutils `Inliner.problematic`: a `problematic` node linked both ways to `message`. */
  problematic(text: string, rawsource: string, message: Element): Element;
}

export interface RoleCall {
  /** The role name as written in the document (docutils' `name`). */
  name: string;
  /** The whole construct, backslashes restored (`:role:`text``). */
  rawtext: string;
  /** The interpreted text, backslash escapes as NULs. */
  text: string;
  lineno: number;
  inliner: RoleInliner;
  /** Options from a `role` directive, `class` already renamed to `classes`. */
  options: Record<string, unknown>;
  content: string[];
}

export interface RoleResult {
  nodes: Node[];
  /** system_message elements, placed after the paragraph. */
  messages: Element[];
}

export interface Role {
  /**
   * Options the `role` directive accepts for a role based on this one.
   * Every role accepts `class` (docutils' `set_implicit_options`).
   */
  optionSpec?: Record<string, OptionConverter>;
  /** Whether the `role` directive may give this role content. */
  hasContent?: boolean;
  run(call: RoleCall): RoleResult;
}
