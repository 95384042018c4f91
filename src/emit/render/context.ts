/**
 * The state one emit run threads through the render rules: where we are in
 * the tree, which ids are taken, what files and problems were found.
 *
 * Rules never call each other directly; they call `ctx.render` and
 * `ctx.children`, which dispatch through the registry (render/registry.ts).
 */

import type { Diagnostic, Severity, SourceLine } from '../../diagnostics/diagnostic.js';
import { startOf, type Element, type Node } from '../../rst/nodes.js';
import type { Coordinates } from '../../deck/types.js';
import type { AssetKind, EmitFeature } from '../types.js';

export interface StepInfo {
  /** The step's HTML id. */
  id: string;
  /** How deep the step sits (`step-level-N`). */
  level: number;
  /** Its coordinates; null or undefined for a step layout leaves unpositioned. */
  position: Coordinates | null | undefined;
}

export interface RenderContext {
  readonly sourceName: string;
  readonly skipNotes: boolean;
  /** Element ancestors of the node being rendered, outermost first. */
  readonly ancestors: Element[];
  readonly diagnostics: Diagnostic[];
  readonly steps: Map<Element, StepInfo>;
  /** Renders one node through the registry. */
  render(node: Node): string;
  /** Renders a node's children, with the node pushed on `ancestors`. */
  children(node: Element): string;
  /** Takes the node's ids that are still free; ids used by steps or earlier elements are skipped, so the page never repeats an id. */
  claimIds(node: Element): string[];
  /** Records a local file the page references (URLs with a scheme are ignored). */
  addAsset(url: string, kind: AssetKind, at?: SourceLine): void;
  report(severity: Severity, code: string, message: string, at?: SourceLine): void;
  /** Innermost ancestor of one of the given types, or undefined. */
  closest(...types: string[]): Element | undefined;
  /** Set while rendering the items of a list docutils would render compactly. */
  compactList: boolean;
  /** What the rendered nodes need from the page (math: KaTeX's stylesheet and fonts). */
  readonly features: Set<EmitFeature>;
}

/** Where the node is, else the nearest ancestor (docutils gives e.g. `image` no line of its own). */
export function lineWithin(node: Element, ctx: RenderContext): SourceLine | undefined {
  const own = startOf(node);
  if (own !== undefined) return own;
  for (let i = ctx.ancestors.length - 1; i >= 0; i--) {
    const at = startOf(ctx.ancestors[i]!);
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * Nodes that render as nothing, which docutils' writer skips when it
 * decides whether a list is simple (its `Invisible` nodes, plus the info
 * messages its report level filters out).
 */
export function isInvisible(node: Node): boolean {
  if (node.type === 'text') return false;
  const element = node as Element;
  if (['comment', 'target', 'pending', 'substitution_definition', 'meta', 'decoration'].includes(element.type)) return true;
  return element.type === 'system_message' && Number(element.attributes['level'] ?? 2) < 2;
}
