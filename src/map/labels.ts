/**
 * The words on the map: what each step is called (its title, else the
 * start of its text), and where its number goes so that no two numbers
 * cover each other. Steps sharing one place share one label ("2 · 27").
 */

import { isElement, textContent, type Element } from '../rst/nodes.js';
import { unescape } from '../rst/names.js';
import { firstTitle } from '../emit/steps.js';

/** Text nodes keep docutils' NUL escapes; XML forbids most control characters. */
function clean(text: string): string {
  return unescape(text).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const SILENT = new Set(['step', 'note', 'comment', 'target', 'substitution_definition', 'pending', 'system_message']);

/** The step's first title, else the beginning of its first visible element's text; '' for a step without content. */
export function stepCaption(step: Element): string {
  const title = firstTitle(step);
  if (title) return clean(textContent(title));
  for (const child of step.children) {
    if (!isElement(child) || SILENT.has(child.type)) continue;
    const text = clean(textContent(child));
    if (text) return text;
    if (child.type === 'image' || child.type === 'figure') return String(child.attributes['uri'] ?? 'image');
  }
  return '';
}

/** `text` cut to `max` characters at a word if it can be, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Offsets to try, nearest first: the spot itself, then rings of eight directions. */
function* candidates(step: number): Generator<[number, number]> {
  yield [0, 0];
  for (let ring = 1; ring <= 6; ring++) {
    for (let k = 0; k < 8; k++) {
      const angle = (Math.PI / 4) * k + Math.PI / 2;
      yield [Math.round(Math.cos(angle) * ring * step), Math.round(Math.sin(angle) * ring * step)];
    }
  }
}

/**
 * Places boxes (in screen pixels, centred on their anchors) greedily in
 * the given order, each where it covers none placed before; a box that
 * fits nowhere stays on its anchor. Returns each box's offset from its anchor.
 */
export function placeLabels(boxes: Rect[], step: number): [number, number][] {
  const placed: Rect[] = [];
  return boxes.map((box) => {
    for (const [dx, dy] of candidates(step)) {
      const moved = { ...box, x: box.x + dx, y: box.y + dy };
      if (!placed.some((other) => intersects(moved, other))) {
        placed.push(moved);
        return [dx, dy];
      }
    }
    placed.push(box);
    return [0, 0];
  });
}
