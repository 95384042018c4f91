/**
 * Interpreted text roles by name (docutils `parsers/rst/roles.py`).
 *
 * Canonical roles are fixed; the English names and aliases map onto them
 * (`languages/en.py`). What docutils keeps in its module-level `_roles`
 * (roles looked up so far, roles made by the `role` directive, and the
 * default role under the name `""`) is kept per document here, so parsing
 * one document never changes another.
 *
 * To add a role: write its file, then add one line to CANONICAL_ROLES (and
 * its English names to ENGLISH_ROLE_NAMES).
 */

import type { RstDocument } from '../document.js';
import type { Element } from '../nodes.js';
import { codeRole } from './code.js';
import { createGenericRole } from './generic.js';
import { mathRole } from './math.js';
import { pepReferenceRole } from './pep-reference.js';
import { rawRole } from './raw.js';
import { rfcReferenceRole } from './rfc-reference.js';
import type { Role } from './types.js';
import { unimplementedRole } from './unimplemented.js';

/** The canonical name of the role used when interpreted text names none. */
export const DEFAULT_INTERPRETED_ROLE = 'title-reference';

/** docutils' `_role_registry`. */
const CANONICAL_ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['abbreviation', createGenericRole('abbreviation')],
  ['acronym', createGenericRole('acronym')],
  ['emphasis', createGenericRole('emphasis')],
  ['literal', createGenericRole('literal')],
  ['strong', createGenericRole('strong')],
  ['subscript', createGenericRole('subscript')],
  ['superscript', createGenericRole('superscript')],
  ['title-reference', createGenericRole('title_reference')],
  ['pep-reference', pepReferenceRole],
  ['rfc-reference', rfcReferenceRole],
  ['raw', rawRole],
  ['code', codeRole],
  ['math', mathRole],
  ['index', unimplementedRole],
  ['named-reference', unimplementedRole],
  ['anonymous-reference', unimplementedRole],
  ['uri-reference', unimplementedRole],
  ['footnote-reference', unimplementedRole],
  ['citation-reference', unimplementedRole],
  ['substitution-reference', unimplementedRole],
  ['target', unimplementedRole],
  // docutils keeps this one unimplemented on purpose, for its tests.
  ['restructuredtext-unimplemented-role', unimplementedRole],
]);

/** English role names → canonical names (docutils `languages/en.py`). */
const ENGLISH_ROLE_NAMES: Readonly<Record<string, string>> = {
  abbreviation: 'abbreviation',
  ab: 'abbreviation',
  acronym: 'acronym',
  ac: 'acronym',
  code: 'code',
  index: 'index',
  i: 'index',
  subscript: 'subscript',
  sub: 'subscript',
  superscript: 'superscript',
  sup: 'superscript',
  'title-reference': 'title-reference',
  title: 'title-reference',
  t: 'title-reference',
  'pep-reference': 'pep-reference',
  pep: 'pep-reference',
  'rfc-reference': 'rfc-reference',
  rfc: 'rfc-reference',
  emphasis: 'emphasis',
  strong: 'strong',
  literal: 'literal',
  math: 'math',
  'named-reference': 'named-reference',
  'anonymous-reference': 'anonymous-reference',
  'footnote-reference': 'footnote-reference',
  'citation-reference': 'citation-reference',
  'substitution-reference': 'substitution-reference',
  target: 'target',
  'uri-reference': 'uri-reference',
  uri: 'uri-reference',
  url: 'uri-reference',
  raw: 'raw',
};

/** The Python module docutils names in its "No role entry" message. */
const LANGUAGE_MODULE = 'docutils.parsers.rst.languages.en';

/** docutils' `_roles`, one map per document. */
const localRoles = new WeakMap<RstDocument, Map<string, Role>>();

function localRolesOf(document: RstDocument): Map<string, Role> {
  let roles = localRoles.get(document);
  if (!roles) {
    roles = new Map();
    localRoles.set(document, roles);
  }
  return roles;
}

/** docutils `register_local_role`: a name (lower-cased) usable in this document. */
export function registerLocalRole(document: RstDocument, name: string, role: Role): void {
  localRolesOf(document).set(name.toLowerCase(), role);
}

/** Sets (or, with undefined, restores) the role of interpreted text without one. */
export function setDefaultRole(document: RstDocument, role: Role | undefined): void {
  if (role) localRolesOf(document).set('', role);
  else localRolesOf(document).delete('');
}

export interface RoleLookup {
  role: Role | undefined;
  /** The INFO message docutils gives when the name is not an English one. */
  messages: Element[];
}

/**
 * docutils `roles.role()`: finds a role by the name used in the document
 * (`""` for the default role). An unknown name yields no role and an INFO
 * message; the caller reports the error, as docutils' callers do.
 */
export function lookupRole(document: RstDocument, roleName: string, lineno: number): RoleLookup {
  const normname = roleName.toLowerCase();
  const roles = localRolesOf(document);
  const known = roles.get(normname);
  if (known) return { role: known, messages: [] };

  const messageLines: string[] = [];
  let canonicalName: string;
  if (roleName) {
    const english = Object.hasOwn(ENGLISH_ROLE_NAMES, normname) ? ENGLISH_ROLE_NAMES[normname] : undefined;
    if (english) canonicalName = english;
    else {
      // The document language is English, so the English fallback finds
      // nothing new either.
      messageLines.push(`No role entry for "${roleName}" in module "${LANGUAGE_MODULE}".`);
      messageLines.push(`Trying "${roleName}" as canonical role name.`);
      canonicalName = normname;
    }
  } else {
    canonicalName = DEFAULT_INTERPRETED_ROLE;
  }
  const messages = messageLines.length > 0 ? [document.info(messageLines.join('\n'), { line: lineno })] : [];
  const role = CANONICAL_ROLES.get(canonicalName);
  if (role) {
    roles.set(normname, role);
    return { role, messages };
  }
  return { role: undefined, messages };
}
