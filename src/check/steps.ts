/**
 * What checks need to know about a step: how to name it in a message,
 * which line to point at, whether it shows anything, and where layout put it.
 */

import { diagnosticAt, type SourceLine } from '../diagnostics/diagnostic.js';
import { COORDINATE_KEYS, type Coordinates, type Deck } from '../deck/types.js';
import { isElement, isText, type Element } from '../rst/nodes.js';
import { fieldPlace } from '../deck/tree.js';

/** A positioned step with its coordinates as numbers. */
export interface PlacedStep {
  /** Index into `deck.steps` (step number − 1). */
  index: number;
  x: number;
  y: number;
  z: number;
  rotateX: number;
  rotateY: number;
  rotateZ: number;
  scale: number;
}

/** Hovercraft prints coordinates as Python numbers ("1600", "0.7", "90.0"); all parse as JavaScript numbers. */
function toNumber(value: string | undefined): number {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
}

/** Every step layout positioned (nested steps are not), in deck order. */
export function placedSteps(positions: (Coordinates | null)[]): PlacedStep[] {
  const placed: PlacedStep[] = [];
  positions.forEach((position, index) => {
    if (!position) return;
    const [x, y, z, rotateX, rotateY, rotateZ, scale] = COORDINATE_KEYS.map((key) => toNumber(position[key]));
    placed.push({ index, x: x!, y: y!, z: z!, rotateX: rotateX!, rotateY: rotateY!, rotateZ: rotateZ!, scale: scale! });
  });
  return placed;
}

/** `step 12 ("intro")` or `step 12`: the number impress.js walks, and the id when the author gave one. */
export function stepName(deck: Deck, index: number): string {
  const id = deck.steps[index]?.attributes['id'];
  return typeof id === 'string' && id !== '' ? `step ${index + 1} ("${id}")` : `step ${index + 1}`;
}

/** The step's first field (what the author wrote for it), else the transition or title that starts it. */
export function stepLine(deck: Deck, index: number): SourceLine | undefined {
  const fields = Object.values(deck.fieldLines?.[index] ?? {});
  if (fields.length > 0) return fields.reduce((first, at) => (at.line < first.line ? at : first));
  return fieldPlace(deck, index);
}

/** Elements that put nothing on the screen: presenter notes, comments, targets, definitions. */
const INVISIBLE = new Set(['step', 'note', 'comment', 'target', 'substitution_definition', 'pending']);

/**
 * Whether a step shows something of its own. A step without content is a
 * camera stop (zooming out to an overview, say): sharing a place is its point.
 */
export function hasContent(step: Element): boolean {
  return step.children.some((child) => (isText(child) ? child.value.trim() !== '' : isElement(child) && !INVISIBLE.has(child.type)));
}

export { diagnosticAt as diagnostic };
