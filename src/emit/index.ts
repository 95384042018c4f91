/**
 * emit: positioned deck → the page's HTML, the local files it references,
 * and diagnostics.
 *
 * Pure: the template text comes in through the options, files go out as a
 * list the CLI copies. The same input always gives the same bytes (no
 * dates, no random ids).
 */

import type { Coordinates, Deck } from '../deck/types.js';
import { diagnosticAt, type Diagnostic, type SourceLine } from '../diagnostics/diagnostic.js';
import { isElement, type Element } from '../rst/nodes.js';
import { AssetCollector, classifyUrl, deckFiles, type DeckFile } from './assets.js';
import { createContext } from './create-context.js';
import { escapeHtml } from './escape.js';
import { flattened } from './html.js';
import { bodyEndContent, bodyStartContent, headContent, impressAttributes, pageTitle, resolveFeatures } from './page.js';
import type { RenderContext } from './render/context.js';
import { KATEX_STYLESHEET } from './render/math.js';
import { renderChildren, renderNode } from './render/registry.js';
import { RUNTIME_FILES } from './runtime.js';
import { describeSteps } from './steps.js';
import { fillTemplate, type SlotName } from './template.js';
import type { EmitOptions, EmitResult } from './types.js';

export type { AssetKind, AssetReference, EmitFeature, EmitOptions, EmitResult, EmitTemplate } from './types.js';
export { KATEX_FOLDER, KATEX_STYLESHEET } from './render/math.js';
export { renderFragment } from './fragment.js';
export { NODE_TYPES } from './render/rule.js';
export { RUNTIME_FILES, RUNTIME_FOLDER } from './runtime.js';

/** The deck's stylesheets and scripts join the file list; a clash with a template file is reported. */
function registerDeckFiles(files: DeckFile[], ctx: RenderContext, templateFiles: string[]): void {
  const template = new Set(templateFiles);
  for (const file of files) {
    ctx.addAsset(file.url, file.kind, file.at);
    const found = classifyUrl(file.url);
    if (found.kind === 'local' && template.has(found.path)) {
      ctx.report('warning', 'emit/template-file-clash', `The deck's file "${found.path}" has the same path as a file of the template; one would overwrite the other in the build.`, file.at);
    } else if (found.kind === 'local' && RUNTIME_FILES.includes(found.path)) {
      ctx.report('warning', 'emit/template-file-clash', `The deck's file "${found.path}" has the same path as one of deck's own files (presenter console, navigation); one would overwrite the other in the build.`, file.at);
    }
  }
}

/** `<div id="deck-header">` / `deck-footer` around the `.. header::` / `.. footer::` content. */
function decoration(node: Element | undefined, id: string, ctx: RenderContext): string {
  if (!node) return '';
  const content = renderChildren(node, ctx);
  return content === '' ? '' : `<div id="${id}">\n${content}</div>\n`;
}

function reportSlots(unknown: string[], unused: SlotName[], values: Record<SlotName, string>, ctx: RenderContext): void {
  for (const name of unknown) {
    ctx.report('warning', 'emit/unknown-template-slot', `The template has a slot "{{${name}}}" that emit does not fill; it is left empty.`);
  }
  for (const name of unused) {
    if (values[name] === '') continue;
    const severity = name === 'steps' ? 'error' : 'warning';
    ctx.report(severity, 'emit/missing-template-slot', `The template has no "{{${name}}}" slot, so that part of the page is left out.`);
  }
}

export function emit(deck: Deck, positions: (Coordinates | null)[], options: EmitOptions): EmitResult {
  const diagnostics: Diagnostic[] = [];
  const assets = new AssetCollector(options.sourceName);
  const report = (code: string, message: string, at?: SourceLine) => {
    diagnostics.push(diagnosticAt('warning', code, message, options.sourceName, at));
  };
  const steps = describeSteps(deck, positions, report);
  const ctx = createContext(options, steps, diagnostics, assets);
  const files = deckFiles(deck);
  registerDeckFiles(files, ctx, options.template.files);
  const features = resolveFeatures(deck, options);

  // Only steps reach the page, as in Hovercraft; split warns about content outside them.
  // Concatenated: a rope the page is written from, not a copy (see fillTemplate),
  // of one flat string per step.
  let stepHtml = '';
  for (const child of deck.root.children) {
    if (isElement(child) && child.type === 'step') stepHtml += flattened(renderNode(child, ctx));
  }
  const header = decoration(deck.header, 'deck-header', ctx);
  const footer = decoration(deck.footer, 'deck-footer', ctx);
  // Known only once everything is rendered: whether the page has math.
  const mathLink = ctx.features.has('math') ? `<link rel="stylesheet" href="${KATEX_STYLESHEET}">\n` : '';

  const values: Record<SlotName, string> = {
    lang: escapeHtml(options.lang ?? 'en'),
    title: escapeHtml(pageTitle(deck, options.sourceName)),
    head: mathLink + headContent(deck, files, report),
    'impress-attributes': impressAttributes(deck, features),
    'body-start': bodyStartContent(features),
    header,
    steps: stepHtml,
    footer,
    'body-end': bodyEndContent(files),
  };
  const filled = fillTemplate(options.template.html, values);
  reportSlots(filled.unknown, filled.unused, values, ctx);
  return { html: filled.html, files: assets.files, diagnostics, features: [...ctx.features].sort() };
}
