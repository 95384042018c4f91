/**
 * SVG path geometry as Hovercraft sees it through the Python package
 * svg.path 6.1: `point(t)` picks the segment by its share of the total
 * length and then evaluates that segment's own parameter (not arc length),
 * and lengths of cubic curves and non-circular arcs are approximated by
 * subdividing into chords until they stop growing by more than 1e-12.
 *
 * Path data is parsed and made absolute by `svgpath`; the segment
 * formulas below follow svg.path so that steps land where Hovercraft puts
 * them. Keep them in step with svg.path 6.1 (`path.py`).
 */

import svgpath from 'svgpath';

export interface Point {
  x: number;
  y: number;
}

interface Segment {
  point(t: number): Point;
  length(): number;
}

const MIN_DEPTH = 5;
const ERROR = 1e-12;

function lerp(a: Point, b: Point, t: number): Point {
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

function distance(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function same(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** svg.path's `segment_length`: chords, halved until they stop growing. */
function chordLength(
  curve: Segment,
  start: number,
  end: number,
  startPoint: Point,
  endPoint: Point,
  depth: number,
): number {
  const mid = (start + end) / 2;
  const midPoint = curve.point(mid);
  const length = distance(startPoint, endPoint);
  const halves = distance(startPoint, midPoint) + distance(midPoint, endPoint);
  if (halves - length > ERROR || depth < MIN_DEPTH) {
    return (
      chordLength(curve, start, mid, startPoint, midPoint, depth + 1) +
      chordLength(curve, mid, end, midPoint, endPoint, depth + 1)
    );
  }
  return halves;
}

function move(to: Point): Segment {
  return { point: () => to, length: () => 0 };
}

/** Lines, H, V and Z. */
function line(start: Point, end: Point): Segment {
  return { point: (t) => lerp(start, end, t), length: () => distance(start, end) };
}

function cubic(p0: Point, p1: Point, p2: Point, p3: Point): Segment {
  const segment: Segment = {
    point(t) {
      const u = 1 - t;
      const a = u ** 3;
      const b = 3 * u ** 2 * t;
      const c = 3 * u * t ** 2;
      const d = t ** 3;
      return {
        x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
        y: a * p0.y + b * p1.y + c * p2.y + d * p3.y,
      };
    },
    length: () => chordLength(segment, 0, 1, segment.point(0), segment.point(1), 0),
  };
  return segment;
}

function quadratic(p0: Point, p1: Point, p2: Point): Segment {
  return {
    point(t) {
      const u = 1 - t;
      return {
        x: u ** 2 * p0.x + 2 * u * t * p1.x + t ** 2 * p2.x,
        y: u ** 2 * p0.y + 2 * u * t * p1.y + t ** 2 * p2.y,
      };
    },
    length: () => quadraticLength(p0, p1, p2),
  };
}

/** svg.path's closed form, with its fallbacks where the formula divides by zero. */
function quadraticLength(p0: Point, p1: Point, p2: Point): number {
  const a = { x: p0.x - 2 * p1.x + p2.x, y: p0.y - 2 * p1.y + p2.y };
  const b = { x: 2 * (p1.x - p0.x), y: 2 * (p1.y - p0.y) };
  const A = 4 * (a.x ** 2 + a.y ** 2);
  const B = 4 * (a.x * b.x + a.y * b.y);
  const C = b.x ** 2 + b.y ** 2;
  const Sabc = 2 * Math.sqrt(A + B + C);
  const A2 = Math.sqrt(A);
  const A32 = 2 * A * A2;
  const C2 = 2 * Math.sqrt(C);
  const BA = B / A2;
  const logArgument = (2 * A2 + BA + Sabc) / (BA + C2);
  const closed =
    (A32 * Sabc + A2 * B * (Sabc - C2) + (4 * C * A - B ** 2) * Math.log(logArgument)) / (4 * A32);
  // Python raises ZeroDivisionError / ValueError where JavaScript gives
  // Infinity or NaN; svg.path then falls back to these estimates.
  if (A2 !== 0 && BA + C2 !== 0 && logArgument > 0 && Number.isFinite(closed)) return closed;
  const lengthA = Math.hypot(a.x, a.y);
  const lengthB = Math.hypot(b.x, b.y);
  if (lengthA < 1e-10) return lengthB;
  const k = lengthB / lengthA;
  if (k >= 2) return lengthB - lengthA;
  return lengthA * (k ** 2 / 2 - k + 1);
}

// CPython's math.radians / math.degrees multiply by these constants.
const DEG_TO_RAD = Math.PI / 180;
const RAD_TO_DEG = 180 / Math.PI;
const radians = (degrees: number): number => degrees * DEG_TO_RAD;
export const degrees = (rad: number): number => rad * RAD_TO_DEG;
/** Python's `%` for floats: the result takes the sign of the divisor. */
const pyMod = (a: number, n: number): number => a - n * Math.floor(a / n);

function arc(
  start: Point,
  rx: number,
  ry: number,
  rotation: number,
  largeArc: boolean,
  sweep: boolean,
  end: Point,
): Segment {
  // A zero-length or zero-radius arc is an omitted segment or a line.
  if (same(start, end)) return { point: () => start, length: () => 0 };
  if (rx === 0 || ry === 0) return line(start, end);

  const cosr = Math.cos(radians(rotation));
  const sinr = Math.sin(radians(rotation));
  const dx = (start.x - end.x) / 2;
  const dy = (start.y - end.y) / 2;
  const x1 = cosr * dx + sinr * dy;
  const y1 = -sinr * dx + cosr * dy;
  let radiusScale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  let rxs = rx;
  let rys = ry;
  if (radiusScale > 1) {
    radiusScale = Math.sqrt(radiusScale);
    rxs = rx * radiusScale;
    rys = ry * radiusScale;
  } else {
    radiusScale = 1;
  }
  const t1 = rxs * rxs * y1 * y1;
  const t2 = rys * rys * x1 * x1;
  let c = Math.sqrt(Math.abs((rxs * rxs * rys * rys - t1 - t2) / (t1 + t2)));
  if (largeArc === sweep) c = -c;
  const cx1 = (c * rxs * y1) / rys;
  const cy1 = (-c * rys * x1) / rxs;
  const center = {
    x: cosr * cx1 - sinr * cy1 + (start.x + end.x) / 2,
    y: sinr * cx1 + cosr * cy1 + (start.y + end.y) / 2,
  };
  const ux = (x1 - cx1) / rxs;
  const uy = (y1 - cy1) / rys;
  const vx = (-x1 - cx1) / rxs;
  const vy = (-y1 - cy1) / rys;
  let theta = degrees(Math.acos(ux / Math.sqrt(ux * ux + uy * uy)));
  if (uy < 0) theta = -theta;
  theta = pyMod(theta, 360);
  const d = Math.min(1, Math.max(-1, (ux * vx + uy * vy) / Math.sqrt((ux * ux + uy * uy) * (vx * vx + vy * vy))));
  let delta = degrees(Math.acos(d));
  if (ux * vy - uy * vx < 0) delta = -delta;
  delta = pyMod(delta, 360);
  if (!sweep) delta -= 360;

  const radiusX = rx * radiusScale;
  const radiusY = ry * radiusScale;
  const segment: Segment = {
    point(t) {
      const angle = radians(theta + delta * t);
      return {
        x: cosr * Math.cos(angle) * radiusX - sinr * Math.sin(angle) * radiusY + center.x,
        y: sinr * Math.cos(angle) * radiusX + cosr * Math.sin(angle) * radiusY + center.y,
      };
    },
    length() {
      // A circle has an exact length; ellipses are measured by chords.
      if (rx === ry) return Math.abs((radiusX * delta * Math.PI) / 180);
      return chordLength(segment, 0, 1, segment.point(0), segment.point(1), 0);
    },
  };
  return segment;
}

export interface ParsedPath {
  path: SvgPathGeometry;
  /** svgpath's message when the data stopped being valid (the rest is ignored). */
  error?: string;
}

/** A parsed path with svg.path's `point(t)` and `length()`. */
export class SvgPathGeometry {
  private readonly segments: Segment[];
  private fractions: number[] | undefined;
  private total = 0;

  constructor(segments: Segment[]) {
    this.segments = segments;
  }

  get isEmpty(): boolean {
    return this.segments.length === 0;
  }

  length(): number {
    this.measure();
    return this.total;
  }

  point(t: number): Point {
    const [segment, local] = this.findSegment(t);
    return segment.point(local);
  }

  private measure(): number[] {
    if (this.fractions) return this.fractions;
    const lengths = this.segments.map((segment) => segment.length());
    this.total = lengths.reduce((sum, each) => sum + each, 0);
    const shares = this.total === 0 ? lengths : lengths.map((each) => each / this.total);
    let running = 0;
    this.fractions = shares.map((share) => (running += share));
    return this.fractions;
  }

  private findSegment(t: number): [Segment, number] {
    const first = this.segments[0]!;
    const last = this.segments[this.segments.length - 1]!;
    // svg.path's shortcuts: t = 0 is the first segment (usually the
    // move-to point), t = 1 the end of the last one.
    if (t === 0) return [first, t];
    if (t === 1) return [last, t];
    const fractions = this.measure();
    if (this.total === 0) return [first, 0];
    // bisect_right: the first segment whose cumulative share exceeds t.
    let i = fractions.findIndex((fraction) => fraction > t);
    if (i === -1) i = fractions.length - 1; // rounding left the sum just below t
    const before = i === 0 ? 0 : fractions[i - 1]!;
    return [this.segments[i]!, (t - before) / (fractions[i]! - before)];
  }
}

type RawSegment = [string, ...number[]];

/** Parses SVG path data into svg.path's segments. */
export function parseSvgPath(data: string): ParsedPath {
  const parsed = svgpath(data).abs().unshort();
  const segments: Segment[] = [];
  let subpathStart: Point = { x: 0, y: 0 };
  let unsupported: string | undefined;
  parsed.iterate((raw, _index, x, y) => {
    const s = raw as unknown as RawSegment;
    if (unsupported !== undefined) return;
    const at = { x, y };
    const n = s.slice(1) as number[];
    switch (s[0]) {
      case 'M':
        subpathStart = { x: n[0]!, y: n[1]! };
        segments.push(move(subpathStart));
        break;
      case 'L':
        segments.push(line(at, { x: n[0]!, y: n[1]! }));
        break;
      case 'H':
        segments.push(line(at, { x: n[0]!, y }));
        break;
      case 'V':
        segments.push(line(at, { x, y: n[0]! }));
        break;
      case 'Z':
        segments.push(line(at, subpathStart));
        break;
      case 'C':
        segments.push(cubic(at, { x: n[0]!, y: n[1]! }, { x: n[2]!, y: n[3]! }, { x: n[4]!, y: n[5]! }));
        break;
      case 'Q':
        segments.push(quadratic(at, { x: n[0]!, y: n[1]! }, { x: n[2]!, y: n[3]! }));
        break;
      case 'A':
        segments.push(arc(at, n[0]!, n[1]!, n[2]!, n[3] === 1, n[4] === 1, { x: n[5]!, y: n[6]! }));
        break;
      default:
        // svgpath also reads "R" (Catmull-Rom), which SVG, and so
        // Hovercraft, does not know: the path ends before it.
        unsupported = s[0];
    }
  });
  const error = (parsed as unknown as { err?: string }).err || (unsupported && `SvgPath: unknown command "${unsupported}"`);
  const result: ParsedPath = { path: new SvgPathGeometry(segments) };
  if (error) result.error = error;
  return result;
}
