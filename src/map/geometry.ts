/**
 * Where a step lies on the canvas seen from straight above (orthographic,
 * looking down the z axis): its rectangle turned and scaled as impress.js
 * does it, `translate3d(x,y,z) rotateX rotateY rotateZ scale` (the
 * rightmost applies first), with z dropped. A step tilted about x or y
 * comes out foreshortened, edge-on at 90°.
 */

import type { PlacedStep } from '../check/index.js';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const RADIANS = Math.PI / 180;

/** The four corners of the step as the audience never sees them, clockwise from top left. */
export function stepCorners(step: PlacedStep, size: Size): Point[] {
  const halfW = (size.width / 2) * step.scale;
  const halfH = (size.height / 2) * step.scale;
  const [cz, sz] = [Math.cos(step.rotateZ * RADIANS), Math.sin(step.rotateZ * RADIANS)];
  const [cy, sy] = [Math.cos(step.rotateY * RADIANS), Math.sin(step.rotateY * RADIANS)];
  const [cx, sx] = [Math.cos(step.rotateX * RADIANS), Math.sin(step.rotateX * RADIANS)];
  return [
    [-halfW, -halfH],
    [halfW, -halfH],
    [halfW, halfH],
    [-halfW, halfH],
  ].map(([px, py]) => {
    // rotateZ, then rotateY, then rotateX (CSS matrices; y points down).
    let x = px! * cz - py! * sz;
    let y = px! * sz + py! * cz;
    let z = 0;
    [x, z] = [x * cy + z * sy, -x * sy + z * cy];
    [y, z] = [y * cx - z * sx, y * sx + z * cx];
    return { x: step.x + x, y: step.y + y };
  });
}

export function boundsOf(points: Point[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of points) {
    box.minX = Math.min(box.minX, p.x);
    box.minY = Math.min(box.minY, p.y);
    box.maxX = Math.max(box.maxX, p.x);
    box.maxY = Math.max(box.maxY, p.y);
  }
  return box;
}

export function isTilted(step: PlacedStep): boolean {
  return step.rotateX % 360 !== 0 || step.rotateY % 360 !== 0;
}
