/**
 * A step far from all others: more than ten times the median distance
 * between neighbouring steps from the nearest one. The camera flies out
 * and back for it, and the overview is mostly empty space; the cause is
 * usually a typo (`:data-x: 100000`, or `1000` meant as `r1000` in a deck
 * that has moved far away).
 *
 * Distances are between step centres in 3D. Steps sharing one place count
 * once, so a deck whose steps sit on top of each other has no neighbours
 * at distance zero to compare against. Groups of steps far from each other
 * are fine: each step has a neighbour in its own group.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Coordinates } from '../deck/types.js';
import type { Check, CheckInput } from './types.js';
import { diagnostic, placedSteps, stepLine, stepName, type PlacedStep } from './steps.js';

export const FAR_FACTOR = 10;

export interface DistantStep {
  index: number;
  /** Distance to the nearest other step. */
  distance: number;
  /** Median of every place's distance to its nearest neighbour. */
  median: number;
}

function distance(a: PlacedStep, b: PlacedStep): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function findDistantSteps(positions: (Coordinates | null)[]): DistantStep[] {
  const places = new Map<string, PlacedStep[]>();
  for (const step of placedSteps(positions)) {
    const key = `${step.x} ${step.y} ${step.z}`;
    places.set(key, [...(places.get(key) ?? []), step]);
  }
  const centres = [...places.values()].map((steps) => steps[0]!);
  if (centres.length < 3) return [];
  const nearest = centres.map((a) => Math.min(...centres.filter((b) => b !== a).map((b) => distance(a, b))));
  const typical = median(nearest);
  if (typical === 0) return [];
  const found: DistantStep[] = [];
  centres.forEach((centre, i) => {
    if (nearest[i]! <= FAR_FACTOR * typical) return;
    const key = `${centre.x} ${centre.y} ${centre.z}`;
    for (const step of places.get(key)!) found.push({ index: step.index, distance: nearest[i]!, median: typical });
  });
  return found.sort((a, b) => a.index - b.index);
}

function checkDistance(input: CheckInput): Diagnostic[] {
  const { deck } = input;
  return findDistantSteps(input.positions).map(({ index, distance: far, median: typical }) =>
    diagnostic(
      'warning',
      'check/distant-step',
      `${stepName(deck, index).replace(/^s/, 'S')} is ${Math.round(far)} px from the nearest other step, over ${FAR_FACTOR} times the usual distance between neighbouring steps (${Math.round(typical)} px); the camera flies far out and back for it.`,
      input.file,
      stepLine(deck, index),
      'Check its position fields, and those of the step before it, for a typo: an extra zero, or an absolute value meant as a move (r…).',
    ),
  );
}

export const distantStep: Check = { name: 'distant-step', run: checkDistance };
