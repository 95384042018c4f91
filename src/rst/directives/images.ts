/**
 * `image` and `figure` (docutils `directives/images.py`).
 * The image's options become attributes of the `image` node; `:target:`
 * wraps it in a `reference` (to a URI, or to a name when it ends in `_`).
 * A figure adds a caption (its first paragraph) and a legend (the rest).
 */

import { element, type Element, type Node } from '../nodes.js';
import { fullyNormalizeName, unescape, whitespaceNormalizeName } from '../names.js';
import type { Directive, DirectiveCall, OptionConverter } from './types.js';
import {
  choice,
  classOption,
  escapeToNull,
  lengthOrPercentageOrUnitless,
  lengthOrUnitless,
  percentage,
  splitEscapedWhitespace,
  unchanged,
  unchangedRequired,
  uri,
} from './options.js';
import { addName, directiveError, literalBlock, optionAttributes, scratch, setClasses } from './base.js';
import { PY_SPACE_CLASS, pySplit, pyStrip } from '../py-space.js';
import { splitlines } from '../pformat.js';

const ALIGN_H = ['left', 'center', 'right'];
const ALIGN_V = ['top', 'middle', 'bottom'];

const imageOptions: Record<string, OptionConverter> = {
  alt: unchanged,
  height: lengthOrUnitless,
  width: (value) => lengthOrPercentageOrUnitless(value),
  scale: percentage,
  align: (value) => choice(value, [...ALIGN_V, ...ALIGN_H]),
  target: unchangedRequired,
  class: classOption,
  name: unchanged,
};

/** docutils' `Inliner.simplename`: words joined by single `-._+:`. */
const SIMPLENAME = String.raw`(?:[\p{L}\p{N}])+(?:[-._+:](?:[\p{L}\p{N}])+)*`;
const REFERENCE = new RegExp(
  String.raw`^(?:(?<simple>${SIMPLENAME})_|\x60(?! )(?<phrase>.+?)(?<![${PY_SPACE_CLASS}\x00])\x60_)$`,
  'u',
);

type Target = { kind: 'refname'; name: string } | { kind: 'refuri'; uri: string };

/** docutils `Body.parse_target` for the `:target:` option. */
export function parseTarget(lines: string[]): Target {
  const last = lines.length > 0 ? pyStrip(lines[lines.length - 1]!) : '';
  if (last.endsWith('_')) {
    const reference = lines.map(pyStrip).join(' ');
    const match = REFERENCE.exec(whitespaceNormalizeName(reference));
    if (match) return { kind: 'refname', name: unescape(match.groups!.simple ?? match.groups!.phrase!) };
  }
  const parts = splitEscapedWhitespace(lines.join(' '));
  return { kind: 'refuri', uri: parts.map((part) => pySplit(unescape(part)).join('')).join(' ') };
}

function checkAlign(call: DirectiveCall): void {
  if (!('align' in call.options)) return;
  const align = String(call.options.align);
  if (call.state.substitutionName !== undefined) {
    if (!ALIGN_V.includes(align)) {
      throw directiveError(
        `Error in "${call.name}" directive: "${align}" is not a valid value for the "align" option within a substitution definition.  Valid values for "align" are: "${ALIGN_V.join('", "')}".`,
      );
    }
  } else if (!ALIGN_H.includes(align)) {
    throw directiveError(
      `Error in "${call.name}" directive: "${align}" is not a valid value for the "align" option.  Valid values for "align" are: "${ALIGN_H.join('", "')}".`,
    );
  }
}

function runImage(call: DirectiveCall): Element {
  checkAlign(call);
  call.options.uri = uri(call.arguments[0]!);
  let reference: Element | undefined;
  if ('target' in call.options) {
    const target = parseTarget(splitlines(escapeToNull(String(call.options.target))));
    if (target.kind === 'refuri') {
      reference = element('reference', { refuri: target.uri });
    } else {
      reference = element('reference', {
        name: whitespaceNormalizeName(target.name),
        refname: fullyNormalizeName(target.name),
      });
      call.state.document.noteRefname(reference);
    }
    delete call.options.target;
  }
  setClasses(call.options);
  const image = element('image', optionAttributes(call.options));
  addName(call, image);
  if (!reference) return image;
  reference.children.push(image);
  return reference;
}

const image: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: imageOptions,
  hasContent: false,
  run: (call) => [runImage(call)],
};

function figwidthValue(value: string | null): string {
  if (value !== null && value.toLowerCase() === 'image') return 'image';
  return lengthOrPercentageOrUnitless(value, 'px');
}

const figure: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: {
    ...imageOptions,
    align: (value) => choice(value, ALIGN_H),
    figwidth: figwidthValue,
    figclass: classOption,
  },
  hasContent: true,
  run(call) {
    const { figwidth, figclass, align } = call.options;
    delete call.options.figwidth;
    delete call.options.figclass;
    delete call.options.align;
    const figureNode = element('figure', {}, [runImage(call)]);
    // `figwidth: image` needs the picture's size, which a pure parse cannot read.
    if (figwidth !== undefined && figwidth !== 'image') figureNode.attributes.width = String(figwidth);
    if (Array.isArray(figclass) && figclass.length > 0) figureNode.attributes.classes = figclass.map(String);
    if (align !== undefined) figureNode.attributes.align = String(align);
    if (call.content.length === 0) return [figureNode];
    const parsed = scratch();
    call.state.nestedParse(call.content, parsed);
    const [first, ...rest] = parsed.children;
    if (first && first.type === 'paragraph') {
      // docutils' caption takes over the paragraph's children, line and place.
      const paragraph = first as Element;
      const caption = element('caption', {}, paragraph.children, paragraph.position);
      if (paragraph.line !== undefined) caption.line = paragraph.line;
      figureNode.children.push(caption);
    } else if (first && !(first.type === 'comment' && (first as Element).children.length === 0)) {
      const error = call.state.document.error('Figure caption must be a paragraph or empty comment.', {
        line: call.lineno,
        children: [literalBlock(call.blockText)],
      });
      return [figureNode, error];
    }
    if (rest.length > 0) figureNode.children.push(element('legend', {}, rest as Node[]));
    return [figureNode];
  },
};

export const imageDirectives: Record<string, Directive> = { image, figure };
