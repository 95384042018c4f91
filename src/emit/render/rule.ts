/**
 * What a render rule is, and the node types that must have one.
 *
 * `NODE_TYPES` lists every element type the parser, the transforms and
 * `split` produce (docutils' `node_class_names` minus Text, plus deck's
 * `step`). The registry (registry.ts) is typed `Record<NodeType, RenderRule>`,
 * so a type added here is a compile error until some file gives its rule.
 * Text nodes are rendered by the dispatcher itself.
 */

import type { Element } from '../../rst/nodes.js';
import type { RenderContext } from './context.js';

export type RenderRule = (node: Element, ctx: RenderContext) => string;

export const NODE_TYPES = [
  // deck
  'step',
  // structure
  'document', 'section', 'title', 'subtitle', 'transition', 'topic', 'sidebar', 'rubric',
  'compound', 'container', 'decoration', 'header', 'footer', 'meta',
  // body
  'paragraph', 'block_quote', 'attribution', 'line_block', 'line', 'literal_block',
  'doctest_block', 'math_block', 'raw', 'comment', 'pending', 'substitution_definition',
  'system_message', 'target',
  // lists
  'bullet_list', 'enumerated_list', 'list_item', 'definition_list', 'definition_list_item',
  'term', 'classifier', 'definition', 'field_list', 'field', 'field_name', 'field_body',
  'option_list', 'option_list_item', 'option_group', 'option', 'option_string',
  'option_argument', 'description',
  // tables
  'table', 'tgroup', 'colspec', 'thead', 'tbody', 'row', 'entry',
  // images
  'image', 'figure', 'caption', 'legend',
  // admonitions (note doubles as presenter notes inside steps)
  'admonition', 'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip',
  'warning',
  // footnotes and citations
  'footnote', 'citation', 'label', 'footnote_reference', 'citation_reference',
  // inline
  'emphasis', 'strong', 'literal', 'reference', 'substitution_reference', 'problematic',
  'inline', 'subscript', 'superscript', 'title_reference', 'abbreviation', 'acronym',
  'generated', 'math',
  // bibliographic fields
  'docinfo', 'author', 'authors', 'organization', 'address', 'contact', 'version', 'revision',
  'status', 'date', 'copyright',
] as const;

export type NodeType = (typeof NODE_TYPES)[number];
