/**
 * apply: write the calculated numbers as the attribute strings Hovercraft
 * prints, resolving id anchors on the way (`position.update_positions`).
 *
 * An anchored coordinate adds the referenced element's attribute *as it is
 * at that moment*: a step placed earlier has its final position, the step
 * itself has just been given its offset, and a later step still has the
 * raw field its author wrote (or none). Every element whose `id` matches
 * counts, in document order, each adding to the sum.
 */

import { COORDINATE_KEYS, type CoordinateKey, type Coordinates } from '../deck/types.js';
import type { CalculatedPosition } from './calculate.js';
import { formatPyNumber, parsePyNumber, pyAdd } from './python-number.js';

/** An element that may be an anchor: its attribute strings. */
export interface AnchorTarget {
  attributes: Record<string, unknown>;
}

export type ApplyProblem =
  | { kind: 'missing-anchor'; step: number; key: CoordinateKey; anchor: string }
  | { kind: 'later-anchor'; step: number; key: CoordinateKey; anchor: string; target: number | null }
  | { kind: 'unreadable-anchor'; step: number; key: CoordinateKey; anchor: string; value: string | undefined };

export interface ApplyResult {
  coordinates: Coordinates[];
  problems: ApplyProblem[];
}

export interface ApplyInput {
  positions: CalculatedPosition[];
  /** Top-level steps, index-aligned with `positions`. */
  steps: AnchorTarget[];
  /** Elements carrying each `id`, in document order. */
  elementsById: Map<string, AnchorTarget[]>;
}

export function applyPositions(input: ApplyInput): ApplyResult {
  const written = new Map<AnchorTarget, Partial<Coordinates>>();
  const stepIndex = new Map(input.steps.map((step, index) => [step, index]));
  const problems: ApplyProblem[] = [];
  const coordinates = input.positions.map((position, index) => {
    const step = input.steps[index]!;
    const out: Partial<Coordinates> = {};
    written.set(step, out);
    for (const key of COORDINATE_KEYS) {
      let value = position.values[key];
      out[key] = formatPyNumber(value);
      const anchor = position.anchors[key];
      if (anchor === undefined) continue;
      const targets = input.elementsById.get(anchor) ?? [];
      // "-500" is anchored to the id "": nothing has it, so it stays absolute.
      if (targets.length === 0 && anchor !== '') problems.push({ kind: 'missing-anchor', step: index, key, anchor });
      for (const target of targets) {
        const targetIndex = stepIndex.get(target);
        if (targetIndex === undefined || targetIndex >= index) {
          problems.push({ kind: 'later-anchor', step: index, key, anchor, target: targetIndex ?? null });
        }
        const current = written.get(target)?.[key] ?? stringAttribute(target, key);
        const base = current === undefined ? undefined : parsePyNumber(current);
        if (!base) {
          problems.push({ kind: 'unreadable-anchor', step: index, key, anchor, value: current });
          continue;
        }
        value = pyAdd(base, value);
        out[key] = formatPyNumber(value);
      }
    }
    return out as Coordinates;
  });
  return { coordinates, problems };
}

function stringAttribute(target: AnchorTarget, key: string): string | undefined {
  const value = target.attributes[key];
  return typeof value === 'string' ? value : undefined;
}
