/**
 * Roles that wrap the interpreted text in one element (docutils'
 * `GenericRole`: emphasis, strong, literal, subscript, title-reference ...)
 * and the base of custom roles without a base role (`generic_custom_role`).
 */

import { element, text, type AttributeValue } from '../nodes.js';
import { classOption, normalizedRoleOptions } from './options.js';
import type { Role } from './types.js';

/** Role options become attributes of the element, as docutils' `**options`. */
export function optionAttributes(options: Record<string, unknown>): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(options)) {
    if (Array.isArray(value)) attributes[key] = value.map(String);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      attributes[key] = value;
    } else if (value !== null && value !== undefined) attributes[key] = String(value);
  }
  return attributes;
}

export function createGenericRole(nodeType: string): Role {
  return {
    optionSpec: { class: classOption },
    run({ text: value, options }) {
      const attributes = optionAttributes(normalizedRoleOptions(options));
      return { nodes: [element(nodeType, attributes, [text(value)])], messages: [] };
    },
  };
}

/** The base of a `role` directive's role when it names no base role. */
export const genericCustomRole: Role = createGenericRole('inline');
