/**
 * The line shapes of table borders, from docutils' `Body` state. The block
 * parser tests the first two (in docutils' transition order: after
 * `line_block`, before `explicit_markup`); the rest serve the table code.
 */

/** `Body.patterns['grid_table_top']`: the top (and bottom) border of a grid table. */
export const GRID_TABLE_TOP = /^\+-[-+]+-\+ *$/;

/** `Body.patterns['simple_table_top']`: the top border of a simple table, two columns or more. */
export const SIMPLE_TABLE_TOP = /^=+( +=+)+ *$/;

/** `Body.simple_table_border_pat`: a simple table's bottom border or head/body separator. */
export const SIMPLE_TABLE_BORDER = /^=+[ =]*$/;
