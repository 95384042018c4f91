import { describe, expect, test } from 'vitest';
import { el, html, p } from './helpers.js';

const item = (...children: Parameters<typeof el>[2][]) => el('list_item', {}, ...children);

describe('lists', () => {
  test('a simple bullet list renders items without paragraphs', () => {
    expect(html(el('bullet_list', { bullet: '*' }, item(p('CLONE_NEWIPC')), item(p('CLONE_NEWNET'))))).toBe(
      '<ul class="simple">\n<li>CLONE_NEWIPC</li>\n<li>CLONE_NEWNET</li>\n</ul>\n',
    );
  });

  test('items with two paragraphs keep their paragraphs', () => {
    expect(html(el('bullet_list', { bullet: '-' }, item(p('one'), p('two'))))).toBe('<ul>\n<li><p>one</p>\n<p>two</p>\n</li>\n</ul>\n');
  });

  test('list classes (substep from Hovercraft) go on the items', () => {
    expect(html(el('bullet_list', {}, el('list_item', { classes: ['substep'] }, p('a'))))).toBe(
      '<ul class="simple">\n<li class="substep">a</li>\n</ul>\n',
    );
  });

  test('enumerated list with enumtype and start', () => {
    expect(html(el('enumerated_list', { enumtype: 'loweralpha', prefix: '', suffix: '.', start: 3 }, item(p('c'))))).toBe(
      '<ol class="loweralpha simple" type="a" start="3">\n<li>c</li>\n</ol>\n',
    );
    expect(html(el('enumerated_list', { enumtype: 'arabic', prefix: '', suffix: '.' }, item(p('one'))))).toBe(
      '<ol class="arabic simple" type="1">\n<li>one</li>\n</ol>\n',
    );
  });

  test('definition list with classifier', () => {
    const out = html(
      el('definition_list', {}, el('definition_list_item', {}, el('term', {}, 'LXC'), el('classifier', {}, 'tool'), el('definition', {}, p('Linux containers')))),
    );
    expect(out).toBe(
      '<dl>\n<dt>LXC <span class="classifier-delimiter">:</span> <span class="classifier">tool</span></dt>\n<dd>\n<p>Linux containers</p>\n</dd>\n</dl>\n',
    );
  });

  test('field list', () => {
    const out = html(el('field_list', {}, el('field', {}, el('field_name', {}, 'Author'), el('field_body', {}, p('Paul')))));
    expect(out).toBe('<dl class="field-list">\n<dt>Author</dt>\n<dd>\n<p>Paul</p>\n</dd>\n</dl>\n');
  });

  test('option list', () => {
    const out = html(
      el(
        'option_list',
        {},
        el(
          'option_list_item',
          {},
          el(
            'option_group',
            {},
            el('option', {}, el('option_string', {}, '-o'), el('option_argument', { delimiter: ' ' }, 'FILE')),
            el('option', {}, el('option_string', {}, '--output'), el('option_argument', { delimiter: '=' }, 'FILE')),
          ),
          el('description', {}, p('Write here.')),
        ),
      ),
    );
    expect(out).toBe(
      '<dl class="option-list">\n<dt><kbd><span class="option">-o <var>FILE</var></span>, <span class="option">--output=<var>FILE</var></span></kbd></dt>\n<dd>\n<p>Write here.</p>\n</dd>\n</dl>\n',
    );
  });
});
