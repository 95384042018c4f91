/**
 * layout: the absolute 3D position of every step, as Hovercraft 2.7
 * computes it (`position.py`): gather the position fields of the
 * top-level steps, calculate numbers on plain data, apply them with id
 * anchors resolved. Nested steps are left unpositioned, as Hovercraft
 * leaves them.
 *
 * Where Hovercraft's reading is surely not what the author meant, the
 * result stays Hovercraft's and a warning says how to write it instead
 * (`layout-messages.ts`).
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Deck, LayoutResult, Coordinates } from '../deck/types.js';
import { isElement, walkElements, type Element } from '../rst/nodes.js';
import { applyPositions, type AnchorTarget } from './apply.js';
import { calculatePositions } from './calculate.js';
import { keepFinite } from './finite.js';
import { gatherPositions, type StepFields } from './gather.js';
import { describeApplyProblem, describeCalculateProblem, settingsWarnings } from './layout-messages.js';

export interface LayoutOptions {
  sourceName: string;
}

/** Indices (into `deck.steps`) of the steps Hovercraft positions. */
export function topLevelSteps(deck: Deck): number[] {
  return deck.steps.flatMap((_step, index) => (deck.parents[index] === null ? [index] : []));
}

export function stepFields(step: Element): StepFields {
  const fields: StepFields = {};
  for (const [key, value] of Object.entries(step.attributes)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}

/** Every element below the root with an `id` attribute, as `.//*[@id=…]` finds them. */
function indexIds(root: Element): Map<string, AnchorTarget[]> {
  const byId = new Map<string, AnchorTarget[]>();
  for (const child of root.children) {
    if (!isElement(child)) continue;
    for (const node of walkElements(child)) {
      const id = node.attributes['id'];
      if (typeof id !== 'string') continue;
      const list = byId.get(id) ?? [];
      list.push(node);
      byId.set(id, list);
    }
  }
  return byId;
}

export function layout(deck: Deck, options: LayoutOptions): LayoutResult {
  const topLevel = topLevelSteps(deck);
  const steps = topLevel.map((index) => deck.steps[index]!);
  const gathered = gatherPositions(steps.map(stepFields));
  const calculated = calculatePositions(gathered);
  const applied = applyPositions({
    positions: calculated.positions,
    steps,
    elementsById: indexIds(deck.root),
  });

  const positions: (Coordinates | null)[] = deck.steps.map(() => null);
  topLevel.forEach((deckIndex, i) => {
    positions[deckIndex] = applied.coordinates[i] ?? null;
  });

  const context = { deck, topLevel, file: options.sourceName };
  const diagnostics: Diagnostic[] = [
    ...keepFinite(deck, positions, options.sourceName),
    ...settingsWarnings(deck, options.sourceName),
    ...calculated.problems.map((problem) => describeCalculateProblem(problem, context)),
    ...dedupe(applied.problems.flatMap((problem) => describeApplyProblem(problem, context) ?? [])),
  ];
  return { positions, diagnostics };
}

/** One message per step and text: anchors are resolved once per coordinate. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
