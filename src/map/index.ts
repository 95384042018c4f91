/**
 * map: an SVG of the canvas as the audience never sees it. Every step at
 * its position, scale and rotation (seen from above; tilted steps come out
 * foreshortened and dashed), numbered in the order impress.js walks them
 * and captioned with their titles, the camera's path from step to step,
 * and the steps `deck check` reports highlighted: red where one lies
 * exactly on another, orange where one is far from all others.
 *
 * Pure: the deck and its positions in, the SVG text out. Sizes are chosen
 * so a typical step is about 150 px wide; text and strokes keep their
 * on-screen size whatever the canvas units are.
 */

import type { Coordinates, Deck } from '../deck/types.js';
import { findCoincidences, findDistantSteps, placedSteps, type PlacedStep } from '../check/index.js';
import { assignStepIds } from '../emit/steps.js';
import { escapeHtml } from '../emit/escape.js';
import { boundsOf, isTilted, stepCorners, type Box, type Point, type Size } from './geometry.js';
import { placeLabels, stepCaption, truncate, type Rect } from './labels.js';

export interface MapInput {
  deck: Deck;
  positions: (Coordinates | null)[];
  /** The size of a step's div in the deck's stylesheet (default: the default template's 1024×768). */
  stepSize?: Size;
  title?: string;
}

export const DEFAULT_STEP_SIZE: Size = { width: 1024, height: 768 };

/** Screen pixels: the target width of a typical step, the margins, the longest side allowed. */
const TYPICAL_STEP_PX = 150;
const MARGIN_PX = 40;
const HEADER_PX = 76;
const MAX_SIDE_PX = 12000;

const COLOURS = {
  background: '#f6f5f1',
  step: '#ffffff',
  stepStroke: '#7a8796',
  overlap: '#d0312d',
  overlapFill: '#fde3e1',
  distant: '#e08a00',
  path: '#2f6fdb',
  badge: '#1f2a37',
  text: '#2b2b2b',
};

interface Place {
  /** The steps at this spot, in deck order. */
  steps: PlacedStep[];
  centre: Point;
}

interface Frame {
  /** Canvas units per screen pixel. */
  unit: number;
  view: Box;
  width: number;
  height: number;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1;
}

/** Canvas units per pixel so a typical step is ~150 px wide, unless that makes the picture too large. */
function frameFor(bounds: Box, steps: PlacedStep[], size: Size): Frame {
  const typical = size.width * Math.abs(median(steps.map((s) => s.scale)) || 1);
  const spanX = Math.max(bounds.maxX - bounds.minX, 1);
  const spanY = Math.max(bounds.maxY - bounds.minY, 1);
  let unit = typical / TYPICAL_STEP_PX;
  unit = Math.max(unit, Math.max(spanX, spanY) / (MAX_SIDE_PX - 2 * MARGIN_PX));
  const view = {
    minX: bounds.minX - MARGIN_PX * unit,
    minY: bounds.minY - (MARGIN_PX + HEADER_PX) * unit,
    maxX: bounds.maxX + MARGIN_PX * unit,
    maxY: bounds.maxY + MARGIN_PX * unit,
  };
  return { unit, view, width: Math.round((view.maxX - view.minX) / unit), height: Math.round((view.maxY - view.minY) / unit) };
}

function placesOf(steps: PlacedStep[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const step of steps) {
    const key = `${Math.round(step.x * 1000)} ${Math.round(step.y * 1000)}`;
    const place = byKey.get(key);
    if (place) place.steps.push(step);
    else byKey.set(key, { steps: [step], centre: { x: step.x, y: step.y } });
  }
  return [...byKey.values()];
}

export function drawMap(input: MapInput): string {
  const size = input.stepSize ?? DEFAULT_STEP_SIZE;
  const steps = placedSteps(input.positions);
  const title = input.title ?? input.deck.title ?? 'deck';
  if (steps.length === 0) return emptyMap(title);
  const corners = new Map(steps.map((step) => [step.index, stepCorners(step, size)]));
  const frame = frameFor(boundsOf([...corners.values()].flat()), steps, size);
  const overlapping = new Set(findCoincidences(input.deck, input.positions).flatMap((c) => [c.index, c.earlier]));
  const distant = new Set(findDistantSteps(input.positions).map((d) => d.index));
  const ids = assignStepIds(input.deck, () => undefined);
  const { view, unit } = frame;
  const nested = input.deck.steps.length - steps.length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="${fmt(view.minX)} ${fmt(view.minY)} ${fmt(view.maxX - view.minX)} ${fmt(view.maxY - view.minY)}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">`,
    `<title>${escapeHtml(`Map of ${title}: ${steps.length} steps`)}</title>`,
    defs(),
    `<rect x="${fmt(view.minX)}" y="${fmt(view.minY)}" width="${fmt(view.maxX - view.minX)}" height="${fmt(view.maxY - view.minY)}" fill="${COLOURS.background}"/>`,
    drawSteps(input.deck, steps, corners, { overlapping, distant, ids, unit }),
    drawPath(steps, unit),
    drawLabels(input.deck, placesOf(steps), corners, { overlapping, distant, ids, unit }),
    legend(title, steps.length, nested, size, frame),
    '</svg>',
    '',
  ].join('\n');
}

interface Marks {
  overlapping: Set<number>;
  distant: Set<number>;
  ids: string[];
  unit: number;
}

function defs(): string {
  return [
    '<defs>',
    `<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="${fmt(5)}" markerHeight="${fmt(5)}" orient="auto-start-reverse" markerUnits="strokeWidth">`,
    `<path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.path}"/>`,
    '</marker>',
    '</defs>',
  ].join('\n');
}

function describe(deck: Deck, step: PlacedStep, ids: string[]): string {
  const rotation = `rotate ${step.rotateX}/${step.rotateY}/${step.rotateZ}`;
  const line = deck.steps[step.index]?.line;
  return `Step ${step.index + 1} #${ids[step.index]}${line ? `, line ${line}` : ''}: x ${step.x}, y ${step.y}, z ${step.z}, ${rotation}, scale ${step.scale}`;
}

/** Larger steps first, so smaller ones lie on top of them. */
function drawSteps(deck: Deck, steps: PlacedStep[], corners: Map<number, Point[]>, marks: Marks): string {
  const { unit } = marks;
  const ordered = [...steps].sort((a, b) => Math.abs(b.scale) - Math.abs(a.scale) || a.index - b.index);
  const out = ['<g class="steps">'];
  for (const step of ordered) {
    const points = corners.get(step.index)!.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ');
    const overlap = marks.overlapping.has(step.index);
    const far = marks.distant.has(step.index);
    const stroke = overlap ? COLOURS.overlap : far ? COLOURS.distant : COLOURS.stepStroke;
    const width = (overlap || far ? 4 : 1.5) * unit;
    const dash = isTilted(step) ? ` stroke-dasharray="${fmt(8 * unit)} ${fmt(5 * unit)}"` : '';
    const fill = overlap ? COLOURS.overlapFill : COLOURS.step;
    out.push(
      `<polygon data-step="${step.index + 1}" points="${points}" fill="${fill}" fill-opacity="0.65" stroke="${stroke}" stroke-width="${fmt(width)}"${dash}><title>${escapeHtml(describe(deck, step, marks.ids))}</title></polygon>`,
    );
  }
  out.push('</g>');
  return out.join('\n');
}

/** The camera's flight from each step to the next, stopping short of the numbers. */
function drawPath(steps: PlacedStep[], unit: number): string {
  const out = [`<g class="path" stroke="${COLOURS.path}" stroke-width="${fmt(2 * unit)}" stroke-opacity="0.75" fill="none">`];
  const gap = 16 * unit;
  for (let i = 1; i < steps.length; i++) {
    const [a, b] = [steps[i - 1]!, steps[i]!];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length < 2 * gap + 6 * unit) continue;
    const [ux, uy] = [(b.x - a.x) / length, (b.y - a.y) / length];
    out.push(
      `<line x1="${fmt(a.x + ux * gap)}" y1="${fmt(a.y + uy * gap)}" x2="${fmt(b.x - ux * gap)}" y2="${fmt(b.y - uy * gap)}" marker-end="url(#arrow)"/>`,
    );
  }
  out.push('</g>');
  return out.join('\n');
}

const BADGE_PX = { height: 20, padding: 7, char: 7.6, font: 13 };
const CAPTION_PX = { height: 15, char: 6.3, font: 11 };

interface Label {
  place: Place;
  badge: string;
  caption: string;
  box: Rect;
}

function labelFor(deck: Deck, place: Place, corners: Map<number, Point[]>, unit: number): Label {
  const badge = place.steps.map((s) => s.index + 1).join(' · ');
  const shown = place.steps.find((s) => stepCaption(deck.steps[s.index]!) !== '') ?? place.steps[0]!;
  const points = corners.get(shown.index)!;
  const widthPx = (boundsOf(points).maxX - boundsOf(points).minX) / unit;
  const caption = truncate(stepCaption(deck.steps[shown.index]!), Math.max(12, Math.floor((widthPx * 0.92) / CAPTION_PX.char)));
  const badgeWidth = BADGE_PX.padding * 2 + badge.length * BADGE_PX.char;
  const width = Math.max(badgeWidth, caption.length * CAPTION_PX.char);
  const height = BADGE_PX.height + (caption ? CAPTION_PX.height + 2 : 0);
  const centre = { x: place.centre.x / unit, y: place.centre.y / unit };
  return { place, badge, caption, box: { x: centre.x - width / 2, y: centre.y - BADGE_PX.height / 2, width, height } };
}

function drawLabels(deck: Deck, places: Place[], corners: Map<number, Point[]>, marks: Marks): string {
  const { unit } = marks;
  const labels = places.map((place) => labelFor(deck, place, corners, unit));
  const offsets = placeLabels(labels.map((l) => l.box), 26);
  const out = ['<g class="labels" text-anchor="middle">'];
  labels.forEach((label, i) => {
    const [dx, dy] = offsets[i]!;
    const cx = label.place.centre.x + dx * unit;
    const cy = label.place.centre.y + dy * unit;
    if (dx !== 0 || dy !== 0) {
      out.push(`<line x1="${fmt(label.place.centre.x)}" y1="${fmt(label.place.centre.y)}" x2="${fmt(cx)}" y2="${fmt(cy)}" stroke="${COLOURS.badge}" stroke-width="${fmt(unit)}"/>`);
      out.push(`<circle cx="${fmt(label.place.centre.x)}" cy="${fmt(label.place.centre.y)}" r="${fmt(3 * unit)}" fill="${COLOURS.badge}"/>`);
    }
    const flagged = label.place.steps.some((s) => marks.overlapping.has(s.index));
    const far = label.place.steps.some((s) => marks.distant.has(s.index));
    const badgeWidth = (BADGE_PX.padding * 2 + label.badge.length * BADGE_PX.char) * unit;
    const fill = flagged ? COLOURS.overlap : far ? COLOURS.distant : COLOURS.badge;
    const names = label.place.steps.map((s) => describe(deck, s, marks.ids)).join('\n');
    out.push(
      `<g class="step-label" data-steps="${label.place.steps.map((s) => s.index + 1).join(' ')}"><title>${escapeHtml(names)}</title>`,
      `<rect x="${fmt(cx - badgeWidth / 2)}" y="${fmt(cy - (BADGE_PX.height / 2) * unit)}" width="${fmt(badgeWidth)}" height="${fmt(BADGE_PX.height * unit)}" rx="${fmt(6 * unit)}" fill="${fill}"/>`,
      `<text x="${fmt(cx)}" y="${fmt(cy + 4.5 * unit)}" font-size="${fmt(BADGE_PX.font * unit)}" font-weight="bold" fill="#ffffff">${escapeHtml(label.badge)}</text>`,
    );
    if (label.caption) {
      const y = cy + (BADGE_PX.height / 2 + CAPTION_PX.height) * unit;
      out.push(
        `<text x="${fmt(cx)}" y="${fmt(y)}" font-size="${fmt(CAPTION_PX.font * unit)}" fill="${COLOURS.text}" stroke="${COLOURS.background}" stroke-width="${fmt(3 * unit)}" paint-order="stroke">${escapeHtml(label.caption)}</text>`,
      );
    }
    out.push('</g>');
  });
  out.push('</g>');
  return out.join('\n');
}

function legend(title: string, count: number, nested: number, size: Size, frame: Frame): string {
  const { unit, view } = frame;
  const x = view.minX + MARGIN_PX * unit;
  const y = view.minY + 30 * unit;
  const notes = [
    `${count} steps, numbered in the order they are shown; a step is ${size.width}×${size.height} px at scale 1`,
    nested > 0 ? `${nested} nested steps are not positioned and not drawn` : '',
  ].filter(Boolean);
  const keys: [string, string][] = [
    [COLOURS.path, 'camera path'],
    [COLOURS.overlap, 'placed exactly on another step'],
    [COLOURS.distant, 'far from all other steps'],
    [COLOURS.stepStroke, 'dashed: tilted about x or y'],
  ];
  const out = [`<g class="legend" font-size="${fmt(13 * unit)}" fill="${COLOURS.text}">`];
  out.push(`<text x="${fmt(x)}" y="${fmt(y)}" font-size="${fmt(20 * unit)}" font-weight="bold">${escapeHtml(title)}</text>`);
  out.push(`<text x="${fmt(x)}" y="${fmt(y + 24 * unit)}">${escapeHtml(notes.join('; '))}</text>`);
  let kx = x;
  const ky = y + 44 * unit;
  for (const [colour, label] of keys) {
    out.push(`<rect x="${fmt(kx)}" y="${fmt(ky - 10 * unit)}" width="${fmt(22 * unit)}" height="${fmt(12 * unit)}" fill="none" stroke="${colour}" stroke-width="${fmt(3 * unit)}"/>`);
    out.push(`<text x="${fmt(kx + 30 * unit)}" y="${fmt(ky)}" text-anchor="start">${escapeHtml(label)}</text>`);
    kx += (30 + label.length * 7.4 + 24) * unit;
  }
  out.push('</g>');
  return out.join('\n');
}

function emptyMap(title: string): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="80" viewBox="0 0 480 80" font-family="sans-serif">',
    `<title>${escapeHtml(`Map of ${title}: no steps`)}</title>`,
    `<text x="20" y="45" font-size="16">${escapeHtml(`${title}: no positioned steps to draw`)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
