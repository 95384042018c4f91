/**
 * The checks `deck check` runs, in the order their findings are listed for
 * a line. A new check is one file exporting a `Check`, plus one line here.
 */

import type { Check } from './types.js';
import { stepFields } from './step-fields.js';
import { overlappingSteps } from './overlapping-steps.js';
import { distantStep } from './distant-step.js';
import { externalResources } from './external-resources.js';

export const CHECKS: readonly Check[] = [stepFields, overlappingSteps, distantStep, externalResources];
