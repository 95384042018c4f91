/**
 * Creates the render context one emit run (or one fragment) uses.
 */

import { diagnosticAt, type Severity } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
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
    addAsset(url, kind, at) {
      const found = assets.add(url, kind, at);
      if (found.kind === 'absolute') {
        ctx.report('warning', 'emit/absolute-path', `"${url}" starts with "/", so it only works from a web server's root; write a path relative to the deck.`, at);
      }
    },
    report(severity: Severity, code, message, at) {
      diagnostics.push(diagnosticAt(severity, code, message, options.sourceName, at));
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
