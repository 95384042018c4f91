/**
 * gather: read the position fields of the top-level steps into the
 * commands Hovercraft 2.7 (`position.gather_positions`) derives from them.
 *
 * Every key carries a command for every step: a value the step gives, or
 * the previous one when it was a relative move ("r…", which keeps moving),
 * or "r0" after an absolute value (which stays put). Until some step gives
 * a position field, each step moves 1600 px to the right. The first step
 * starts at scale 1. `data-rotate` is `data-rotate-z` and overrides it.
 */

import { COORDINATE_KEYS, type CoordinateKey } from '../deck/types.js';

export const DEFAULT_MOVEMENT = 1600;

/** What `gather` needs of a step: its attribute strings. */
export type StepFields = Record<string, string | undefined>;

export interface GatheredPosition {
  /** The command for each coordinate: "r0", "r-500", "1000", "intro+1000" ... */
  commands: Record<CoordinateKey, string>;
  /** The step continues (or starts) an SVG path. */
  isPath: boolean;
  /** The step's own `hovercraft-path`: a new path starts here. */
  path?: string;
}

export function gatherPositions(steps: StepFields[]): GatheredPosition[] {
  const commands = Object.fromEntries(COORDINATE_KEYS.map((key) => [key, 'r0'])) as Record<
    CoordinateKey,
    string
  >;
  let isPath = false;
  let defaultMovement = true;
  return steps.map((fields, index) => {
    for (const key of COORDINATE_KEYS) {
      const value = fields[key];
      if (value !== undefined) {
        defaultMovement = false;
        commands[key] = value;
      } else if (commands[key] && !commands[key].startsWith('r')) {
        commands[key] = 'r0';
      }
    }
    if (index === 0 && commands['data-scale'] === 'r0') commands['data-scale'] = '1';
    if (defaultMovement && index !== 0) commands['data-x'] = `r${DEFAULT_MOVEMENT}`;
    const rotate = fields['data-rotate'];
    if (rotate !== undefined) commands['data-rotate-z'] = rotate;

    const path = fields['hovercraft-path'];
    if (path !== undefined) {
      defaultMovement = false;
      isPath = true;
      return { commands: { ...commands }, isPath, path };
    }
    // An explicit x or y ends a path.
    if (fields['data-x'] !== undefined || fields['data-y'] !== undefined) isPath = false;
    return { commands: { ...commands }, isPath };
  });
}
