/**
 * Rendering doctree nodes without a page: for previews, error overlays and
 * tests. Same rules as the page; no template, no step ids.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { element, type Node } from '../rst/nodes.js';
import { AssetCollector } from './assets.js';
import { createContext } from './create-context.js';
import type { AssetReference, EmitFeature } from './types.js';

export interface FragmentOptions {
  sourceName: string;
  skipNotes?: boolean;
  /** Render as if inside a step (`.. note::` becomes presenter notes). */
  insideStep?: boolean;
}

export interface FragmentResult {
  html: string;
  files: AssetReference[];
  diagnostics: Diagnostic[];
  features: EmitFeature[];
}

export function renderFragment(nodes: Node[], options: FragmentOptions): FragmentResult {
  const diagnostics: Diagnostic[] = [];
  const assets = new AssetCollector(options.sourceName);
  const ctx = createContext(options, new Map(), diagnostics, assets);
  if (options.insideStep) ctx.ancestors.push(element('step'));
  const html = nodes.map((node) => ctx.render(node)).join('');
  return { html, files: assets.files, diagnostics, features: [...ctx.features].sort() };
}
