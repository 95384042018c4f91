/**
 * Table data → doctree, as docutils' `Body.build_table` and
 * `build_table_row`: table > tgroup > colspec*, thead?, tbody > row > entry.
 * Also what the `csv-table` and `list-table` directives build with, hence the
 * stub columns and widths.
 */

import { element, type Element } from '../nodes.js';
import type { TableHost } from './index.js';
import type { RowData, TableData } from './table-data.js';

export interface BuildTableOptions {
  /** How many leading columns are stub (row header) columns. */
  stubColumns?: number;
  /** The `:widths:` option: `auto`, `grid` or explicit widths. */
  widths?: 'auto' | 'grid' | number[];
}

/** The part of the table host that cell contents need. */
export type CellParser = Pick<TableHost, 'nestedParse'>;

/**
 * `build_table`: `tableline` is the 1-based line of the table's first line
 * (docutils adds each cell's offset to it for the cell's `input_offset`).
 */
export function buildTable(
  data: TableData,
  tableline: number,
  cells: CellParser,
  options: BuildTableOptions = {},
): Element {
  const table = element('table');
  const { widths } = options;
  if (widths === 'auto') table.attributes.classes = ['colwidths-auto'];
  else if (widths !== undefined) table.attributes.classes = ['colwidths-given'];
  const tgroup = element('tgroup', { cols: data.colwidths.length });
  table.children.push(tgroup);
  let stubs = options.stubColumns ?? 0;
  for (const colwidth of data.colwidths) {
    const colspec = element('colspec', { colwidth });
    if (stubs > 0) {
      colspec.attributes.stub = 1;
      stubs -= 1;
    }
    tgroup.children.push(colspec);
  }
  if (data.headRows.length > 0) {
    const thead = element('thead');
    tgroup.children.push(thead);
    for (const row of data.headRows) thead.children.push(buildRow(row, tableline, cells));
  }
  const tbody = element('tbody');
  tgroup.children.push(tbody);
  for (const row of data.bodyRows) tbody.children.push(buildRow(row, tableline, cells));
  return table;
}

/** `build_table_row`: one entry per cell; cells with any text are parsed as body elements. */
function buildRow(rowData: RowData, tableline: number, cells: CellParser): Element {
  const row = element('row');
  for (const cell of rowData) {
    if (!cell) continue;
    const attributes: Element['attributes'] = {};
    if (cell.morerows) attributes.morerows = cell.morerows;
    if (cell.morecols) attributes.morecols = cell.morecols;
    const entry = element('entry', attributes);
    row.children.push(entry);
    if (cell.content.lines.join('')) {
      cells.nestedParse(cell.content, entry, { inputOffset: tableline + cell.offset });
    }
  }
  return row;
}
