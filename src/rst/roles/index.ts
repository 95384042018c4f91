/** Interpreted text roles: the registry and the directives that change it. */

export { lookupRole, registerLocalRole, setDefaultRole, DEFAULT_INTERPRETED_ROLE } from './registry.js';
export { roleDirectives } from './directives.js';
export type { Role, RoleCall, RoleInliner, RoleResult } from './types.js';
