import { describe, expect, it } from 'vitest';
import { parseSvgPath } from '../../src/layout/svg-path.js';

describe('SVG paths as svg.path 6.1 measures them', () => {
  it('picks the segment by its share of the length', () => {
    const { path, error } = parseSvgPath('m 100 100 l 200 0 l 0 200');
    expect(error).toBeUndefined();
    expect(path.length()).toBe(400);
    expect(path.point(0)).toEqual({ x: 100, y: 100 });
    expect(path.point(0.25)).toEqual({ x: 200, y: 100 });
    expect(path.point(0.75)).toEqual({ x: 300, y: 200 });
    expect(path.point(1)).toEqual({ x: 300, y: 300 });
  });

  it('stops at a command SVG does not have (svgpath reads "r" as Catmull-Rom) and says so', () => {
    const { path, error } = parseSvgPath('M 0 0 L 100 0 R 1 2 3 4');
    expect(error).toMatch(/unknown command "R"/);
    expect(path.length()).toBe(100);
    // A word after the path (a field value running on) ends it the same way, with svgpath's message.
    const runOn = parseSvgPath('M 0 0 L 100 0 return x');
    expect(runOn.error).toBeDefined();
    expect(runOn.path.length()).toBe(100);
  });

  it('measures circular arcs exactly and follows them', () => {
    const { path } = parseSvgPath('m275,175 a150,150 0 0,1 -150,150');
    expect(path.length()).toBeCloseTo((Math.PI * 150) / 2, 9);
    const middle = path.point(0.5);
    expect(middle.x).toBeCloseTo(275 - 150 + 150 * Math.cos(Math.PI / 4), 9);
    expect(middle.y).toBeCloseTo(175 + 150 * Math.sin(Math.PI / 4), 9);
  });

  it('uses the curve parameter, not arc length, within a cubic segment', () => {
    // An asymmetric curve: t = 0.5 is not half way along it.
    const { path } = parseSvgPath('M0,0 C0,0 0,0 100,0');
    expect(path.length()).toBeCloseTo(100, 6);
    expect(path.point(0.5).x).toBeCloseTo(12.5, 9);
  });

  it('closes a path back to its start and reports broken data', () => {
    expect(parseSvgPath('M0,0 h10 v10 z').path.length()).toBeCloseTo(10 + 10 + Math.SQRT2 * 10, 9);
    expect(parseSvgPath('M0,0 L10,x').error).toBeDefined();
  });
});
