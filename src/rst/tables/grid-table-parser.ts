/**
 * Grid table structure, after docutils' `tableparser.GridTableParser`:
 *
 * ```
 * > | +-----+-----+      cells are traced from their top-left `+`:
 *     ^                  right along the top, down the right side,
 *   | | a   | b   |      left along the bottom and up again; every
 *   | +=====+=====+      traced cell adds its top-right and
 *   | | c         |      bottom-left corners to the queue of corners
 *   | +-----------+      still to look at.
 * ```
 *
 * The block has already been isolated (equal-width lines framed by `+` and
 * `|`); what cannot be traced is a markup error, reported by the caller as
 * "Malformed table.".
 */

import type { TableBlock } from './table-block.js';
import {
  findHeadBodySeparator,
  markupError,
  type CellData,
  type RowData,
  type TableData,
  type TableParse,
} from './table-data.js';

const HEAD_BODY_SEPARATOR = /^\+=[=+]+=\+ *$/;

interface TracedCell {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Corners seen while tracing one cell: row borders (line indices) and column borders. */
interface Borders {
  rows: number[];
  columns: number[];
}

export function parseGridStructure(block: TableBlock): TableParse {
  const found = findHeadBodySeparator(block, HEAD_BODY_SEPARATOR);
  if ('error' in found) return found;
  const grid = new GridTracer(block.lines);
  if (!grid.trace()) return markupError('Malformed table; parse incomplete.');
  return { data: grid.structure(block, found.separator) };
}

class GridTracer {
  private readonly lines: string[];
  private readonly bottom: number;
  private readonly right: number;
  /** Per text column, the last line index already covered by a traced cell. */
  private readonly done: number[];
  private readonly rowBorders = new Set<number>([0]);
  private readonly columnBorders = new Set<number>([0]);
  readonly cells: TracedCell[] = [];

  constructor(lines: string[]) {
    this.lines = lines;
    this.bottom = lines.length - 1;
    this.right = lines[0]!.length - 1;
    this.done = new Array<number>(lines[0]!.length).fill(-1);
  }

  /** `parse_table`; false when some part of the grid was never reached. */
  trace(): boolean {
    const corners: [number, number][] = [[0, 0]];
    while (corners.length > 0) {
      const [top, left] = corners.shift()!;
      if (top === this.bottom || left === this.right || top <= this.done[left]!) continue;
      const cell = this.scanCell(top, left);
      if (!cell) continue;
      this.markDone(cell);
      this.cells.push(cell);
      insertSorted(corners, [top, cell.right]);
      insertSorted(corners, [cell.bottom, left]);
    }
    return this.isComplete();
  }

  private markDone({ left, bottom, right }: TracedCell): void {
    // docutils asserts each column was done up to the cell's top; tracing guarantees it.
    for (let column = left; column < right; column++) this.done[column] = bottom - 1;
  }

  private isComplete(): boolean {
    const last = this.bottom - 1;
    for (let column = 0; column < this.right; column++) {
      if (this.done[column] !== last) return false;
    }
    return true;
  }

  private char(row: number, column: number): string | undefined {
    return this.lines[row]![column];
  }

  /** `scan_cell` / `scan_right`: along the top edge to a `+` whose cell closes. */
  private scanCell(top: number, left: number): TracedCell | undefined {
    const columns: number[] = [];
    for (let column = left + 1; column <= this.right; column++) {
      const ch = this.char(top, column);
      if (ch === '+') {
        columns.push(column);
        const down = this.scanDown(top, left, column);
        if (down) {
          this.addBorders({ rows: down.borders.rows, columns: [...columns, ...down.borders.columns] });
          return { top, left, bottom: down.bottom, right: column };
        }
      } else if (ch !== '-') {
        return undefined;
      }
    }
    return undefined;
  }

  /** `scan_down`: down the right edge to a `+` from which the bottom edge closes. */
  private scanDown(
    top: number,
    left: number,
    right: number,
  ): { bottom: number; borders: Borders } | undefined {
    const rows: number[] = [];
    for (let row = top + 1; row <= this.bottom; row++) {
      const ch = this.char(row, right);
      if (ch === '+') {
        rows.push(row);
        const rest = this.scanLeft(top, left, row, right);
        if (rest) return { bottom: row, borders: { rows: [...rows, ...rest.rows], columns: rest.columns } };
      } else if (ch !== '|') {
        return undefined;
      }
    }
    return undefined;
  }

  /** `scan_left`: the bottom edge must be `-`/`+` and end in a `+` under the start. */
  private scanLeft(top: number, left: number, bottom: number, right: number): Borders | undefined {
    const columns: number[] = [];
    for (let column = right - 1; column > left; column--) {
      const ch = this.char(bottom, column);
      if (ch === '+') columns.push(column);
      else if (ch !== '-') return undefined;
    }
    if (this.char(bottom, left) !== '+') return undefined;
    const rows = this.scanUp(top, left, bottom);
    return rows ? { rows, columns } : undefined;
  }

  /** `scan_up`: the left edge must be `|`/`+` back to the starting corner. */
  private scanUp(top: number, left: number, bottom: number): number[] | undefined {
    const rows: number[] = [];
    for (let row = bottom - 1; row > top; row--) {
      const ch = this.char(row, left);
      if (ch === '+') rows.push(row);
      else if (ch !== '|') return undefined;
    }
    return rows;
  }

  private addBorders(borders: Borders): void {
    for (const row of borders.rows) this.rowBorders.add(row);
    for (const column of borders.columns) this.columnBorders.add(column);
  }

  /** `structure_from_cells`: cells placed on the grid of row and column borders. */
  structure(block: TableBlock, separator: number | undefined): TableData {
    const rowBorders = [...this.rowBorders].sort((a, b) => a - b);
    const columnBorders = [...this.columnBorders].sort((a, b) => a - b);
    const rowIndex = new Map(rowBorders.map((line, i) => [line, i]));
    const columnIndex = new Map(columnBorders.map((column, i) => [column, i]));
    const colwidths = columnBorders.slice(1).map((column, i) => column - columnBorders[i]! - 1);
    const rows: RowData[] = rowBorders
      .slice(1)
      .map(() => new Array<CellData | null>(columnBorders.length - 1).fill(null));
    for (const { top, left, bottom, right } of this.cells) {
      const row = rowIndex.get(top)!;
      const column = columnIndex.get(left)!;
      rows[row]![column] = {
        morerows: rowIndex.get(bottom)! - row - 1,
        morecols: columnIndex.get(right)! - column - 1,
        offset: top + 1,
        content: block.get2DBlock(top + 1, left + 1, bottom, right),
      };
    }
    const headCount = separator ? (rowIndex.get(separator) ?? 0) : 0;
    return { colwidths, headRows: rows.slice(0, headCount), bodyRows: rows.slice(headCount) };
  }
}

/** Keeps the corner queue in top-to-bottom, left-to-right order (docutils sorts it after each cell). */
function insertSorted(corners: [number, number][], corner: [number, number]): void {
  let low = 0;
  let high = corners.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = corners[middle]!;
    if (other[0] < corner[0] || (other[0] === corner[0] && other[1] <= corner[1])) low = middle + 1;
    else high = middle;
  }
  corners.splice(low, 0, corner);
}
