/**
 * The `role` and `default-role` directives (docutils `directives/misc.py`
 * `Role` and `DefaultRole`). They change the document's roles, kept in
 * `./registry.ts`; the directive registry merges this map into its own.
 */

import { DirectiveError, type Directive, type DirectiveCall } from '../directives/types.js';
import { element, text, type Element, type Node } from '../nodes.js';
import { createCustomRole } from './custom.js';
import { genericCustomRole } from './generic.js';
import { classOption } from './options.js';
import { PY_SPACE_CLASS } from '../py-space.js';
import { lookupRole, registerLocalRole, setDefaultRole } from './registry.js';
import { MarkupError, parseDirectiveBlock, type DirectiveBlock } from '../directives/run.js';
import type { Role } from './types.js';

const SIMPLENAME = String.raw`(?:(?!_)[\p{L}\p{N}_])+(?:[-._+:](?:(?!_)[\p{L}\p{N}_])+)*`;
/** `Role.argument_pattern`: `name` or `name(base)`, `\s` being Python's. */
const S = `[${PY_SPACE_CLASS}]`;
const ROLE_ARGUMENTS = new RegExp(String.raw`^(${SIMPLENAME})${S}*(\(${S}*(${SIMPLENAME})${S}*\)${S}*)?$`, 'u');

function errorWithBlock(call: DirectiveCall, message: string): Element {
  return call.state.document.error(message, {
    line: call.lineno,
    children: [element('literal_block', { 'xml:space': 'preserve' }, [text(call.blockText)])],
  });
}

/** Every role accepts `class` unless it says otherwise (`set_implicit_options`). */
function optionSpecOf(role: Role): NonNullable<Role['optionSpec']> {
  return { class: classOption, ...(role.optionSpec ?? {}) };
}

/**
 * The directive docutils makes of the base role to read the rest of the
 * `role` directive's content with (`convert_directive_function`): no
 * arguments, the role's options, content if the role takes some.
 */
function blockReaderOf(role: Role): Directive {
  return {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: optionSpecOf(role),
    hasContent: role.hasContent ?? false,
    run: () => [],
  };
}

const role: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(call) {
    const { content, lineno, name, state } = call;
    // As docutils compares them: a 0-based offset against a 1-based line.
    if (call.contentOffset > call.absLineno || content.length === 0) {
      throw new DirectiveError(3, `"${name}" directive requires arguments on the first line.`);
    }
    const args = content.lines[0]!;
    const match = ROLE_ARGUMENTS.exec(args);
    if (!match) throw new DirectiveError(3, `"${name}" directive arguments not valid role names: "${args}".`);
    const newRoleName = match[1]!;
    const baseRoleName = match[3];
    const messages: Node[] = [];
    let base = genericCustomRole;
    if (baseRoleName) {
      const found = lookupRole(state.document, baseRoleName, lineno);
      messages.push(...found.messages);
      if (!found.role) return [...messages, errorWithBlock(call, `Unknown interpreted text role "${baseRoleName}".`)];
      base = found.role;
    }
    let block: DirectiveBlock;
    try {
      // docutils passes the content's offset for the lines after its first, as here.
      block = parseDirectiveBlock(content.slice(1), call.contentOffset, blockReaderOf(base), {}, state, lineno);
    } catch (error) {
      if (!(error instanceof MarkupError)) throw error;
      return [...messages, errorWithBlock(call, `Error in "${name}" directive:\n${error.message}.`)];
    }
    const options = block.options;
    if (!('class' in options)) {
      try {
        options.class = classOption(newRoleName);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return [...messages, errorWithBlock(call, `Invalid argument for "${name}" directive:\n${detail}.`)];
      }
    }
    registerLocalRole(state.document, newRoleName, createCustomRole(base, options, block.content.lines));
    return messages;
  },
};

const defaultRole: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: false,
  hasContent: false,
  run(call) {
    const { document } = call.state;
    const roleName = call.arguments[0];
    if (!roleName) {
      setDefaultRole(document, undefined);
      return [];
    }
    const found = lookupRole(document, roleName, call.lineno);
    if (!found.role) {
      return [...found.messages, errorWithBlock(call, `Unknown interpreted text role "${roleName}".`)];
    }
    setDefaultRole(document, found.role);
    return found.messages;
  },
};

export const roleDirectives: Record<string, Directive> = {
  role,
  'default-role': defaultRole,
};
