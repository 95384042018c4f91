/**
 * Small directives from docutils' `directives/misc.py` and
 * `directives/references.py`: `title`, `class`, `target-notes`, and the
 * `restructuredtext-test-directive` docutils keeps for its own tests.
 */

import { listAttribute, type Element } from '../nodes.js';
import { pythonRepr } from '../pformat.js';
import { OptionError, type Directive } from './types.js';
import { classOption, unchangedRequired } from './options.js';
import { CLASS_AND_NAME, addName, directiveError, literalBlock, scratch } from './base.js';
import { pendingNode } from './parts.js';

const title: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  hasContent: false,
  run(call) {
    call.state.document.root.attributes.title = call.arguments[0]!;
    return [];
  },
};

/**
 * `class`: with content, the classes go on each parsed element; without,
 * on the next element, through a pending ClassAttribute transform.
 */
const classDirective: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  hasContent: true,
  run(call) {
    let classes: string[];
    try {
      classes = classOption(call.arguments[0]!);
    } catch (error) {
      if (!(error instanceof OptionError)) throw error;
      throw directiveError(`Invalid class attribute value for "${call.name}" directive: "${call.arguments[0]}".`);
    }
    if (call.content.length === 0) {
      return [
        pendingNode(
          call.state.document,
          'docutils.transforms.misc.ClassAttribute',
          { class: classes, directive: call.name },
          call.blockText,
        ),
      ];
    }
    const container = scratch();
    call.state.nestedParse(call.content, container);
    for (const node of container.children) {
      if (node.type === 'text') continue;
      const el = node as Element;
      el.attributes.classes = [...listAttribute(el, 'classes'), ...classes];
    }
    return container.children;
  },
};

const targetNotes: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: CLASS_AND_NAME,
  hasContent: false,
  run(call) {
    const pending = pendingNode(call.state.document, 'docutils.transforms.references.TargetNotes', {}, call.blockText);
    addName(call, pending);
    Object.assign(pending.pending!.details, call.options);
    return [pending];
  },
};

/** Reports what it was given, so tests can see how a directive block was split. */
const testDirective: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { option: unchangedRequired },
  hasContent: true,
  run(call) {
    const head =
      `Directive processed. Type="${call.name}", arguments=${pythonRepr(call.arguments)}, ` +
      `options=${pythonRepr(call.options)}, content:`;
    if (call.content.length === 0) {
      return [call.state.document.info(`${head} None`, { line: call.lineno })];
    }
    const body = call.content.text();
    return [call.state.document.info(head, { line: call.lineno, children: [literalBlock(body)] })];
  },
};

export const miscDirectives: Record<string, Directive> = {
  title,
  class: classDirective,
  'target-notes': targetNotes,
  'restructuredtext-test-directive': testDirective,
};
