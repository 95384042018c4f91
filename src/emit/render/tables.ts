/**
 * Tables: docutils' table/tgroup/colspec/thead/tbody/row/entry become one
 * `<table class="docutils">` with a `<colgroup>` of relative widths.
 */

import { isElement, listAttribute, type Element } from '../../rst/nodes.js';
import { openTag, stringAttribute, wrap } from '../html.js';
import type { RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

function table(node: Element, ctx: RenderContext): string {
  const align = stringAttribute(node, 'align');
  const width = stringAttribute(node, 'width');
  const open = openTag('table', node, ctx, {
    classes: ['docutils', ...(align ? [`align-${align}`] : [])],
    attributes: [['style', width ? `width: ${width};` : undefined]],
  });
  ctx.ancestors.push(node);
  const parts = node.children.map((child) =>
    isElement(child) && child.type === 'title' ? wrap('caption', child, ctx, ctx.children(child)) + '\n' : ctx.render(child),
  );
  ctx.ancestors.pop();
  return `${open}\n${parts.join('')}</table>\n`;
}

/** `<colgroup>` from the colspecs' relative widths, unless the table asks for automatic widths. */
function colgroup(tgroup: Element, ctx: RenderContext): string {
  const colspecs = tgroup.children.filter(isElement).filter((child) => child.type === 'colspec');
  const tableNode = ctx.ancestors[ctx.ancestors.length - 1];
  const auto = tableNode !== undefined && listAttribute(tableNode, 'classes').includes('colwidths-auto');
  const widths = colspecs.map((colspec) => Number(stringAttribute(colspec, 'colwidth') ?? 0));
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (auto || colspecs.length === 0 || !(total > 0)) return '';
  const cols = widths.map((width) => `<col style="width: ${((width * 100) / total).toFixed(1)}%">`);
  return `<colgroup>\n${cols.join('\n')}\n</colgroup>\n`;
}

function tgroup(node: Element, ctx: RenderContext): string {
  return colgroup(node, ctx) + ctx.children(node);
}

/** The column an entry starts in: the spans of the entries before it in its row. */
function entryColumn(entry: Element, row: Element): number {
  let column = 0;
  for (const child of row.children) {
    if (child === entry) break;
    if (isElement(child)) column += 1 + Number(stringAttribute(child, 'morecols') ?? 0);
  }
  return column;
}

/** Header cells and stub-column cells are `<th>`, the rest `<td>`; spans become rowspan/colspan. */
function entry(node: Element, ctx: RenderContext): string {
  const [tgroupNode, section, row] = ctx.ancestors.slice(-3);
  const colspecs = tgroupNode?.children.filter(isElement).filter((child) => child.type === 'colspec') ?? [];
  const column = row ? entryColumn(node, row) : 0;
  const stub = colspecs[column] !== undefined && stringAttribute(colspecs[column]!, 'stub') !== undefined;
  const header = section?.type === 'thead';
  const morerows = Number(stringAttribute(node, 'morerows') ?? 0);
  const morecols = Number(stringAttribute(node, 'morecols') ?? 0);
  return `${wrap(header || stub ? 'th' : 'td', node, ctx, ctx.children(node), {
    classes: stub && !header ? ['stub'] : [],
    attributes: [
      ['rowspan', morerows > 0 ? String(morerows + 1) : undefined],
      ['colspan', morecols > 0 ? String(morecols + 1) : undefined],
    ],
  })}\n`;
}

export const tableRules = {
  table,
  tgroup,
  // Written by tgroup as one <colgroup>.
  colspec: () => '',
  thead: (node, ctx) => `${wrap('thead', node, ctx, `\n${ctx.children(node)}`)}\n`,
  tbody: (node, ctx) => `${wrap('tbody', node, ctx, `\n${ctx.children(node)}`)}\n`,
  row: (node, ctx) => `${wrap('tr', node, ctx, `\n${ctx.children(node)}`)}\n`,
  entry,
} satisfies Partial<Record<NodeType, RenderRule>>;
