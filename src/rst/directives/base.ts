/**
 * What docutils' `Directive` base class gives every directive: the error
 * shortcuts (`self.error(...)` raising a DirectiveError), `assert_has_content`,
 * `add_name`, plus `roles.set_classes` and the literal blocks that quote a
 * directive in its error messages.
 */

import { element, text, type Element } from '../nodes.js';
import { fullyNormalizeName } from '../names.js';
import { DirectiveError, type DirectiveCall, type OptionConverter } from './types.js';
import { classOption, unchanged } from './options.js';

/** docutils' FixedTextElement nodes print `xml:space="preserve"`. */
export function literalBlock(value: string, attributes: Element['attributes'] = {}): Element {
  return element('literal_block', { ...attributes, 'xml:space': 'preserve' }, value === '' ? [] : [text(value)]);
}

export function directiveError(message: string): DirectiveError {
  return new DirectiveError(3, message);
}

export function directiveWarning(message: string): DirectiveError {
  return new DirectiveError(2, message);
}

export function directiveSevere(message: string): DirectiveError {
  return new DirectiveError(4, message);
}

/** docutils `assert_has_content`. */
export function assertHasContent(call: DirectiveCall): void {
  if (call.content.length === 0) {
    throw directiveError(`Content block expected for the "${call.name}" directive; none found.`);
  }
}

/**
 * docutils `add_name`: the `:name:` option becomes an explicit target name
 * of `node` (and is removed from the options).
 */
export function addName(call: DirectiveCall, node: Element): void {
  if (!('name' in call.options)) return;
  const name = fullyNormalizeName(String(call.options.name));
  delete call.options.name;
  delete node.attributes.name;
  node.attributes.names = [...((node.attributes.names as string[] | undefined) ?? []), name];
  call.state.document.noteExplicitTarget(node, node);
}

/** `roles.set_classes`: the `class` option is stored as `classes`. */
export function setClasses(options: Record<string, unknown>): void {
  if ('class' in options) {
    options.classes = options.class;
    delete options.class;
  }
}

/** The options most body directives take. */
export const CLASS_AND_NAME: Record<string, OptionConverter> = {
  class: classOption,
  name: unchanged,
};

/** Copies option values onto node attributes, as `Node(rawsource, **options)` does. */
export function optionAttributes(options: Record<string, unknown>): Element['attributes'] {
  const attributes: Element['attributes'] = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    // docutils prints a None attribute as a boolean one: key="True".
    if (value === null) attributes[key] = true;
    else if (Array.isArray(value)) attributes[key] = value.map(String);
    else if (typeof value === 'number' || typeof value === 'boolean') attributes[key] = value;
    else attributes[key] = String(value);
  }
  return attributes;
}

/** The class list an option holds (`class_option` result) or none. */
export function classList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** A generic container for nested parsing (docutils' anonymous `nodes.Element()`). */
export function scratch(): Element {
  return element('element');
}
