/**
 * What every transform works with: the document state, the tree index,
 * the settings, and the per-node flags docutils keeps as Python object
 * attributes (`resolved`, `referenced`, `expect_referenced_by_*`).
 */

import type { MessageOptions, RstDocument } from '../document.js';
import { element, listAttribute, startOf, text, type Element } from '../nodes.js';
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
    /** The original source text, for the block of a directive that recorded none (class-attribute). */
    readonly source: string,
  ) {
    this.tree = new Tree(document.root);
  }

  get root(): Element {
    return this.document.root;
  }

  /**
   * Where the author finds `node`: the first of it and its ancestors the
   * source places (its line in an included file, or its position in the
   * document). Empty when none is placed.
   */
  authorPlace(node: Element): { diagnosticLine: number; diagnosticFile: string } | Record<string, never> {
    for (let current: Element | undefined = node; current; current = this.tree.parent(current)) {
      const at = startOf(current);
      if (at !== undefined) return { diagnosticLine: at.line, diagnosticFile: at.file ?? this.document.sourceName };
    }
    return {};
  }

  /** The message's own line (docutils' explicit None kept), else that of `baseNode` or its nearest ancestor with one. */
  private lineFor(options: MessageOptions): number | null | undefined {
    if (options.line !== undefined) return options.line;
    return options.baseNode ? this.tree.lineOf(options.baseNode) : undefined;
  }

  /** docutils `reporter.system_message` during transforms: line from `baseNode` or its ancestors. */
  report(level: number, message: string, options: MessageOptions = {}): Element {
    // Without a line, the document falls back to the parser's last line, as docutils' reporter does.
    // A bare line number is read as docutils' reporter reads it: an absolute line of the parser's input.
    const bare = typeof options.line === 'number' && options.source === undefined && options.baseNode === undefined;
    const place = bare ? this.document.reporterPlace(options.line as number) : undefined;
    const line = place ? (place.line ?? options.line) : this.lineFor(options);
    // The author is sent to the node the message is about, where the source places it (docutils'
    // line can be one it reads as absolute that is not); else to the nearest line there is.
    const author = options.baseNode && options.diagnosticLine === undefined ? this.authorPlace(options.baseNode) : {};
    const diagnosticLine =
      options.diagnosticLine ??
      ('diagnosticLine' in author ? author.diagnosticLine : undefined) ??
      (options.baseNode && typeof line !== 'number' ? this.tree.nearestLine(options.baseNode) : undefined);
    const source = options.source ?? place?.source ?? (options.baseNode ? this.tree.sourceOf(options.baseNode) : undefined);
    const msg = this.document.systemMessage(level, message, {
      ...author,
      ...options,
      baseNode: undefined,
      line,
      diagnosticLine,
      ...(source === undefined ? {} : { source }),
    });
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
   * The markup a reference (or a substitution definition) was written as,
   * docutils' `rawsource`, which the parser records; shown by the
   * `problematic` node that replaces a reference when it cannot be
   * resolved. Empty for nodes a directive made, as in docutils.
   */
  rawsource(node: Element): string {
    return node.rawsource ?? '';
  }

  /**
   * The recurring docutils pattern: `msg` gets an id, a `problematic` node
   * showing `ref`'s markup links to it and takes `ref`'s place.
   */
  replaceWithProblematic(ref: Element, msg: Element, keepRefIds = false): Element {
    const msgid = this.document.setId(msg);
    const raw = this.rawsource(ref);
    const problematic = element('problematic', { refid: msgid }, raw ? [text(raw)] : []);
    // Placed where the reference was, for deck's own messages about it (docutils gives it no line).
    if (ref.position) problematic.position = ref.position;
    if (ref.source !== undefined && ref.includedLine !== undefined) {
      problematic.source = ref.source;
      problematic.includedLine = ref.includedLine;
    }
    const ownIds = listAttribute(ref, 'ids');
    const problematicId = keepRefIds && ownIds.length > 0 ? ownIds[0]! : this.document.setId(problematic);
    msg.attributes.backrefs = [...listAttribute(msg, 'backrefs'), problematicId];
    this.tree.replaceSelf(ref, problematic);
    return problematic;
  }
}
