/**
 * Hand-built doctrees and decks for the emit tests: docutils-shaped nodes
 * (see `/usr/bin/python3 shared/tools/rst_oracle.py --mode publish` for the
 * shapes) and a Deck as `split` produces it.
 */

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLine } from '../../src/diagnostics/diagnostic.js';
import type { Coordinates, Deck } from '../../src/deck/types.js';
import { renderFragment } from '../../src/emit/index.js';
import type { EmitTemplate } from '../../src/emit/types.js';
import { element, text, type AttributeValue, type Element, type Node } from '../../src/rst/nodes.js';

export { element, text };

/** `el('paragraph', {classes: ['lie']}, 'Lie')`: strings become text nodes. */
export function el(type: string, attributes: Record<string, AttributeValue> = {}, ...children: (Node | string)[]): Element {
  return element(type, attributes, children.map((child) => (typeof child === 'string' ? text(child) : child)));
}

export function p(...children: (Node | string)[]): Element {
  return el('paragraph', {}, ...children);
}

/** Renders nodes as step content (notes are presenter notes). */
export function render(nodes: Node | Node[], options: { skipNotes?: boolean; insideStep?: boolean } = {}) {
  return renderFragment(Array.isArray(nodes) ? nodes : [nodes], {
    sourceName: 'talk.rst',
    insideStep: options.insideStep ?? true,
    skipNotes: options.skipNotes ?? false,
  });
}

export function html(nodes: Node | Node[], options: { skipNotes?: boolean; insideStep?: boolean } = {}): string {
  return render(nodes, options).html;
}

export interface StepSpec {
  attributes?: Record<string, AttributeValue>;
  children?: Node[];
  level?: number;
}

/** A deck of top-level steps, numbered as split numbers them. */
export function deckOf(steps: StepSpec[], settings: Record<string, string> = {}, settingLines: Record<string, SourceLine> = {}): Deck {
  const stepElements = steps.map((spec, index) => {
    const level = spec.level ?? 1;
    return element('step', { step: String(index), class: `step step-level-${level}`, ...spec.attributes }, spec.children ?? []);
  });
  return {
    settings,
    settingLines,
    root: element('document', { source: 'talk.rst' }, stepElements),
    steps: stepElements,
    levels: steps.map((spec) => spec.level ?? 1),
    parents: steps.map(() => null),
  };
}

export function coordinates(x: number, y = 0, scale = '1'): Coordinates {
  return {
    'data-x': String(x),
    'data-y': String(y),
    'data-z': '0',
    'data-rotate-x': '0',
    'data-rotate-y': '0',
    'data-rotate-z': '0',
    'data-scale': scale,
  };
}

const here = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_DIR = join(here, '..', '..', 'templates', 'default');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The default template as the CLI reads it. */
export function defaultTemplate(): EmitTemplate {
  const files = listFiles(TEMPLATE_DIR)
    .map((path) => relative(TEMPLATE_DIR, path).split('\\').join('/'))
    .filter((path) => path !== 'template.html' && path !== 'README.md')
    .sort();
  return { html: readFileSync(join(TEMPLATE_DIR, 'template.html'), 'utf8'), files };
}

/** A minimal template with every slot, for tests that look at one slot. */
export const BARE_TEMPLATE: EmitTemplate = {
  html: '<html lang="{{lang}}"><title>{{title}}</title>{{head}}|{{body-start}}{{header}}<div id="impress"{{impress-attributes}}>{{steps}}</div>{{footer}}{{body-end}}</html>',
  files: ['css/deck.css', 'js/deck-init.js'],
};
