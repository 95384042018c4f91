/**
 * Option converters the standard roles declare (docutils
 * `directives.class_option` and `directives.unchanged`), and docutils'
 * `normalized_role_options`.
 */

import { OptionError, type OptionConverter } from '../directives/types.js';
import { makeId } from '../names.js';
import { pySplit } from '../py-space.js';

/** A list of ID-compatible class names. */
export const classOption: OptionConverter = (value) => {
  if (value === null) throw new OptionError('argument required but none supplied');
  return pySplit(value).map((name) => {
    const className = makeId(name);
    if (!className) throw new OptionError(`cannot make "${name}" into a class name`);
    return className;
  });
};

/** The text as given, or the empty string. */
export const unchanged: OptionConverter = (value) => value ?? '';

/** `normalized_role_options`: copies the options, renaming `class` to `classes`. */
export function normalizedRoleOptions(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(options ?? {}) };
  if ('class' in result) {
    result.classes = result.class;
    delete result.class;
  }
  return result;
}
