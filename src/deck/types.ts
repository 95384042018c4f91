/**
 * The deck as `split` produces it and `layout`/`emit` consume it.
 *
 * The shape follows Hovercraft's SlideMaker output: a `document` element
 * whose children are `step` elements (deeper transition levels nest inside
 * their parent step) holding the docutils content nodes of each step.
 */

import type { Diagnostic, SourceLine } from '../diagnostics/diagnostic.js';
import type { Element } from '../rst/nodes.js';

export interface Deck {
  /** Document-level fields (title, css, css-print, js-header, js-body, data-transition-duration ...), as Hovercraft keeps them. */
  settings: Record<string, string>;
  /** Where each setting is (its line, and the included file it is in), for diagnostics. */
  settingLines: Record<string, SourceLine>;
  /** `document` element: step elements (and anything left outside them). */
  root: Element;
  /**
   * Every `step` element in document order (the order impress.js walks).
   * A step's `attributes` hold its fields as strings (`id`, `class`,
   * `data-x`, `hovercraft-path` ...), plus `step` (its number) and
   * `class` = "step step-level-N ...". Its children are the content.
   */
  steps: Element[];
  /** Level of each step (1 = top), index-aligned with `steps`. */
  levels: number[];
  /** Index of the enclosing step for nested steps, else null. */
  parents: (number | null)[];
  /**
   * Where each field a step got is (`data-x` → line 12, and the included
   * file it is in), for diagnostics; index-aligned with `steps`. The step
   * element's own `line` (and `source`) is where the transition (or title)
   * that started it is.
   */
  fieldLines?: Record<string, SourceLine>[];
  /** `.. header::` / `.. footer::` content, if any. */
  header?: Element;
  footer?: Element;
  /** Title from `.. title::` or `:title:`. */
  title?: string;
}

export interface SplitResult {
  deck: Deck;
  diagnostics: Diagnostic[];
}

export const COORDINATE_KEYS = [
  'data-x',
  'data-y',
  'data-z',
  'data-rotate-x',
  'data-rotate-y',
  'data-rotate-z',
  'data-scale',
] as const;

export type CoordinateKey = (typeof COORDINATE_KEYS)[number];

/** A step's coordinates, each formatted exactly as Hovercraft 2.7 prints it ("1600", "0.7", "90.0"). */
export type Coordinates = Record<CoordinateKey, string>;

export interface LayoutResult {
  /** Index-aligned with `deck.steps`; null for steps Hovercraft leaves unpositioned (nested steps). */
  positions: (Coordinates | null)[];
  diagnostics: Diagnostic[];
}

/** impress.js's defaults: where a step without coordinates of its own stands. */
export const DEFAULT_COORDINATES: Readonly<Coordinates> = {
  'data-x': '0',
  'data-y': '0',
  'data-z': '0',
  'data-rotate-x': '0',
  'data-rotate-y': '0',
  'data-rotate-z': '0',
  'data-scale': '1',
};
