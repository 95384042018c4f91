/**
 * Highlighted code with line numbers (`:number-lines:`). docutils puts the
 * numbers in the tree as `inline.ln` nodes before each line; highlight.js
 * wants the code alone. So the code is highlighted without them, split
 * into lines, and each line gets its number back.
 *
 * A highlight.js span may run over several lines (a docstring, a block
 * comment): it is closed at each line end and opened again on the next
 * line, so every line is well-formed HTML on its own.
 */

import { unescape } from '../../rst/names.js';
import { isElement, listAttribute, textContent, type Element } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';

/** The code of a numbered block, without its line numbers, and the numbers as docutils wrote them ("10 "). */
export function splitLineNumbers(node: Element): { code: string; numbers: string[] } {
  let code = '';
  const numbers: string[] = [];
  for (const child of node.children) {
    if (isElement(child) && listAttribute(child, 'classes').includes('ln')) numbers.push(unescape(textContent(child)));
    else code += unescape(isElement(child) ? textContent(child) : child.value);
  }
  return { code, numbers };
}

const TAG = /<\/?span[^>]*>|\n/g;

/** Highlighted HTML → one well-formed string per source line. */
export function highlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    current += html.slice(last, match.index);
    last = match.index + match[0].length;
    const token = match[0];
    if (token === '\n') {
      lines.push(current + '</span>'.repeat(open.length));
      current = open.join('');
    } else if (token.startsWith('</')) {
      open.pop();
      current += token;
    } else {
      open.push(token);
      current += token;
    }
  }
  lines.push(current + html.slice(last));
  return lines;
}

/** Each highlighted line behind its `<span class="ln">` number. */
export function numberLines(html: string, numbers: string[]): string {
  return highlightedLines(html)
    .map((line, i) => (numbers[i] !== undefined ? `<span class="ln">${escapeHtml(numbers[i]!)}</span>${line}` : line))
    .join('\n');
}
