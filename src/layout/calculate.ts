/**
 * calculate: turn gathered commands into numbers, on plain data, as
 * Hovercraft 2.7's `position.calculate_positions` does.
 *
 * A command is read as:
 *
 *   "1000"          absolute; forgets any anchor
 *   "r-500"         relative to the previous value (keeps any anchor)
 *   "intro+1000"    1000 after the step with id "intro" (resolved in `apply`);
 *   "intro-1000"    the anchor then stays until an absolute value, so a later
 *                   "r50" means intro+1050
 *   "r+100"         the same rule: 100 after the step with id "r"
 *
 * A `hovercraft-path` step and the path steps after it are spread along
 * the path, scaled so that neighbouring steps are about 1600 px apart, and
 * turned along its direction.
 */

import { COORDINATE_KEYS, type CoordinateKey } from '../deck/types.js';
import { DEFAULT_MOVEMENT, type GatheredPosition } from './gather.js';
import { parsePyNumber, pyAdd, pyFloat, pyInt, type PyNumber } from './python-number.js';
import { degrees, parseSvgPath, type Point, type SvgPathGeometry } from './svg-path.js';

export interface CalculatedPosition {
  values: Record<CoordinateKey, PyNumber>;
  /** Anchors: the id each coordinate is relative to ("" for a plain negative number). */
  anchors: Partial<Record<CoordinateKey, string>>;
  /** Placed on an SVG path (its x, y and rotate-z come from the path). */
  onPath: boolean;
}

export type CalculateProblem =
  | { kind: 'bad-number'; step: number; key: CoordinateKey; value: string }
  | { kind: 'bad-path'; step: number; message: string }
  | { kind: 'single-step-path'; step: number }
  | { kind: 'flat-path'; step: number };

export interface CalculateResult {
  positions: CalculatedPosition[];
  problems: CalculateProblem[];
}

interface Current {
  values: Record<CoordinateKey, PyNumber>;
  anchors: Partial<Record<CoordinateKey, string>>;
}

function startingPoint(): Current {
  const values = Object.fromEntries(COORDINATE_KEYS.map((key) => [key, pyInt(0)])) as Record<
    CoordinateKey,
    PyNumber
  >;
  values['data-scale'] = pyInt(1);
  return { values, anchors: {} };
}

/**
 * Applies one step's commands (`_update_position`). A value Hovercraft
 * cannot read stops Hovercraft; here it is reported and the key left as it
 * was.
 */
function applyCommands(
  current: Current,
  position: GatheredPosition,
  step: number,
  problems: CalculateProblem[],
): void {
  for (const key of COORDINATE_KEYS) {
    const command = position.commands[key];
    const plus = command.indexOf('+');
    const minus = command.indexOf('-');
    let anchor: string | null | undefined; // undefined: keep, null: forget
    let value: PyNumber | undefined;
    if (plus > -1) {
      value = parsePyNumber(command.slice(plus + 1));
      anchor = command.slice(0, plus);
    } else if (minus > -1 && !command.startsWith('r-')) {
      value = parsePyNumber(command.slice(minus));
      anchor = command.slice(0, minus);
    } else if (command.startsWith('r')) {
      const delta = parsePyNumber(command.slice(1));
      value = delta && pyAdd(current.values[key], delta);
    } else {
      value = parsePyNumber(command);
      anchor = null;
    }
    if (!value) {
      problems.push({ kind: 'bad-number', step, key, value: command });
      continue;
    }
    if (anchor === null) delete current.anchors[key];
    else if (anchor !== undefined) current.anchors[key] = anchor;
    current.values[key] = value;
  }
}

function snapshot(current: Current, onPath: boolean): CalculatedPosition {
  return { values: { ...current.values }, anchors: { ...current.anchors }, onPath };
}

export function calculatePositions(gathered: GatheredPosition[]): CalculateResult {
  const positions: CalculatedPosition[] = [];
  const problems: CalculateProblem[] = [];
  const current = startingPoint();
  let index = 0;
  if (gathered.length > 0) applyCommands(current, gathered[0]!, 0, problems);
  while (index < gathered.length) {
    const position = gathered[index]!;
    if (position.path === undefined) {
      positions.push(snapshot(current, false));
      index += 1;
      if (index < gathered.length) applyCommands(current, gathered[index]!, index, problems);
      continue;
    }
    index = followPath(current, gathered, index, positions, problems);
  }
  return { positions, problems };
}

/** The steps a path spreads over: its own and the path steps after it. */
function pathStepCount(gathered: GatheredPosition[], start: number): number {
  let count = 1;
  while (start + count < gathered.length) {
    const next = gathered[start + count]!;
    if (!next.isPath || next.path !== undefined) break;
    count += 1;
  }
  return count;
}

/**
 * Places the path's steps; returns the index of the first step after them,
 * whose commands have already been applied (as Hovercraft does).
 */
function followPath(
  current: Current,
  gathered: GatheredPosition[],
  start: number,
  positions: CalculatedPosition[],
  problems: CalculateProblem[],
): number {
  const data = gathered[start]!.path!;
  const firstPoint: Point = { x: current.values['data-x'].value, y: current.values['data-y'].value };
  // Paths that end in Z or z are closed: leave a gap so that the first and
  // last steps do not overlap.
  const closed = data.trim().slice(-1).toUpperCase() === 'Z';
  const parsed = parseSvgPath(data);
  if (parsed.error) problems.push({ kind: 'bad-path', step: start, message: parsed.error });
  const count = pathStepCount(gathered, start);
  // Hovercraft stops on a path used by one step; the step stays where it is.
  if (count < 2) problems.push({ kind: 'single-step-path', step: start });
  const endcount = closed ? count + 1 : count;
  const path = parsed.path;
  const length = path.isEmpty ? 0 : path.length();
  if (length === 0) problems.push({ kind: 'flat-path', step: start });

  for (let i = 0; i < count; i += 1) {
    const step = start + i;
    if (length !== 0) placeOnPath(current, path, firstPoint, i / Math.max(endcount - 1, 1), (endcount * DEFAULT_MOVEMENT) / length, step, problems);
    positions.push(snapshot(current, length !== 0));
    if (step + 1 < gathered.length) applyCommands(current, gathered[step + 1]!, step + 1, problems);
  }
  return start + count;
}

function placeOnPath(
  current: Current,
  path: SvgPathGeometry,
  firstPoint: Point,
  t: number,
  multiplier: number,
  step: number,
  problems: CalculateProblem[],
): void {
  const offset = path.point(0);
  const point = path.point(t);
  const x = (point.x - offset.x) * multiplier + firstPoint.x;
  const y = (point.y - offset.y) * multiplier + firstPoint.y;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    problems.push({ kind: 'flat-path', step });
    return;
  }
  current.values['data-x'] = pyInt(x);
  current.values['data-y'] = pyInt(y);
  const angle = pathAngle(path, t);
  if (angle === undefined) problems.push({ kind: 'flat-path', step });
  current.values['data-rotate-z'] = angle ?? pyInt(0);
}

/**
 * The direction of the path at t, in degrees, from a chord of ±0.01
 * around it (`_path_angle`); angles under 0.1° become an exact 0.
 */
export function pathAngle(path: SvgPathGeometry, t: number): PyNumber | undefined {
  let start = t - 0.01;
  let end = t + 0.01;
  if (start < 0) {
    start = 0;
    end += 0.01;
  } else if (end > 1) {
    end = 1;
    start -= 0.01;
  }
  const a = path.point(start);
  const b = path.point(end);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const hyp = Math.hypot(dx, dy);
  if (hyp === 0) return undefined;
  let result = degrees(Math.asin(dy / hyp));
  if (dx < 0) result = -180 - result;
  if (Math.abs(result) < 0.1) return pyInt(0);
  return pyFloat(result);
}
