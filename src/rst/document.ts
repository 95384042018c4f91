/**
 * The parse-wide state docutils keeps on its `document` node and `Reporter`:
 * id generation, name/id maps, reference bookkeeping and system messages.
 * Shared by the block parser, the inline parser, directives and transforms.
 * Method names follow docutils (`set_id` → `setId`) so the port stays readable.
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LEVEL_SEVERITY } from '../diagnostics/diagnostic.js';
import { element, listAttribute, text, type Element, type Node } from './nodes.js';
import { makeId, fullyNormalizeName, whitespaceNormalizeName } from './names.js';

export const LEVEL_NAMES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'SEVERE'] as const;

/** A place to send the author to. */
export interface AuthorPlace {
  file: string;
  line: number | undefined;
}

/** Where the parser is: its file and line; in a CSV cell, whose lines docutils counts from the cell, the document line of the table. */
export interface ParsingPlace extends AuthorPlace {
  tableLine?: number;
}

/** Where docutils' reporter places a message: a line and the file it is in. */
export interface MessagePlace {
  line?: number;
  source?: string;
}

export interface MessageOptions {
  /**
   * 1-based source line the message is about. `null` is docutils' explicit
   * `line=None` (a node's line it never recorded): the reporter then takes
   * the parser's last line, and where there is none, docutils keeps the
   * None, which its pseudo-XML prints as line="True".
   */
  line?: number | null;
  /** Takes `line` from this node (or its nearest ancestor with one). */
  baseNode?: Element;
  /** Extra children after the message paragraph (usually a literal_block). */
  children?: Node[];
  backrefs?: string[];
  /** Source name for messages about an included file. */
  source?: string;
  /** Stable diagnostic code; derived from the message when absent. */
  code?: string;
  /**
   * Where the diagnostic points when the message's own line, which the
   * pseudo-XML must keep as docutils has it, is none or not the place to
   * look: the author still needs one.
   */
  diagnosticLine?: number;
  /** The file `diagnosticLine` is in, where the message's own source is not a file to send the author to. */
  diagnosticFile?: string;
}

/**
 * Where to send the author for a message docutils places at `source` and
 * `line`: there, unless the parser is on a line of another file (docutils
 * reads some lines as absolute ones that they are not), then there; in a
 * CSV cell, whose lines docutils counts from the cell, at the table.
 */
function authorPlace(source: string, line: number | undefined, parsing: ParsingPlace | undefined, document: string): AuthorPlace {
  if (parsing?.tableLine !== undefined) return { file: document, line: parsing.tableLine };
  const place = outsidePadding(source, line);
  return parsing && parsing.line !== undefined && parsing.file !== place.file ? { file: parsing.file, line: parsing.line } : place;
}

/**
 * Where to send the author for a message docutils places on the blank line
 * an include puts before or after the included lines ("internal padding
 * before part.rst", line 0): the first or the last line of that file.
 */
function outsidePadding(source: string, line: number | undefined): AuthorPlace {
  const padding = source.startsWith('internal padding ') ? /^internal padding (before|after) (.*)$/s.exec(source) : null;
  if (!padding) return { file: source, line };
  return { file: padding[2]!, line: padding[1] === 'before' ? 1 : line === undefined ? undefined : Math.max(1, line - 1) };
}

/** A message up to its first `.:;"(` (the text `split(/[.:;"(]/)[0]` gives, without splitting the rest). */
const MESSAGE_HEAD = /^[^.:;"(]*/;

/** Derives a stable code from a docutils message: `rst/unknown-directive-type`. */
function codeOf(message: string): string {
  const head = MESSAGE_HEAD.exec(message)![0];
  let code = CODES.get(head);
  if (code === undefined) {
    const slug = makeId(head).slice(0, 60);
    code = `rst/${slug || 'message'}`;
    // Heads come from a few dozen message templates; the bound only guards odd ones.
    if (CODES.size > 1000) CODES.clear();
    CODES.set(head, code);
  }
  return code;
}

const CODES = new Map<string, string>();

export class RstDocument {
  readonly root: Element;
  readonly sourceName: string;
  readonly diagnostics: Diagnostic[] = [];
  readonly ids = new Map<string, Element>();
  readonly nameids = new Map<string, string | null>();
  readonly nametypes = new Map<string, boolean>();
  readonly refnames = new Map<string, Element[]>();
  readonly refids = new Map<string, Element[]>();
  readonly indirectTargets: Element[] = [];
  readonly substitutionDefs = new Map<string, Element>();
  readonly substitutionNames = new Map<string, string>();
  readonly footnoteRefs = new Map<string, Element[]>();
  readonly citationRefs = new Map<string, Element[]>();
  readonly autofootnotes: Element[] = [];
  readonly autofootnoteRefs: Element[] = [];
  readonly symbolFootnotes: Element[] = [];
  readonly symbolFootnoteRefs: Element[] = [];
  readonly footnotes: Element[] = [];
  readonly citations: Element[] = [];
  readonly anonymousTargets: Element[] = [];
  readonly anonymousRefs: Element[] = [];
  /** `pending` nodes waiting for a transform (publish mode). */
  readonly pending: Element[] = [];
  /** Nodes docutils marks `referenced` (dupname does). */
  readonly referenced = new WeakSet<Element>();
  /** Parent links, filled by `adopt` so transforms can walk upwards. */
  private readonly idCounter = new Map<string, number>();
  /** Files being included, outermost first (cycle detection). */
  readonly includeStack: string[] = [];
  /**
   * For each included file, the lines of it before the part included
   * (`start-line`, `start-after`), or undefined where it was included
   * twice with different clips (see `include`).
   */
  readonly includeShifts = new Map<string, number | undefined>();
  /**
   * The source line the parser is on (docutils' `document.current_line`,
   * kept up to date by every state machine); elements appended without a
   * line of their own take it, as docutils' `setup_child` does.
   */
  currentLine: number | undefined;
  /** The file of the line the parser is on (docutils' `document.current_source`). */
  currentSource: string | undefined;
  /** The document line positions place the current line on, where docutils numbers it otherwise (a CSV cell's). */
  currentFileOffset: number | undefined;
  /**
   * The file the parser is reading (an included file while its lines are
   * parsed): messages that name no source are about it, as docutils'
   * reporter finds the source of the line it reports.
   */
  reporterSource: () => string | undefined = () => undefined;
  /**
   * docutils' `Reporter.get_source_and_line`: the line and file a message
   * given only a line number is placed at, reading the number as an
   * absolute line of the parser's input (included lines counted in), also
   * in the transforms after the parse.
   */
  reporterPlace: (absLine: number) => MessagePlace = (absLine) => ({ line: absLine });
  /** Where docutils' reporter places a message given no line: the outermost machine's current line, in its file. */
  reporterCurrent: () => MessagePlace = () => ({});
  /** While the parser runs: the file and line it is on, where the author is sent when docutils places a message in another file. */
  parsingAt: () => ParsingPlace | undefined = () => undefined;
  /** The `decoration` element once header/footer create it. */
  decoration: Element | undefined;
  /**
   * The absolute line that messages naming no file of their own are about
   * (inline text's, a directive's): their file is that line's, found when
   * a message is made. Set by `aboutLines`, or by hand around a hot path.
   */
  messageAbsLine: number | undefined;
  /** The absolute line the author is sent to for such messages where docutils' line is not the text's own. */
  authorAbsLine: number | undefined;

  constructor(sourceName: string) {
    this.sourceName = sourceName;
    this.root = element('document', { source: sourceName });
  }

  // ---- system messages -------------------------------------------------

  /**
   * The file of a message about `node` (docutils' `get_source_line`): the
   * included file it was appended from; one with a line but no file yet
   * (being made) is in the file being read. Undefined when it has neither:
   * the reporter decides.
   */
  private baseSource(node: Element | undefined): string | undefined {
    if (!node) return undefined;
    return node.source ?? (node.line !== undefined ? (this.reporterSource() ?? this.sourceName) : undefined);
  }

  /** Runs `run` with `messageAbsLine` and `authorAbsLine` set (undefined: none), as they were after. */
  aboutLines<T>(absLine: number | undefined, authorAbsLine: number | undefined, run: () => T): T {
    if (absLine === this.messageAbsLine && authorAbsLine === this.authorAbsLine) return run();
    const outerLine = this.messageAbsLine;
    const outerAuthor = this.authorAbsLine;
    this.messageAbsLine = absLine;
    this.authorAbsLine = authorAbsLine;
    try {
      return run();
    } finally {
      this.messageAbsLine = outerLine;
      this.authorAbsLine = outerAuthor;
    }
  }

  /** The file of absolute line `absLine`, as docutils' reporter names it. */
  private scopedSource(absLine: number | undefined): string | undefined {
    return absLine === undefined ? undefined : this.reporterPlace(absLine).source;
  }

  /** Where the author is sent for a message about absolute line `absLine`. */
  private scopedAuthor(absLine: number | undefined): AuthorPlace | undefined {
    if (absLine === undefined) return undefined;
    const place = this.reporterPlace(absLine);
    return place.line === undefined ? undefined : { file: place.source ?? this.sourceName, line: place.line };
  }

  /**
   * docutils `Reporter.system_message`: builds the node (level, type,
   * source, line, message paragraph) and records a diagnostic.
   */
  systemMessage(level: number, message: string, options: MessageOptions = {}): Element {
    // docutils' explicit None: the reporter's current place, also its file.
    const current = options.line === null ? this.reporterCurrent() : undefined;
    const line =
      options.line === null
        ? (current!.line ?? null)
        : (options.line ?? (options.baseNode ? lineOf(options.baseNode) : undefined) ?? this.reporterCurrent().line);
    const source = options.source ?? current?.source ?? this.baseSource(options.baseNode) ?? this.scopedSource(this.messageAbsLine) ?? this.reporterSource() ?? this.sourceName;
    const attributes: Element['attributes'] = {
      level,
      type: LEVEL_NAMES[level] ?? 'SEVERE',
      source,
    };
    if (line !== undefined) attributes.line = line ?? true;
    if (options.backrefs) attributes.backrefs = [...options.backrefs];
    const node = element('system_message', attributes, [
      element('paragraph', {}, [text(message)]),
      ...(options.children ?? []),
    ]);
    if (typeof line === 'number') node.line = line;
    const own = options.diagnosticFile === undefined && options.diagnosticLine === undefined;
    const place =
      (own ? this.scopedAuthor(this.authorAbsLine) : undefined) ??
      authorPlace(source, line ?? undefined, options.diagnosticFile === undefined ? this.parsingAt() : undefined, this.sourceName);
    const diagnostic: Diagnostic = {
      severity: LEVEL_SEVERITY[level] ?? 'severe',
      code: options.code ?? codeOf(message),
      message,
      file: options.diagnosticFile ?? place.file,
    };
    const pointAt = options.diagnosticLine ?? place.line;
    if (pointAt !== undefined) diagnostic.line = pointAt;
    this.diagnostics.push(diagnostic);
    return node;
  }

  info(message: string, options?: MessageOptions): Element {
    return this.systemMessage(1, message, options);
  }

  warning(message: string, options?: MessageOptions): Element {
    return this.systemMessage(2, message, options);
  }

  error(message: string, options?: MessageOptions): Element {
    return this.systemMessage(3, message, options);
  }

  severe(message: string, options?: MessageOptions): Element {
    return this.systemMessage(4, message, options);
  }

  // ---- ids and names ---------------------------------------------------

  /** docutils `document.set_id`. */
  setId(node: Element, msgnode?: Element, suggestedPrefix = ''): string {
    const existing = listAttribute(node, 'ids');
    if (existing.length > 0) {
      let last = '';
      for (const id of existing) {
        if (!this.ids.has(id)) this.ids.set(id, node);
        if (this.ids.get(id) !== node) {
          const msg = this.severe(`Duplicate ID: "${id}".`);
          if (msgnode) msgnode.children.push(msg);
        }
        last = id;
      }
      return last;
    }
    let id = '';
    let baseId = '';
    let found = false;
    for (const name of listAttribute(node, 'names')) {
      baseId = makeId(name);
      id = baseId;
      if (baseId && !this.ids.has(id)) {
        found = true;
        break;
      }
    }
    if (!found) {
      // docutils 0.19: auto_id_prefix is "%": ids derive from the name
      // ("title-1") or else from the element type ("section-1").
      const prefix = baseId ? `${id}-` : `${suggestedPrefix || typeId(node.type)}-`;
      for (;;) {
        const n = (this.idCounter.get(prefix) ?? 0) + 1;
        this.idCounter.set(prefix, n);
        id = `${prefix}${n}`;
        if (!this.ids.has(id)) break;
      }
    }
    node.attributes.ids = [...existing, id];
    this.ids.set(id, node);
    return id;
  }

  /** docutils `document.set_name_id_map`. */
  setNameIdMap(node: Element, id: string, msgnode: Element | undefined, explicit: boolean): void {
    for (const name of [...listAttribute(node, 'names')]) {
      if (this.nameids.has(name)) {
        this.setDuplicateNameId(node, id, name, msgnode, explicit);
      } else {
        this.nameids.set(name, id);
        this.nametypes.set(name, explicit);
      }
    }
  }

  private setDuplicateNameId(
    node: Element,
    id: string,
    name: string,
    msgnode: Element | undefined,
    explicit: boolean,
  ): void {
    const oldId = this.nameids.get(name) ?? null;
    const oldExplicit = this.nametypes.get(name) ?? false;
    this.nametypes.set(name, oldExplicit || explicit);
    if (explicit) {
      if (oldExplicit) {
        let level = 2;
        if (oldId !== null) {
          const oldNode = this.ids.get(oldId);
          const refuri = node.attributes.refuri;
          if (
            oldNode &&
            refuri !== undefined &&
            listAttribute(oldNode, 'names').length > 0 &&
            oldNode.attributes.refuri === refuri
          ) {
            level = 1;
          }
          if (level > 1 && oldNode) {
            this.dupname(oldNode, name);
            this.nameids.set(name, null);
          }
        }
        const msg = this.systemMessage(level, `Duplicate explicit target name: "${name}".`, {
          backrefs: [id],
          baseNode: node,
        });
        if (msgnode) msgnode.children.push(msg);
        this.dupname(node, name);
      } else {
        this.nameids.set(name, id);
        if (oldId !== null) {
          const oldNode = this.ids.get(oldId);
          if (oldNode) this.dupname(oldNode, name);
        }
      }
    } else {
      if (oldId !== null && !oldExplicit) {
        this.nameids.set(name, null);
        const oldNode = this.ids.get(oldId);
        if (oldNode) this.dupname(oldNode, name);
      }
      this.dupname(node, name);
    }
    if (!explicit || (!oldExplicit && oldId !== null)) {
      const msg = this.info(`Duplicate implicit target name: "${name}".`, {
        backrefs: [id],
        baseNode: node,
      });
      if (msgnode) msgnode.children.push(msg);
    }
  }

  dupname(node: Element, name: string): void {
    node.attributes.dupnames = [...listAttribute(node, 'dupnames'), name];
    node.attributes.names = listAttribute(node, 'names').filter((n) => n !== name);
    this.referenced.add(node);
  }

  hasName(name: string): boolean {
    return this.nameids.has(name);
  }

  noteImplicitTarget(target: Element, msgnode?: Element): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, false);
  }

  noteExplicitTarget(target: Element, msgnode?: Element): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, true);
  }

  noteRefname(node: Element): void {
    pushTo(this.refnames, String(node.attributes.refname), node);
  }

  noteRefid(node: Element): void {
    pushTo(this.refids, String(node.attributes.refid), node);
  }

  noteIndirectTarget(target: Element): void {
    this.indirectTargets.push(target);
    if (listAttribute(target, 'names').length > 0) this.noteRefname(target);
  }

  noteAnonymousTarget(target: Element): void {
    this.setId(target);
    this.anonymousTargets.push(target);
  }

  noteAnonymousRef(ref: Element): void {
    this.anonymousRefs.push(ref);
  }

  noteAutofootnote(footnote: Element): void {
    this.setId(footnote);
    this.autofootnotes.push(footnote);
  }

  noteAutofootnoteRef(ref: Element): void {
    this.setId(ref);
    this.autofootnoteRefs.push(ref);
  }

  noteSymbolFootnote(footnote: Element): void {
    this.setId(footnote);
    this.symbolFootnotes.push(footnote);
  }

  noteSymbolFootnoteRef(ref: Element): void {
    this.setId(ref);
    this.symbolFootnoteRefs.push(ref);
  }

  noteFootnote(footnote: Element): void {
    this.setId(footnote);
    this.footnotes.push(footnote);
  }

  noteFootnoteRef(ref: Element): void {
    this.setId(ref);
    pushTo(this.footnoteRefs, String(ref.attributes.refname), ref);
    this.noteRefname(ref);
  }

  noteCitation(citation: Element): void {
    this.citations.push(citation);
  }

  noteCitationRef(ref: Element): void {
    this.setId(ref);
    pushTo(this.citationRefs, String(ref.attributes.refname), ref);
    this.noteRefname(ref);
  }

  noteSubstitutionDef(subdef: Element, defName: string, msgnode?: Element): void {
    const name = whitespaceNormalizeName(defName);
    const old = this.substitutionDefs.get(name);
    if (old) {
      const msg = this.error(`Duplicate substitution definition name: "${name}".`, {
        baseNode: subdef,
      });
      if (msgnode) msgnode.children.push(msg);
      this.dupname(old, name);
    }
    this.substitutionDefs.set(name, subdef);
    this.substitutionNames.set(fullyNormalizeName(name), name);
  }

  noteSubstitutionRef(subref: Element, refname: string): void {
    subref.attributes.refname = whitespaceNormalizeName(refname);
  }

  notePending(node: Element): void {
    this.pending.push(node);
  }
}

const TYPE_IDS = new Map<string, string>();

/** `makeId(type)`, remembered: documents full of messages ask for "system-message" hundreds of thousands of times. */
function typeId(type: string): string {
  let id = TYPE_IDS.get(type);
  if (id === undefined) {
    id = makeId(type);
    TYPE_IDS.set(type, id);
  }
  return id;
}

/** The line docutils would report for a node (its own, else none known). */
export function lineOf(node: Element): number | undefined {
  return node.line;
}

function pushTo(map: Map<string, Element[]>, key: string, node: Element): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
