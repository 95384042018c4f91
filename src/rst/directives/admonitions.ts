/**
 * Admonitions (docutils `directives/admonitions.py`): `note`, `warning` ...
 * wrap their parsed content in an element of the same name; the generic
 * `admonition` takes its title from the argument.
 */

import { element, listAttribute } from '../nodes.js';
import { makeId } from '../names.js';
import type { Directive, DirectiveCall } from './types.js';
import { CLASS_AND_NAME, addName, assertHasContent, optionAttributes, setClasses } from './base.js';

function runAdmonition(nodeType: string, call: DirectiveCall) {
  setClasses(call.options);
  assertHasContent(call);
  const node = element(nodeType, optionAttributes(call.options));
  addName(call, node);
  if (nodeType === 'admonition') {
    const titleText = call.arguments[0]!;
    const parsed = call.state.inlineText(titleText, call.absLineno);
    const title = element('title', {}, parsed.nodes);
    title.line = call.state.nodeLine(call.absLineno);
    node.children.push(title, ...parsed.messages);
    if (!('classes' in call.options)) {
      node.attributes.classes = [...listAttribute(node, 'classes'), `admonition-${makeId(titleText)}`];
    }
  }
  call.state.nestedParse(call.content, node);
  return [node];
}

function admonition(nodeType: string, requiredArguments = 0): Directive {
  return {
    requiredArguments,
    optionalArguments: 0,
    finalArgumentWhitespace: true,
    optionSpec: CLASS_AND_NAME,
    hasContent: true,
    run: (call) => runAdmonition(nodeType, call),
  };
}

export const admonitionDirectives: Record<string, Directive> = {
  admonition: admonition('admonition', 1),
  attention: admonition('attention'),
  caution: admonition('caution'),
  danger: admonition('danger'),
  error: admonition('error'),
  hint: admonition('hint'),
  important: admonition('important'),
  note: admonition('note'),
  tip: admonition('tip'),
  warning: admonition('warning'),
};
