/**
 * `table` and `list-table` (docutils `directives/tables.py`), with the
 * helpers every table directive shares: the title, the column widths, the
 * header/stub checks. `csv-table` lives in `./csv-table.ts`.
 */

import { element, listAttribute, type Element, type Node } from '../nodes.js';
import type { Directive, DirectiveCall, OptionConverter } from './types.js';
import {
  choice,
  classOption,
  lengthOrPercentageOrUnitless,
  nonnegativeInt,
  positiveIntList,
  unchanged,
  valueOr,
} from './options.js';
import { addName, classList, literalBlock, scratch } from './base.js';

/** A finished system message standing in for the table (docutils' SystemMessagePropagation). */
export class TableProblem extends Error {
  constructor(readonly node: Element) {
    super('table problem');
  }
}

/** An ERROR quoting the directive, as all table checks report. */
export function tableError(call: DirectiveCall, message: string, level = 3): Element {
  return call.state.document.systemMessage(level, message, {
    line: call.lineno,
    children: [literalBlock(call.blockText)],
  });
}

export const align: OptionConverter = (value) => choice(value, ['left', 'center', 'right']);

export const width: OptionConverter = (value) => lengthOrPercentageOrUnitless(value);

/** The title from the argument, and its inline messages. */
export function makeTitle(call: DirectiveCall): { title?: Element; messages: Node[] } {
  if (call.arguments.length === 0) return { messages: [] };
  const parsed = call.state.inlineText(call.arguments[0]!, call.absLineno);
  const title = element('title', {}, parsed.nodes);
  title.line = call.state.nodeLine(call.absLineno);
  return { title, messages: parsed.messages };
}

/** `widths` option value: "auto", "grid", a list of integers, or "" when absent. */
export function widthsOf(call: DirectiveCall): string | number[] {
  const widths = call.options.widths;
  return widths === undefined ? '' : (widths as string | number[]);
}

export function getColumnWidths(call: DirectiveCall, columns: number): number[] {
  const widths = widthsOf(call);
  if (Array.isArray(widths)) {
    if (widths.length !== columns) {
      throw new TableProblem(
        tableError(call, `"${call.name}" widths do not match the number of columns in table (${columns}).`),
      );
    }
    return widths;
  }
  if (columns) return new Array<number>(columns).fill(Math.floor(100 / columns));
  throw new TableProblem(tableError(call, 'No table data detected in CSV file.'));
}

export function checkTableDimensions(call: DirectiveCall, rows: unknown[][], headerRows: number, stubColumns: number): void {
  if (rows.length < headerRows) {
    throw new TableProblem(
      tableError(
        call,
        `${headerRows} header row(s) specified but only ${rows.length} row(s) of data supplied ("${call.name}" directive).`,
      ),
    );
  }
  if (rows.length === headerRows && headerRows > 0) {
    throw new TableProblem(
      tableError(
        call,
        `Insufficient data supplied (${rows.length} row(s)); no data remaining for table body, required by "${call.name}" directive.`,
      ),
    );
  }
  for (const row of rows) {
    if (row.length < stubColumns) {
      throw new TableProblem(
        tableError(
          call,
          `${stubColumns} stub column(s) specified but only ${row.length} columns(s) of data supplied ("${call.name}" directive).`,
        ),
      );
    }
    if (row.length === stubColumns && stubColumns > 0) {
      throw new TableProblem(
        tableError(
          call,
          `Insufficient data supplied (${row.length} columns(s)); no data remaining for table body, required by "${call.name}" directive.`,
        ),
      );
    }
  }
}

/** Class, alignment, width, name and title: what every table directive adds last. */
export function finishTable(call: DirectiveCall, table: Element, title: Element | undefined): void {
  table.attributes.classes = [...listAttribute(table, 'classes'), ...classList(call.options.class)];
  if ('align' in call.options) table.attributes.align = String(call.options.align);
  if ('width' in call.options) table.attributes.width = String(call.options.width);
  addName(call, table);
  if (title) table.children.unshift(title);
}

/** The `colwidths-auto` / `colwidths-given` class the `widths` option implies. */
export function widthsClass(widths: string | number[]): string[] {
  if (widths === 'auto') return ['colwidths-auto'];
  // An empty list is false in Python: no class.
  if (Array.isArray(widths) ? widths.length > 0 : widths) return ['colwidths-given'];
  return [];
}

const table: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    class: classOption,
    name: unchanged,
    align,
    width,
    widths: valueOr(['auto', 'grid'], positiveIntList),
  },
  hasContent: true,
  run(call) {
    if (call.content.length === 0) {
      return [tableError(call, `Content block expected for the "${call.name}" directive; none found.`, 2)];
    }
    const { title, messages } = makeTitle(call);
    const parsed = scratch();
    call.state.nestedParse(call.content, parsed);
    const tableNode = parsed.children[0] as Element | undefined;
    if (parsed.children.length !== 1 || tableNode?.type !== 'table') {
      return [tableError(call, `Error parsing content block for the "${call.name}" directive: exactly one table expected.`)];
    }
    tableNode.attributes.classes = [...listAttribute(tableNode, 'classes'), ...classList(call.options.class)];
    if ('width' in call.options) tableNode.attributes.width = String(call.options.width);
    if ('align' in call.options) tableNode.attributes.align = String(call.options.align);
    const widths = widthsOf(call);
    if (Array.isArray(widths)) {
      const tgroup = tableNode.children[0] as Element;
      let columnWidths: number[];
      try {
        columnWidths = getColumnWidths(call, Number(tgroup.attributes.cols));
      } catch (error) {
        if (error instanceof TableProblem) return [error.node];
        throw error;
      }
      const colspecs = tgroup.children.filter((child) => child.type === 'colspec') as Element[];
      colspecs.forEach((colspec, i) => {
        if (i < columnWidths.length) colspec.attributes.colwidth = columnWidths[i]!;
      });
    }
    tableNode.attributes.classes = [...listAttribute(tableNode, 'classes'), ...widthsClass(widths)];
    addName(call, tableNode);
    if (title) tableNode.children.unshift(title);
    return [tableNode, ...messages];
  },
};

/** Checks for a uniform two-level bullet list; returns the column count. */
function checkListContent(call: DirectiveCall, parsed: Element): number {
  const list = parsed.children[0] as Element | undefined;
  if (parsed.children.length !== 1 || list?.type !== 'bullet_list') {
    throw new TableProblem(
      tableError(call, `Error parsing content block for the "${call.name}" directive: exactly one bullet list expected.`),
    );
  }
  let columns = 0;
  list.children.forEach((node, index) => {
    const item = node as Element;
    const sublist = item.children[0] as Element | undefined;
    if (item.children.length !== 1 || sublist?.type !== 'bullet_list') {
      throw new TableProblem(
        tableError(
          call,
          `Error parsing content block for the "${call.name}" directive: two-level bullet list expected, but row ${index + 1} does not contain a second-level bullet list.`,
        ),
      );
    }
    if (index === 0) {
      columns = sublist.children.length;
    } else if (sublist.children.length !== columns) {
      throw new TableProblem(
        tableError(
          call,
          `Error parsing content block for the "${call.name}" directive: uniform two-level bullet list expected, but row ${index + 1} does not contain the same number of items as row 1 (${sublist.children.length} vs ${columns}).`,
        ),
      );
    }
  });
  return columns;
}

/**
 * The `table` and `tgroup` of a directive-built table, with a `colspec` per
 * column (the first `stubs` of them stub columns), as docutils' table
 * directives make them.
 */
export function tableSkeleton(call: DirectiveCall, widths: number[], stubs: number): [Element, Element] {
  const tableNode = element('table', { classes: widthsClass(widthsOf(call)) });
  const tgroup = element('tgroup', { cols: widths.length });
  tableNode.children.push(tgroup);
  widths.forEach((colwidth, index) => {
    const colspec = element('colspec', { colwidth });
    if (index < stubs) colspec.attributes.stub = 1;
    tgroup.children.push(colspec);
  });
  return [tableNode, tgroup];
}

/** docutils `ListTable.build_table_from_list`. */
function buildTableFromList(call: DirectiveCall, data: Node[][][], widths: number[], headerRows: number, stubs: number): Element {
  const [tableNode, tgroup] = tableSkeleton(call, widths, stubs);
  const rows = data.map((row) => element('row', {}, row.map((cell) => element('entry', {}, cell))));
  if (headerRows) tgroup.children.push(element('thead', {}, rows.slice(0, headerRows)));
  tgroup.children.push(element('tbody', {}, rows.slice(headerRows)));
  return tableNode;
}

const listTable: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    'header-rows': nonnegativeInt,
    'stub-columns': nonnegativeInt,
    width,
    widths: valueOr(['auto'], positiveIntList),
    class: classOption,
    name: unchanged,
    align,
  },
  hasContent: true,
  run(call) {
    if (call.content.length === 0) {
      return [tableError(call, `The "${call.name}" directive is empty; content required.`)];
    }
    const { title, messages } = makeTitle(call);
    const parsed = scratch();
    call.state.nestedParse(call.content, parsed);
    const headerRows = (call.options['header-rows'] as number | undefined) ?? 0;
    const stubColumns = (call.options['stub-columns'] as number | undefined) ?? 0;
    let data: Node[][][];
    let widths: number[];
    try {
      const columns = checkListContent(call, parsed);
      widths = getColumnWidths(call, columns);
      data = (parsed.children[0] as Element).children.map((row) =>
        ((row as Element).children[0] as Element).children.map((item) => (item as Element).children),
      );
      checkTableDimensions(call, data, headerRows, stubColumns);
    } catch (error) {
      if (error instanceof TableProblem) return [error.node];
      throw error;
    }
    const tableNode = buildTableFromList(call, data, widths, headerRows, stubColumns);
    finishTable(call, tableNode, title);
    return [tableNode, ...messages];
  },
};

export const tableDirectives: Record<string, Directive> = { table, 'list-table': listTable };
