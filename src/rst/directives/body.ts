/**
 * Directives for additional body elements (docutils `directives/body.py`):
 * topic, sidebar, line-block, parsed-literal, rubric, the block-quote
 * family (epigraph, highlights, pull-quote), compound and container.
 * `code` and `math` live in `./code.ts`.
 */

import { element, listAttribute, type Element, type Node } from '../nodes.js';
import { OptionError, type Directive, type DirectiveCall } from './types.js';
import { unchanged, unchangedRequired, classOption } from './options.js';
import {
  CLASS_AND_NAME,
  addName,
  assertHasContent,
  classList,
  directiveError,
  optionAttributes,
  setClasses,
} from './base.js';
import { pyLstrip, pyStrip } from './python.js';
import { nestLineBlockLines } from '../block/line-blocks.js';

/** Topic and sidebar: only where sections may be, and never inside a sidebar's topic. */
function runPseudoSection(nodeType: 'topic' | 'sidebar', call: DirectiveCall): Node[] {
  const { state } = call;
  if (!(state.matchTitles || state.parent.type === 'sidebar')) {
    throw directiveError(`The "${call.name}" directive may not be used within topics or body elements.`);
  }
  assertHasContent(call);
  const titles: Node[] = [];
  const messages: Node[] = [];
  if (call.arguments.length > 0) {
    const parsed = state.inlineText(call.arguments[0]!, call.absLineno);
    titles.push(element('title', {}, parsed.nodes));
    messages.push(...parsed.messages);
    if ('subtitle' in call.options) {
      const sub = state.inlineText(String(call.options.subtitle), call.absLineno);
      titles.push(element('subtitle', {}, sub.nodes));
      messages.push(...sub.messages);
    }
  }
  const node = element(nodeType, {}, [...titles, ...messages]);
  node.attributes.classes = classList(call.options.class);
  addName(call, node);
  if (call.content.text() !== '') state.nestedParse(call.content, node);
  return [node];
}

const topic: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: CLASS_AND_NAME,
  hasContent: true,
  run: (call) => runPseudoSection('topic', call),
};

const sidebar: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { ...CLASS_AND_NAME, subtitle: unchangedRequired },
  hasContent: true,
  run(call) {
    if (call.state.parent.type === 'sidebar') {
      throw directiveError(`The "${call.name}" directive may not be used within a sidebar element.`);
    }
    if ('subtitle' in call.options && call.arguments.length === 0) {
      throw directiveError('The "subtitle" option may not be used without a title.');
    }
    return runPseudoSection('sidebar', call);
  },
};

const lineBlock: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: CLASS_AND_NAME,
  hasContent: true,
  run(call) {
    assertHasContent(call);
    const block = element('line_block', { classes: classList(call.options.class) });
    addName(call, block);
    const result: Node[] = [block];
    const indents = new Map<Element, number | undefined>();
    call.content.lines.forEach((lineText, index) => {
      const parsed = call.state.inlineText(pyStrip(lineText), call.absLineno + call.contentOffset + index, call.contentOffset + index + 1);
      const line = element('line', {}, parsed.nodes);
      indents.set(line, pyStrip(lineText) ? lineText.length - pyLstrip(lineText).length : undefined);
      block.children.push(line);
      result.push(...parsed.messages);
    });
    nestLineBlockLines(block, indents);
    return result;
  },
};


const parsedLiteral: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: CLASS_AND_NAME,
  hasContent: true,
  run(call) {
    setClasses(call.options);
    assertHasContent(call);
    // Messages report the directive's line, as docutils; positions are the content's.
    const parsed = call.state.inlineText(call.content.text(), call.absLineno, call.contentOffset + 1);
    const node = element('literal_block', { ...optionAttributes(call.options), 'xml:space': 'preserve' }, parsed.nodes);
    node.line = call.contentOffset + 1;
    addName(call, node);
    return [node, ...parsed.messages];
  },
};

const rubric: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: CLASS_AND_NAME,
  hasContent: false,
  run(call) {
    setClasses(call.options);
    const parsed = call.state.inlineText(call.arguments[0]!, call.absLineno);
    const node = element('rubric', optionAttributes(call.options), parsed.nodes);
    addName(call, node);
    return [node, ...parsed.messages];
  },
};

/** epigraph, highlights, pull-quote: a block quote with a class. */
function blockQuoteDirective(className: string): Directive {
  return {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      const elements = call.state.blockQuote
        ? call.state.blockQuote(call.content, call.contentOffset)
        : [fallbackBlockQuote(call)];
      for (const node of elements) {
        if (node.type === 'block_quote') {
          const quote = node as Element;
          quote.attributes.classes = [...listAttribute(quote, 'classes'), className];
        }
      }
      return elements;
    },
  };
}

function fallbackBlockQuote(call: DirectiveCall): Element {
  const quote = element('block_quote');
  call.state.nestedParse(call.content, quote);
  return quote;
}

const compound: Directive = {
  requiredArguments: 0,
  optionalArguments: 0,
  finalArgumentWhitespace: false,
  optionSpec: CLASS_AND_NAME,
  hasContent: true,
  run(call) {
    assertHasContent(call);
    const node = element('compound', { classes: classList(call.options.class) });
    addName(call, node);
    call.state.nestedParse(call.content, node);
    return [node];
  },
};

const container: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: { name: unchanged },
  hasContent: true,
  run(call) {
    assertHasContent(call);
    let classes: string[] = [];
    if (call.arguments.length > 0) {
      try {
        classes = classOption(call.arguments[0]!);
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        throw directiveError(
          `Invalid class attribute value for "${call.name}" directive: "${call.arguments[0]}".`,
        );
      }
    }
    const node = element('container', { classes });
    addName(call, node);
    call.state.nestedParse(call.content, node);
    return [node];
  },
};

export const bodyDirectives: Record<string, Directive> = {
  topic,
  sidebar,
  'line-block': lineBlock,
  'parsed-literal': parsedLiteral,
  rubric,
  epigraph: blockQuoteDirective('epigraph'),
  highlights: blockQuoteDirective('highlights'),
  'pull-quote': blockQuoteDirective('pull-quote'),
  compound,
  container,
};
