/**
 * Coordinates impress.js can use. Hovercraft writes whatever Python's
 * float() makes of a field — `inf` for `1e400`, `nan` for `nan` — and the
 * browser then cannot place the step at all. deck keeps every other number
 * as Hovercraft computes it, but replaces a non-finite one with the previous
 * step's value (the default for the first step) and reports the field.
 */

import { diagnosticAt, type Diagnostic, type SourceLine } from '../diagnostics/diagnostic.js';
import { fieldPlace } from '../deck/tree.js';
import { COORDINATE_KEYS, DEFAULT_COORDINATES, type Coordinates, type Deck } from '../deck/types.js';

const DEFAULTS: Coordinates = DEFAULT_COORDINATES;

function isFinite(value: string): boolean {
  return Number.isFinite(Number(value));
}

/** Field that set `key` on a step (`data-rotate` stands for `data-rotate-z`). */
function fieldFor(key: string, lines: Record<string, SourceLine> | undefined): string {
  if (key === 'data-rotate-z' && lines?.['data-rotate'] !== undefined && lines['data-rotate-z'] === undefined) {
    return 'data-rotate';
  }
  return key;
}

export function keepFinite(deck: Deck, positions: (Coordinates | null)[], file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let previous: Coordinates = DEFAULTS;
  positions.forEach((coordinates, index) => {
    if (!coordinates) return;
    for (const key of COORDINATE_KEYS) {
      if (isFinite(coordinates[key])) continue;
      const lines = deck.fieldLines?.[index];
      const field = fieldFor(key, lines);
      const value = deck.steps[index]!.attributes[field];
      const own = typeof value === 'string';
      const cause = own ? `from \`:${field}: ${value}\`` : 'carried over from an earlier step';
      diagnostics.push(
        diagnosticAt(
          own ? 'error' : 'warning',
          'layout/not-finite',
          `Step ${index + 1} would get ${key}="${coordinates[key]}" ${cause}, which no browser can place; it keeps ${previous[key]}, the value before it.`,
          file,
          fieldPlace(deck, index, field),
          'Write an ordinary number, such as 1000 or r-500.',
        ),
      );
      coordinates[key] = previous[key];
    }
    previous = coordinates;
  });
  return diagnostics;
}
