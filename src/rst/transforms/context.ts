/**
 * What every transform works with: the document state, the tree index,
 * the settings, and the per-node flags docutils keeps as Python object
 * attributes (`resolved`, `referenced`, `expect_referenced_by_*`).
 */

import type { MessageOptions, RstDocument } from '../document.js';
import { element, isText, listAttribute, text, type Element } from '../nodes.js';
import { leadingSpace } from '../py-space.js';
import { expandTabs, readLines } from '../source-lines.js';
import { Tree } from './tree.js';
import type { TransformSettings } from './types.js';

export class TransformContext {
  readonly tree: Tree;
  /** docutils `Resolvable.resolved`. */
  readonly resolved = new WeakSet<Element>();
  /**
   * Targets whose ids and names moved to another node (PropagateTargets):
   * when that node is referenced, they count as referenced too.
   */
  private readonly expectedByName = new WeakMap<Element, Map<string, Element>>();
  private readonly expectedById = new WeakMap<Element, Map<string, Element>>();
  /** docutils `document.transform_messages`: every message a transform reported. */
  readonly messages: Element[] = [];

  constructor(
    readonly document: RstDocument,
    readonly settings: TransformSettings,
    /** The original source text, for the markup of references turned problematic. */
    readonly source: string,
  ) {
    this.tree = new Tree(document.root);
  }

  get root(): Element {
    return this.document.root;
  }

  /** docutils `reporter.system_message` during transforms: line from `baseNode` or its ancestors. */
  report(level: number, message: string, options: MessageOptions = {}): Element {
    // Without a line, the document falls back to the parser's last line, as docutils' reporter does.
    const line = options.line ?? (options.baseNode ? this.tree.lineOf(options.baseNode) : undefined);
    const diagnosticLine = options.diagnosticLine ?? (options.baseNode ? this.tree.nearestLine(options.baseNode) : undefined);
    const msg = this.document.systemMessage(level, message, { ...options, baseNode: undefined, line, ...(diagnosticLine === undefined ? {} : { diagnosticLine }) });
    this.messages.push(msg);
    return msg;
  }

  isReferenced(node: Element): boolean {
    return this.document.referenced.has(node);
  }

  /** docutils `Targetable.note_referenced_by`: also marks the targets that moved onto `node`. */
  noteReferencedBy(node: Element, by: { name?: string; id?: string }): void {
    this.document.referenced.add(node);
    const byName = by.name === undefined ? undefined : this.expectedByName.get(node)?.get(by.name);
    if (byName) this.document.referenced.add(byName);
    const byId = by.id === undefined ? undefined : this.expectedById.get(node)?.get(by.id);
    if (byId) this.document.referenced.add(byId);
  }

  /** Records that `target`'s id/name now live on `node` (PropagateTargets). */
  expectReferenced(node: Element, target: Element): void {
    const byName = this.expectedByName.get(node) ?? new Map<string, Element>();
    const byId = this.expectedById.get(node) ?? new Map<string, Element>();
    for (const id of listAttribute(target, 'ids')) byId.set(id, target);
    for (const name of listAttribute(target, 'names')) byName.set(name, target);
    for (const [name, original] of this.expectedByName.get(target) ?? []) byName.set(name, original);
    for (const [id, original] of this.expectedById.get(target) ?? []) byId.set(id, original);
    this.expectedByName.set(node, byName);
    this.expectedById.set(node, byId);
  }

  /**
   * The markup a reference was written as (docutils `rawsource`), shown by
   * the `problematic` node that replaces it when it cannot be resolved.
   */
  rawsource(node: Element): string {
    if (node.rawsource !== undefined) return node.rawsource;
    const span = node.position;
    if (span && span.end.offset > span.start.offset) {
      // References a directive made (`image` with `:target:`) have none.
      if (this.source.startsWith('..', span.start.offset)) return '';
      // The lines as docutils reads them (tabs expanded from the start of
      // the line), cut at the span and joined without their indentation,
      // as a paragraph's are.
      const lineStart = span.start.offset - (span.start.column - 1);
      const lines = readLines(this.source.slice(lineStart, span.end.offset));
      lines[0] = (lines[0] ?? '').slice(expandTabs(this.source.slice(lineStart, span.start.offset)).length);
      return lines.map((line, i) => (i > 0 ? withoutIndent(line) : line)).join('\n');
    }
    return markupOf(node);
  }

  /**
   * The recurring docutils pattern: `msg` gets an id, a `problematic` node
   * showing `ref`'s markup links to it and takes `ref`'s place.
   */
  replaceWithProblematic(ref: Element, msg: Element, keepRefIds = false): Element {
    const msgid = this.document.setId(msg);
    const raw = this.rawsource(ref);
    const problematic = element('problematic', { refid: msgid }, raw ? [text(raw)] : []);
    const ownIds = listAttribute(ref, 'ids');
    const problematicId = keepRefIds && ownIds.length > 0 ? ownIds[0]! : this.document.setId(problematic);
    msg.attributes.backrefs = [...listAttribute(msg, 'backrefs'), problematicId];
    this.tree.replaceSelf(ref, problematic);
    return problematic;
  }
}

/**
 * A paragraph's later line without the block's indentation. That ends at
 * the last space of the leading white space: a line still starting with a
 * space would have been read as indented.
 */
function withoutIndent(line: string): string {
  const lead = leadingSpace(line);
  return lead === 0 ? line : line.slice(line.lastIndexOf(' ', lead - 1) + 1);
}

/** A reference's markup rebuilt from the tree (for nodes without a source span). */
function markupOf(node: Element): string {
  const content = node.children.map((child) => (isText(child) ? child.value.replace(/\x00/g, '\\') : '')).join('');
  switch (node.type) {
    case 'footnote_reference': {
      const auto = node.attributes.auto;
      const label = auto === '*' ? '*' : auto ? `#${String(node.attributes.refname ?? '')}` : content;
      return `[${label}]_`;
    }
    case 'citation_reference':
      return `[${content}]_`;
    case 'substitution_reference':
      return `|${content}|`;
    case 'reference':
      return `${content}${node.attributes.anonymous ? '__' : '_'}`;
    default:
      return content;
  }
}
