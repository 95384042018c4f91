/**
 * What each step div carries: its id, its classes and its coordinates.
 *
 * Ids: the step's `:id:`, else a slug of its first title (docutils'
 * `make_id`), else `step-N` (1-based, as impress.js names steps itself);
 * each made unique, so every step can be reached by `#id`.
 */

import { COORDINATE_KEYS, DEFAULT_COORDINATES, type Coordinates, type Deck } from '../deck/types.js';
import { makeId, splitWhitespace, unescape } from '../rst/names.js';
import type { SourceLine } from '../diagnostics/diagnostic.js';
import { isElement, textContent, type Element } from '../rst/nodes.js';
import { formatAttribute, stringAttribute, unique } from './html.js';
import type { StepInfo } from './render/context.js';
import { fieldPlace } from '../deck/tree.js';

/** Attributes that are not written through: they become class/id/coordinates, or only mean something to layout. */
const CONSUMED = new Set<string>(['class', 'id', 'step', 'hovercraft-path', 'data-rotate', ...COORDINATE_KEYS]);

const UNPOSITIONED: Coordinates = DEFAULT_COORDINATES;

export type StepReport = (code: string, message: string, at?: SourceLine) => void;

/** The first `title` in a step's own content (not in steps nested inside it). */
export function firstTitle(step: Element): Element | undefined {
  for (const child of step.children) {
    if (!isElement(child) || child.type === 'step') continue;
    if (child.type === 'title') return child;
    const found = firstTitle(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * `base`, or `base-2`, `base-3` … whichever is free. `taken` only grows,
 * so the search for a base resumes where it last stopped (`next`): a title
 * repeated on every slide costs one probe per step, not one per earlier one.
 */
function uniqueId(base: string, taken: Set<string>, next: Map<string, number>): string {
  if (!taken.has(base)) return base;
  let n = next.get(base) ?? 2;
  while (taken.has(`${base}-${n}`)) n++;
  next.set(base, n + 1);
  return `${base}-${n}`;
}

/**
 * Step ids, index-aligned with `deck.steps`. Explicit ids are placed first
 * so a title slug never takes an id an author chose for a later step.
 */
export function assignStepIds(deck: Deck, report: StepReport): string[] {
  const explicit = deck.steps.map((step) => {
    const id = stringAttribute(step, 'id');
    return id === undefined ? undefined : splitWhitespace(id).join('-');
  });
  const taken = new Set<string>(explicit.filter((id): id is string => id !== undefined && id !== ''));
  const claimed = new Set<string>();
  const next = new Map<string, number>();
  return deck.steps.map((step, index) => {
    const own = explicit[index];
    if (own !== undefined && own !== '') {
      if (!claimed.has(own)) {
        claimed.add(own);
        return own;
      }
      const renamed = uniqueId(own, taken, next);
      taken.add(renamed);
      report('emit/duplicate-step-id', `Step id "${own}" is used by an earlier step; this step gets the id "${renamed}".`, fieldPlace(deck, index, 'id'));
      return renamed;
    }
    const title = firstTitle(step);
    const slug = title ? makeId(unescape(textContent(title))) : '';
    const id = uniqueId(slug === '' ? `step-${index + 1}` : slug, taken, next);
    taken.add(id);
    return id;
  });
}

/** `step`, `step-level-N`, then the step's own classes. */
function stepClasses(step: Element, level: number): string[] {
  const own = splitWhitespace(stringAttribute(step, 'class') ?? '');
  return unique(['step', `step-level-${level}`, ...own.filter((name) => !/^step-level-\d+$/.test(name))]);
}

/**
 * The step div's attributes, written: `class`, `id`, the seven
 * coordinates, then the step's other `data-*` fields
 * (`data-transition-duration`, `data-autoplay` …). Written as the step is
 * rendered, not described beforehand for every step: on a large deck those
 * descriptions outlived the young generation, and copying them out of it
 * was most of their cost.
 */
export function stepTagAttributes(step: Element, info: StepInfo): string {
  let out = formatAttribute('class', stepClasses(step, info.level).join(' ')) + formatAttribute('id', info.id);
  const coordinates = info.position ?? UNPOSITIONED;
  for (const key of COORDINATE_KEYS) out += formatAttribute(key, coordinates[key] ?? UNPOSITIONED[key]);
  for (const key of Object.keys(step.attributes)) {
    if (!key.startsWith('data-') || CONSUMED.has(key)) continue;
    const value = step.attributes[key]!;
    out += formatAttribute(key, Array.isArray(value) ? value.join(' ') : String(value));
  }
  return out;
}

export function describeSteps(deck: Deck, positions: (Coordinates | null)[], report: StepReport): Map<Element, StepInfo> {
  const ids = assignStepIds(deck, report);
  const steps = new Map<Element, StepInfo>();
  deck.steps.forEach((step, index) => {
    steps.set(step, { id: ids[index]!, level: deck.levels[index] ?? 1, position: positions[index] });
  });
  return steps;
}
