import { describe, expect, test } from 'vitest';
import { NODE_TYPES } from '../../src/emit/index.js';
import { RULES } from '../../src/emit/render/registry.js';
import { el, html, p } from './helpers.js';

/** docutils 0.19 `nodes.node_class_names` minus Text: every node docutils can build. */
const DOCUTILS_NODE_TYPES = `abbreviation acronym address admonition attention attribution author authors
  block_quote bullet_list caption caution citation citation_reference classifier colspec comment
  compound contact container copyright danger date decoration definition definition_list
  definition_list_item description docinfo doctest_block document emphasis entry enumerated_list
  error field field_body field_list field_name figure footer footnote footnote_reference generated
  header hint image important inline label legend line line_block list_item literal literal_block
  math math_block meta note option option_argument option_group option_list option_list_item
  option_string organization paragraph pending problematic raw reference revision row rubric
  section sidebar status strong subscript substitution_definition substitution_reference subtitle
  superscript system_message table target tbody term tgroup thead tip title title_reference topic
  transition version warning`.split(/\s+/);

describe('render registry', () => {
  test('every docutils node type and the deck step have a rule', () => {
    const missing = [...DOCUTILS_NODE_TYPES, 'step'].filter((type) => !Object.hasOwn(RULES, type));
    expect(missing).toEqual([]);
    expect(new Set(NODE_TYPES)).toEqual(new Set(Object.keys(RULES)));
  });

  test('an unknown node type renders its children and keeps its ids', () => {
    expect(html(el('frobnicate', { ids: ['f'] }, p('kept <text>')))).toBe('<span id="f"></span><p>kept &lt;text&gt;</p>\n');
  });
});
