import { describe, expect, test } from 'vitest';
import { el, html, p } from './helpers.js';

const list = (...names: string[]) => el('bullet_list', { bullet: '*' }, ...names.map((name) => el('list_item', {}, p(name))));

/** The seed deck's fs_table, in the shape docutils gives it. */
function fsTable() {
  const row = (...entries: ReturnType<typeof el>[]) => el('row', {}, ...entries);
  return el(
    'table',
    {},
    el(
      'tgroup',
      { cols: 2 },
      el('colspec', { colwidth: 26 }),
      el('colspec', { colwidth: 10 }),
      el(
        'tbody',
        {},
        row(el('entry', {}, p('/var/lib/lxc/ubuntu/rootfs')), el('entry')),
        row(el('entry'), el('entry', {}, list('/usr', '/var', '/dev', '...'))),
      ),
    ),
  );
}

describe('tables', () => {
  test('grid table: docutils class, colgroup with relative widths, cells', () => {
    const out = html(fsTable());
    expect(out).toBe(
      '<table class="docutils">\n' +
        '<colgroup>\n<col style="width: 72.2%">\n<col style="width: 27.8%">\n</colgroup>\n' +
        '<tbody>\n' +
        '<tr>\n<td>/var/lib/lxc/ubuntu/rootfs</td>\n<td></td>\n</tr>\n' +
        '<tr>\n<td></td>\n<td><ul class="simple">\n<li>/usr</li>\n<li>/var</li>\n<li>/dev</li>\n<li>...</li>\n</ul>\n</td>\n</tr>\n' +
        '</tbody>\n</table>\n',
    );
  });

  test('header rows are th; spans become rowspan and colspan; title is the caption', () => {
    const table = el(
      'table',
      { classes: ['colwidths-auto'] },
      el('title', {}, 'Namespaces'),
      el(
        'tgroup',
        { cols: 3 },
        el('colspec', { colwidth: 5 }),
        el('colspec', { colwidth: 5 }),
        el('colspec', { colwidth: 5 }),
        el('thead', {}, el('row', {}, el('entry', { morecols: 1 }, p('flag')), el('entry', {}, p('since')))),
        el('tbody', {}, el('row', {}, el('entry', { morerows: 1 }, p('NS')), el('entry', {}, p('a')), el('entry', {}, p('b')))),
      ),
    );
    const out = html(table);
    expect(out).toContain('<table class="docutils colwidths-auto">\n<caption>Namespaces</caption>\n');
    expect(out).not.toContain('<colgroup>');
    expect(out).toContain('<thead>\n<tr>\n<th colspan="2">flag</th>\n<th>since</th>\n</tr>\n</thead>');
    expect(out).toContain('<td rowspan="2">NS</td>');
  });

  test('stub columns are th.stub', () => {
    const table = el(
      'table',
      {},
      el('tgroup', { cols: 2 }, el('colspec', { colwidth: 5, stub: 1 }), el('colspec', { colwidth: 5 }), el('tbody', {}, el('row', {}, el('entry', {}, p('k')), el('entry', {}, p('v'))))),
    );
    expect(html(table)).toContain('<tr>\n<th class="stub">k</th>\n<td>v</td>\n</tr>');
  });
});
