/**
 * Roles made by the `role` directive (docutils' `CustomRole`): a base role
 * with options and content fixed at definition time.
 */

import { normalizedRoleOptions } from './options.js';
import type { Role } from './types.js';

export function createCustomRole(base: Role, options: Record<string, unknown>, content: string[]): Role {
  return {
    ...(base.optionSpec ? { optionSpec: base.optionSpec } : {}),
    ...(base.hasContent !== undefined ? { hasContent: base.hasContent } : {}),
    run(call) {
      const merged = { ...normalizedRoleOptions(options), ...call.options };
      const delimiter = content.length > 0 && call.content.length > 0 ? ['\n'] : [];
      return base.run({ ...call, options: merged, content: [...content, ...delimiter, ...call.content] });
    },
  };
}
