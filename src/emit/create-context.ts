/**
 * Creates the render context one emit run (or one fragment) uses.
 */

import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { listAttribute, type Element } from '../rst/nodes.js';
import type { AssetCollector } from './assets.js';
import type { RenderContext, StepInfo } from './render/context.js';
import { renderChildren, renderNode } from './render/registry.js';

export interface ContextOptions {
  sourceName: string;
  skipNotes?: boolean;
}

export function createContext(
  options: ContextOptions,
  steps: Map<Element, StepInfo>,
  diagnostics: Diagnostic[],
  assets: AssetCollector,
): RenderContext {
  const usedIds = new Set<string>([...steps.values()].map((info) => info.id));
  const ctx: RenderContext = {
    sourceName: options.sourceName,
    skipNotes: options.skipNotes ?? false,
    ancestors: [],
    diagnostics,
    steps,
    compactList: false,
    features: new Set(),
    render: (node) => renderNode(node, ctx),
    children: (node) => renderChildren(node, ctx),
    claimIds(node) {
      const free = listAttribute(node, 'ids').filter((id) => id !== '' && !usedIds.has(id));
      for (const id of free) usedIds.add(id);
      return free;
    },
    addAsset(url, kind, line) {
      const found = assets.add(url, kind, line);
      if (found.kind === 'absolute') {
        ctx.report('warning', 'emit/absolute-path', `"${url}" starts with "/", so it only works from a web server's root; write a path relative to the deck.`, line);
      }
    },
    report(severity: Severity, code, message, line) {
      const diagnostic: Diagnostic = { severity, code, message, file: options.sourceName };
      if (line !== undefined) diagnostic.line = line;
      diagnostics.push(diagnostic);
    },
    closest(...types) {
      for (let i = ctx.ancestors.length - 1; i >= 0; i--) {
        if (types.includes(ctx.ancestors[i]!.type)) return ctx.ancestors[i];
      }
      return undefined;
    },
  };
  return ctx;
}
