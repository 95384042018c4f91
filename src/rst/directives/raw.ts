/**
 * `raw` (docutils `directives/misc.py` Raw): output-format-specific text,
 * from the content or from a file in the deck's folder. URLs are refused:
 * a build must not depend on the network.
 */

import { element, text } from '../nodes.js';
import type { Directive } from './types.js';
import { classOption, encoding, path, uri } from './options.js';
import { assertHasContent, classList, directiveError, directiveSevere, directiveWarning } from './base.js';
import { pyOpenError, pySplit } from './python.js';
import { resolvePath } from './include.js';

const raw: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: { file: path, url: uri, encoding, class: classOption },
  hasContent: true,
  run(call) {
    const { state, options } = call;
    const external = 'file' in options || 'url' in options;
    if (!state.fileInsertionEnabled && external) {
      throw directiveWarning(`"${call.name}" directive disabled.`);
    }
    const attributes: Record<string, string> = { format: pySplit(call.arguments[0]!.toLowerCase()).join(' ') };
    let value: string;
    if (call.content.length > 0) {
      if (external) {
        throw directiveError(`"${call.name}" directive may not both specify an external file and have content.`);
      }
      value = call.content.text();
    } else if ('file' in options) {
      if ('url' in options) {
        throw directiveError(
          `The "file" and "url" options may not be simultaneously specified for the "${call.name}" directive.`,
        );
      }
      const filePath = resolvePath(state.sourceDir, String(options.file));
      const read = state.readFile(filePath);
      if (read === undefined) {
        throw directiveSevere(
          `Problems with "${call.name}" directive path:\nInputError: ${pyOpenError(filePath)}.`,
        );
      }
      value = read;
      attributes.source = filePath;
    } else if ('url' in options) {
      throw directiveSevere(
        `Problems with "${call.name}" directive URL "${String(options.url)}":\nURL access is not supported; put the file next to the deck and use :file:.`,
      );
    } else {
      assertHasContent(call);
      value = '';
    }
    const node = element(
      'raw',
      { ...attributes, classes: classList(options.class), 'xml:space': 'preserve' },
      value === '' ? [] : [text(value)],
    );
    node.line = call.lineno;
    return [node];
  },
};

export const rawDirectives: Record<string, Directive> = { raw };
