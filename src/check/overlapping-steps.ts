/**
 * Steps placed exactly on one another: same x, y, z, rotations and scale,
 * so both contents show at once, one over the other. It usually comes from
 * Hovercraft's rule that a step without position fields stays where an
 * absolute value put the previous one (`:data-x: 1000`, then nothing).
 *
 * Not reported, because it is clearly meant:
 * - a step without content of its own (a camera stop, such as a return to
 *   an overview): only one of the two shows anything;
 * - a step on the step right before it that has a class of its own: a
 *   layer styled to go over the previous one.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Coordinates, Deck } from '../deck/types.js';
import type { Check, CheckInput } from './types.js';
import { diagnostic, hasContent, placedSteps, stepLine, stepName, type PlacedStep } from './steps.js';

export interface Coincidence {
  /** The later step (index into `deck.steps`). */
  index: number;
  /** The first earlier step at the same place. */
  earlier: number;
}

function placeKey(step: PlacedStep): string {
  // Rounded so that 0.1 + 0.2 and 0.3 meet, as they do on screen.
  return [step.x, step.y, step.z, step.rotateX, step.rotateY, step.rotateZ, step.scale].map((n) => Math.round(n * 1000) / 1000).join(' ');
}

function ownClass(deck: Deck, index: number): boolean {
  return deck.fieldLines?.[index]?.['class'] !== undefined;
}

/** Steps that sit exactly on an earlier step, leaving out the ones that clearly mean to. */
export function findCoincidences(deck: Deck, positions: (Coordinates | null)[]): Coincidence[] {
  const firstAt = new Map<string, number>();
  const found: Coincidence[] = [];
  let previous: number | undefined;
  for (const step of placedSteps(positions)) {
    const key = placeKey(step);
    const earlier = firstAt.get(key);
    const element = deck.steps[step.index]!;
    if (earlier === undefined) firstAt.set(key, step.index);
    else if (!hasContent(element) || !hasContent(deck.steps[earlier]!)) {
      // A camera stop: keep the one with content as the place's owner.
      if (!hasContent(deck.steps[earlier]!)) firstAt.set(key, step.index);
    } else if (!(earlier === previous && ownClass(deck, step.index))) {
      found.push({ index: step.index, earlier });
    }
    previous = step.index;
  }
  return found;
}

function checkOverlaps(input: CheckInput): Diagnostic[] {
  const { deck } = input;
  return findCoincidences(deck, input.positions).map(({ index, earlier }) =>
    diagnostic(
      'warning',
      'check/overlapping-steps',
      `${capitalize(stepName(deck, index))} is placed exactly on ${stepName(deck, earlier)} (line ${deck.steps[earlier]?.line ?? '?'}), so their contents show on top of each other.`,
      input.file,
      stepLine(deck, index),
      'A step without position fields stays where an absolute value put the step before it; give it a position (e.g. ":data-x: r1600"), or a class of its own if it is meant to lie over the previous step.',
    ),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const overlappingSteps: Check = { name: 'overlapping-steps', run: checkOverlaps };
