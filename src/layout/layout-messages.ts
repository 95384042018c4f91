/**
 * The words for layout's diagnostics. Each keeps Hovercraft's result and
 * says what Hovercraft did and how to write what was probably meant.
 * Codes are stable: `layout/…`.
 */

import { diagnosticAt, type Diagnostic, type SourceLine } from '../diagnostics/diagnostic.js';
import { fieldPlace } from '../deck/tree.js';
import type { Deck } from '../deck/types.js';
import type { ApplyProblem } from './apply.js';
import type { CalculateProblem } from './calculate.js';

export interface MessageContext {
  deck: Deck;
  /** Deck step index of each top-level step. */
  topLevel: number[];
  file: string;
}

const POSITION_FIELDS = [
  'data-x',
  'data-y',
  'data-z',
  'data-rotate-x',
  'data-rotate-y',
  'data-rotate-z',
  'data-rotate',
  'data-scale',
  'hovercraft-path',
];

const diagnostic = diagnosticAt;

/** Where a top-level step's field is, else the step. */
function placeOf(context: MessageContext, step: number, field?: string): SourceLine | undefined {
  const deckIndex = context.topLevel[step];
  return deckIndex === undefined ? undefined : fieldPlace(context.deck, deckIndex, field);
}

/** The field a step wrote for a coordinate ("data-rotate" stands for rotate-z). */
function ownField(context: MessageContext, step: number, key: string): [string, string] | undefined {
  const attributes = context.deck.steps[context.topLevel[step]!]?.attributes ?? {};
  for (const name of key === 'data-rotate-z' ? ['data-rotate', key] : [key]) {
    const value = attributes[name];
    if (typeof value === 'string') return [name, value];
  }
  return undefined;
}

function stepName(context: MessageContext, step: number): string {
  const id = context.deck.steps[context.topLevel[step]!]?.attributes['id'];
  return typeof id === 'string' ? `step "${id}"` : `step ${step + 1}`;
}

export function settingsWarnings(deck: Deck, file: string): Diagnostic[] {
  return POSITION_FIELDS.filter((name) => deck.settings[name] !== undefined).map((name) =>
    diagnostic(
      'warning',
      'layout/position-field-outside-steps',
      `Field ":${name}:" comes before the first step, so it is a presentation setting and positions no step.`,
      file,
      deck.settingLines[name],
      'Move it after the first transition (----), into the fields of the first step.',
    ),
  );
}

export function describeCalculateProblem(problem: CalculateProblem, context: MessageContext): Diagnostic {
  const { file } = context;
  switch (problem.kind) {
    case 'bad-number': {
      const field = ownField(context, problem.step, problem.key)?.[0] ?? problem.key;
      return diagnostic(
        'error',
        'layout/invalid-position',
        `":${field}: ${problem.value}" is not a number, a relative move or an anchor; Hovercraft stops on it, and ${stepName(context, problem.step)} keeps its previous ${problem.key}.`,
        file,
        placeOf(context, problem.step, field),
        'Write an absolute value (1000), a move from the previous step (r-500) or a distance from a step with an id (intro+1000).',
      );
    }
    case 'bad-path':
      return diagnostic(
        'error',
        'layout/invalid-path',
        `The hovercraft-path is not valid SVG path data (${problem.message}); Hovercraft stops on it, the part before the error is used.`,
        file,
        placeOf(context, problem.step, 'hovercraft-path'),
      );
    case 'single-step-path':
      return diagnostic(
        'warning',
        'layout/single-step-path',
        'The hovercraft-path is used by only one step, which makes it pointless (Hovercraft stops here); the step stays at the start of the path.',
        file,
        placeOf(context, problem.step, 'hovercraft-path'),
        'Steps after a path step follow the path until one gives data-x or data-y; remove those fields from the next steps, or remove the path.',
      );
    case 'flat-path':
      return diagnostic(
        'error',
        'layout/empty-path',
        'The hovercraft-path has no length, so steps cannot be spread along it (Hovercraft stops here); they keep their positions.',
        file,
        placeOf(context, problem.step, 'hovercraft-path'),
      );
  }
}

export function describeApplyProblem(problem: ApplyProblem, context: MessageContext): Diagnostic | undefined {
  // Report where the author wrote the anchor, not on every step that
  // inherits it.
  const own = ownField(context, problem.step, problem.key);
  if (!own || !own[1].startsWith(problem.anchor)) return undefined;
  const [field, value] = own;
  const line = placeOf(context, problem.step, field);
  const offset = value.slice(problem.anchor.length).replace(/^\+/, '');
  const { file } = context;
  switch (problem.kind) {
    case 'missing-anchor':
      if (problem.anchor === 'r') {
        return diagnostic(
          'warning',
          'layout/r-plus-is-anchor',
          `":${field}: ${value}" is read as "${offset} after the step with id r" since Hovercraft 2.4; no step has the id r, so it is the absolute value ${offset}.`,
          file,
          line,
          `Write r${offset} for a relative move.`,
        );
      }
      return diagnostic(
        'warning',
        'layout/missing-anchor',
        `":${field}: ${value}" is read as "${offset} from the step with id ${problem.anchor}", but no step has that id, so it is the absolute value ${offset}.`,
        file,
        line,
        /^[0-9.]+e$/i.test(problem.anchor)
          ? `Hovercraft reads the "-" of an exponent as an anchor; write the number without an exponent.`
          : `Give a step ":id: ${problem.anchor}", or write an absolute value or an r-relative move.`,
      );
    case 'later-anchor':
      return diagnostic(
        'warning',
        'layout/forward-anchor',
        problem.target === problem.step
          ? `":${field}: ${value}" refers to its own step; Hovercraft adds the step's own offset again.`
          : `":${field}: ${value}" refers to id ${problem.anchor}, which is not a step placed before this one; Hovercraft adds that element's raw ${problem.key} field, not its position.`,
        file,
        line,
        'Anchor to an earlier step, or give absolute values.',
      );
    case 'unreadable-anchor':
      return diagnostic(
        'error',
        'layout/unreadable-anchor',
        `":${field}: ${value}" refers to id ${problem.anchor}, whose ${problem.key} is ${problem.value === undefined ? 'not set' : `"${problem.value}"`}, not a number; Hovercraft stops here, and the offset is used alone.`,
        file,
        line,
        'Anchor to a step placed before this one.',
      );
  }
}
