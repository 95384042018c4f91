/**
 * check: the mistakes a speaker only notices on stage, found in the
 * compiled deck. Pure: the host reads files and passes their text in.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CHECKS } from './registry.js';
import type { Check, CheckInput } from './types.js';

export type { AssetText, Check, CheckInput } from './types.js';
export { findCoincidences, type Coincidence } from './overlapping-steps.js';
export { findDistantSteps, type DistantStep } from './distant-step.js';
export { placedSteps, type PlacedStep } from './steps.js';

export function check(input: CheckInput, checks: readonly Check[] = CHECKS): Diagnostic[] {
  return checks.flatMap((one) => one.run(input));
}
