/**
 * docutils' node class hierarchy, as far as the transforms test it
 * (`isinstance(node, nodes.Invisible)` …). Keep in step with
 * docutils 0.19 `nodes.py` when a node type is added.
 */

import type { Element } from '../nodes.js';

/** Subclasses of `nodes.TextElement`: elements whose parent is text, not the body. */
const TEXT_ELEMENTS = new Set([
  'title', 'subtitle', 'rubric', 'author', 'organization', 'address', 'contact',
  'version', 'revision', 'status', 'date', 'copyright', 'paragraph', 'term',
  'classifier', 'field_name', 'option_argument', 'option_string', 'literal_block',
  'doctest_block', 'math_block', 'line', 'attribution', 'comment',
  'substitution_definition', 'target', 'label', 'caption', 'raw', 'emphasis',
  'strong', 'literal', 'reference', 'footnote_reference', 'citation_reference',
  'substitution_reference', 'title_reference', 'abbreviation', 'acronym',
  'superscript', 'subscript', 'math', 'inline', 'problematic', 'generated',
]);

/** `nodes.Invisible`. */
const INVISIBLE = new Set(['comment', 'substitution_definition', 'target', 'pending']);

/** `nodes.Targetable`. */
const TARGETABLE = new Set(['target', 'footnote', 'citation']);

/** `nodes.Referential`. */
const REFERENTIAL = new Set(['reference', 'footnote_reference', 'citation_reference']);

/** `nodes.PreBibliographic`: what may precede a document title or docinfo. */
const PRE_BIBLIOGRAPHIC = new Set([
  'title', 'subtitle', 'meta', 'decoration', 'header', 'footer', 'system_message', 'raw',
  ...INVISIBLE,
]);

/** `nodes.Titular`, `nodes.Decorative` and `meta`: what docinfo goes after. */
const TITULAR_OR_DECORATIVE = new Set(['title', 'subtitle', 'rubric', 'decoration', 'header', 'footer', 'meta']);

export const isTextElement = (node: Element): boolean => TEXT_ELEMENTS.has(node.type);
export const isInvisible = (node: Element): boolean => INVISIBLE.has(node.type);
export const isTargetable = (node: Element): boolean => TARGETABLE.has(node.type);
export const isReferential = (node: Element): boolean => REFERENTIAL.has(node.type);
export const isPreBibliographic = (node: Element): boolean => PRE_BIBLIOGRAPHIC.has(node.type);
export const isTitularOrDecorative = (node: Element): boolean => TITULAR_OR_DECORATIVE.has(node.type);
