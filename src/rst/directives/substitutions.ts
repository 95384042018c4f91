/**
 * Directives that only make sense as a substitution definition's body
 * (docutils `directives/misc.py`): `replace`, `unicode` and `date`. Their
 * results are inline nodes the substitution reference will stand for.
 */

import { text, type Element, type Node } from '../nodes.js';
import type { Directive, DirectiveCall } from './types.js';
import { flag, unicodeCode } from './options.js';
import { assertHasContent, directiveError, scratch } from './base.js';
import { PythonError, pySplit } from './python.js';
import { strftime } from './strftime.js';

/** The clock the corpus oracle freezes, used when the host passes none. */
const DEFAULT_NOW = new Date(Date.UTC(2000, 0, 1));

function requireSubstitution(call: DirectiveCall): void {
  if (call.state.substitutionName === undefined) {
    throw directiveError(
      `Invalid context: the "${call.name}" directive can only be used within a substitution definition.`,
    );
  }
}

const replace: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(call) {
    requireSubstitution(call);
    assertHasContent(call);
    const parsed = scratch();
    call.state.nestedParse(call.content, parsed);
    let paragraph: Element | undefined;
    const messages: Node[] = [];
    for (const node of parsed.children) {
      if (!paragraph && node.type === 'paragraph') {
        paragraph = node as Element;
      } else if (node.type === 'system_message') {
        (node as Element).attributes.backrefs = [];
        messages.push(node);
      } else {
        return [
          call.state.document.error(`Error in "${call.name}" directive: may contain a single paragraph only.`, {
            line: call.lineno,
          }),
        ];
      }
    }
    return paragraph ? [...messages, ...paragraph.children] : messages;
  },
};

/** Text after ".. " is a comment (docutils' `comment_pattern`). */
const UNICODE_COMMENT = /(?: |\n|^)\.\. /;

const unicode: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: { trim: flag, ltrim: flag, rtrim: flag },
  hasContent: false,
  run(call) {
    requireSubstitution(call);
    const definition = call.state.parent;
    if ('trim' in call.options || 'ltrim' in call.options) definition.attributes.ltrim = 1;
    if ('trim' in call.options || 'rtrim' in call.options) definition.attributes.rtrim = 1;
    const codes = pySplit(call.arguments[0]!.split(UNICODE_COMMENT)[0]!);
    return codes.map((code) => {
      try {
        return text(unicodeCode(code));
      } catch (error) {
        if (!(error instanceof PythonError)) throw error;
        throw directiveError(`Invalid character code: ${code}\n${error.pythonType}: ${error.message}`);
      }
    });
  },
};

const date: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  hasContent: true,
  run(call) {
    requireSubstitution(call);
    const format = call.content.text() || '%Y-%m-%d';
    return [text(strftime(format, call.state.now ?? DEFAULT_NOW))];
  },
};

export const substitutionDirectives: Record<string, Directive> = { replace, unicode, date };
