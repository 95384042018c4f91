/**
 * `csv-table` (docutils `directives/tables.py` CSVTable): rows from the
 * content or from a file in the deck's folder, read with docutils' CSV
 * dialect (`delim`, `quote`, `escape`, `keepspace`), each cell parsed as
 * body elements.
 */

import { element, type Element } from '../nodes.js';
import { StringList } from '../string-list.js';
import { splitlines } from '../pformat.js';
import type { Directive, DirectiveCall } from './types.js';
import {
  classOption,
  encoding,
  flag,
  nonnegativeInt,
  path,
  positiveIntList,
  singleCharOrUnicode,
  singleCharOrWhitespaceOrUnicode,
  unchanged,
  uri,
  valueOr,
} from './options.js';
import { CsvError, readCsv, type CsvDialect } from './csv.js';
import { resolvePath } from './include.js';
import { pyOpenError } from './python.js';
import {
  TableProblem,
  align,
  checkTableDimensions,
  finishTable,
  getColumnWidths,
  makeTitle,
  tableError,
  width,
  tableSkeleton,
} from './tables.js';

/** A cell: its lines, parsed later into an `entry`. */
type Cell = string[];

function contentDialect(options: Record<string, unknown>): CsvDialect {
  const dialect: CsvDialect = {
    delimiter: ',',
    quotechar: '"',
    escapechar: null,
    doublequote: true,
    skipinitialspace: true,
    strict: true,
  };
  if ('delim' in options) dialect.delimiter = String(options.delim);
  if ('keepspace' in options) dialect.skipinitialspace = false;
  if ('quote' in options) dialect.quotechar = String(options.quote);
  if ('escape' in options) {
    dialect.doublequote = false;
    dialect.escapechar = String(options.escape);
  }
  return dialect;
}

/** The dialect of the `header` option's data. */
const HEADER_DIALECT: CsvDialect = {
  delimiter: ',',
  quotechar: '"',
  escapechar: '\\',
  doublequote: false,
  skipinitialspace: true,
  strict: true,
};

function parseRows(lines: string[], dialect: CsvDialect): { rows: Cell[][]; maxCols: number } {
  const records = readCsv(lines.map((line) => `${line}\n`), dialect);
  const rows = records.map((record) => record.map((cell) => splitlines(cell)));
  return { rows, maxCols: Math.max(0, ...records.map((r) => r.length)) };
}

/** The CSV lines: the content, or the `:file:` read through the host. */
function csvData(call: DirectiveCall): { lines: string[]; source: string } {
  const { options, state } = call;
  const external = 'file' in options || 'url' in options;
  if (call.content.length > 0) {
    if (external) {
      throw new TableProblem(
        tableError(call, `"${call.name}" directive may not both specify an external file and have content.`),
      );
    }
    return { lines: call.content.lines, source: call.content.info(0)?.source ?? state.document.sourceName };
  }
  if ('file' in options) {
    if ('url' in options) {
      throw new TableProblem(
        tableError(
          call,
          `The "file" and "url" options may not be simultaneously specified for the "${call.name}" directive.`,
        ),
      );
    }
    const source = resolvePath(state.sourceDir, String(options.file));
    const text = state.readFile(source);
    if (text === undefined) {
      throw new TableProblem(
        tableError(call, `Problems with "${call.name}" directive path:\n${pyOpenError(source)}.`, 4),
      );
    }
    return { lines: splitlines(text), source };
  }
  if ('url' in options) {
    throw new TableProblem(
      tableError(
        call,
        `Problems with "${call.name}" directive URL "${String(options.url)}":\nURL access is not supported; put the file next to the deck and use :file:.`,
        4,
      ),
    );
  }
  throw new TableProblem(tableError(call, `The "${call.name}" directive requires content; none supplied.`, 2));
}

/** docutils `Body.build_table` for rows of plain cells; each non-empty cell is parsed. */
function buildTable(call: DirectiveCall, widths: number[], head: Cell[][], body: Cell[][], stubs: number, source: string): Element {
  const [tableNode, tgroup] = tableSkeleton(call, widths, stubs);
  const row = (cells: Cell[]): Element =>
    element(
      'row',
      {},
      cells.map((cell) => {
        const entry = element('entry');
        if (cell.join('') !== '') {
          const fileLine = call.content.itemAt(0)?.offset ?? call.lineno - 1;
          // docutils numbers a cell's lines from 0 (its `StringList(cell_text.splitlines())`),
          // which shows in messages about them; positions stay at the table's content.
          call.state.nestedParse(StringList.fromText(cell, source, 0, fileLine), entry, { inputOffset: call.contentOffset });
        }
        return entry;
      }),
    );
  if (head.length > 0) tgroup.children.push(element('thead', {}, head.map(row)));
  tgroup.children.push(element('tbody', {}, body.map(row)));
  return tableNode;
}

function runCsvTable(call: DirectiveCall): Element[] {
  const { options } = call;
  if (!call.state.fileInsertionEnabled && ('file' in options || 'url' in options)) {
    return [tableError(call, `File and URL access deactivated; ignoring "${call.name}" directive.`, 2)];
  }
  const { title, messages } = makeTitle(call);
  let tableNode: Element;
  try {
    const { lines, source } = csvData(call);
    const header = 'header' in options ? parseRows(String(options.header).split('\n'), HEADER_DIALECT) : undefined;
    const head = header ? header.rows : [];
    const parsed = parseRows(lines, contentDialect(options));
    const maxCols = Math.max(parsed.maxCols, header?.maxCols ?? 0);
    const headerRows = (options['header-rows'] as number | undefined) ?? 0;
    const stubColumns = (options['stub-columns'] as number | undefined) ?? 0;
    checkTableDimensions(call, parsed.rows, headerRows, stubColumns);
    head.push(...parsed.rows.slice(0, headerRows));
    const body = parsed.rows.slice(headerRows);
    const widths = getColumnWidths(call, maxCols);
    for (const r of [...head, ...body]) while (r.length < maxCols) r.push([]);
    tableNode = buildTable(call, widths, head, body, stubColumns, source);
  } catch (error) {
    if (error instanceof TableProblem) return [error.node];
    if (error instanceof CsvError) {
      return [tableError(call, `Error with CSV data in "${call.name}" directive:\n${error.message}`)];
    }
    throw error;
  }
  finishTable(call, tableNode, title);
  return [tableNode, ...(messages as Element[])];
}

const csvTable: Directive = {
  requiredArguments: 0,
  optionalArguments: 1,
  finalArgumentWhitespace: true,
  optionSpec: {
    'header-rows': nonnegativeInt,
    'stub-columns': nonnegativeInt,
    header: unchanged,
    width,
    widths: valueOr(['auto'], positiveIntList),
    file: path,
    url: uri,
    encoding,
    class: classOption,
    name: unchanged,
    align,
    delim: singleCharOrWhitespaceOrUnicode,
    keepspace: flag,
    quote: singleCharOrUnicode,
    escape: singleCharOrUnicode,
  },
  hasContent: true,
  run: runCsvTable,
};

export const csvTableDirectives: Record<string, Directive> = { 'csv-table': csvTable };
