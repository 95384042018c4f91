/**
 * Step fields that do nothing. Hovercraft copies any field onto the step,
 * so `:data-sclae: 2` is silently an attribute nobody reads, and deck
 * writes only `data-*` attributes onto the step's div, so `:foo:` vanishes.
 *
 * Known fields (keep in step with what layout reads, `src/emit/steps.ts`
 * writes and impress.js 1.1.0 and its bundled plugins read):
 * - `id`, `class`, `hovercraft-path`, the position fields;
 * - `data-transition-duration` (impress.js, per step);
 * - `data-autoplay` (autoplay plugin), `data-goto*` (goto plugin),
 *   `data-media-*` (media plugin), `data-rotate-order`.
 *
 * Known but without effect in deck's output, so reported:
 * - `data-rel-*`: impress.js's rel plugin adds them only to a step without
 *   `data-x`/`-y`/`-z`, and deck writes all seven coordinates on every step;
 * - `data-perspective`: impress.js reads it from the presentation only.
 *
 * Any other `data-*` field is the deck's own when its stylesheets or
 * scripts (or the template's) mention it; otherwise it is reported, with a
 * "did you mean" when it is a near miss of a known field.
 */

import type { Diagnostic, SourceLine } from '../diagnostics/diagnostic.js';
import { getOwn } from '../rst/nodes.js';
import type { AssetText, Check, CheckInput } from './types.js';
import { closestName } from './closest-name.js';
import { diagnostic, stepName } from './steps.js';

const POSITION_FIELDS = [
  'data-x',
  'data-y',
  'data-z',
  'data-rotate',
  'data-rotate-x',
  'data-rotate-y',
  'data-rotate-z',
  'data-scale',
  'hovercraft-path',
];

const PLUGIN_FIELDS = [
  'data-transition-duration',
  'data-rotate-order',
  'data-autoplay',
  'data-goto',
  'data-goto-next',
  'data-goto-prev',
  'data-goto-key-list',
  'data-goto-next-list',
  'data-media-autoplay',
  'data-media-autostop',
  'data-media-autopause',
];

/** Why a known field has no effect on a step, and what to write instead. */
const WITHOUT_EFFECT: Record<string, [string, string]> = {
  'data-rel-x': relPlugin('data-x'),
  'data-rel-y': relPlugin('data-y'),
  'data-rel-z': relPlugin('data-z'),
  'data-rel-to': ['impress.js places a step relative to another only through data-rel-x/-y/-z, which deck never leaves to it', 'Write an offset from the step\'s id, e.g. ":data-x: intro+1000".'],
  'data-perspective': ['impress.js reads the perspective from the presentation, not from a step', 'Move ":data-perspective:" into the fields at the top of the document.'],
};

function relPlugin(field: string): [string, string] {
  return [
    'impress.js adds relative offsets only to a step without coordinates, and deck writes all seven coordinates on every step',
    `Write a move from the previous step instead, e.g. ":${field}: r1000".`,
  ];
}

export const KNOWN_FIELDS = ['id', 'class', ...POSITION_FIELDS, ...PLUGIN_FIELDS];
const SUGGESTIONS = [...KNOWN_FIELDS, ...Object.keys(WITHOUT_EFFECT)];

/** `data-foo-bar` as a stylesheet (`[data-foo-bar]`) or a script (`dataset.fooBar`, `"data-foo-bar"`) names it. */
function usedBy(assets: AssetText[], field: string): boolean {
  const camel = field.slice('data-'.length).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  const pattern = new RegExp(`\\b${field}\\b|\\bdataset\\.${camel}\\b|\\bdataset\\[["']${camel}["']\\]`);
  return assets.some((asset) => pattern.test(asset.text));
}

function unknownField(input: CheckInput, index: number, field: string, at: SourceLine | undefined): Diagnostic | undefined {
  const suggestion = closestName(field, SUGGESTIONS);
  const isData = field.startsWith('data-');
  if (isData && input.assets && usedBy(input.assets, field)) return undefined;
  // Without the deck's own files at hand, a custom data-* field may be theirs.
  if (isData && !suggestion && !input.assets) return undefined;
  const effect = isData
    ? 'it is written on the step but neither impress.js nor the deck\'s stylesheets and scripts read it'
    : 'deck writes only id, class and data-* fields onto a step, so it is dropped';
  const hint = suggestion
    ? `Did you mean ":${suggestion}:"?`
    : `Step fields are ${KNOWN_FIELDS.filter((name) => name !== 'data-rotate-order').join(', ')}.`;
  return diagnostic(
    'warning',
    'check/unknown-step-field',
    `Unknown field ":${field}:" on ${stepName(input.deck, index)}: ${effect}.`,
    input.file,
    at,
    hint,
  );
}

function checkStepFields(input: CheckInput): Diagnostic[] {
  const found: Diagnostic[] = [];
  input.deck.steps.forEach((_step, index) => {
    const lines = input.deck.fieldLines?.[index] ?? {};
    for (const [field, line] of Object.entries(lines)) {
      if (KNOWN_FIELDS.includes(field)) continue;
      const withoutEffect = getOwn(WITHOUT_EFFECT, field);
      if (withoutEffect) {
        found.push(
          diagnostic('warning', 'check/ignored-step-field', `":${field}:" on ${stepName(input.deck, index)} has no effect: ${withoutEffect[0]}.`, input.file, line, withoutEffect[1]),
        );
        continue;
      }
      const problem = unknownField(input, index, field, line);
      if (problem) found.push(problem);
    }
  });
  return found;
}

export const stepFields: Check = { name: 'unknown-step-field', run: checkStepFields };
