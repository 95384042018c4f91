/**
 * Hovercraft's `SlideMaker.walk`: rebuild the document as steps.
 *
 * The walk copies every element into "the current node" (the element
 * itself serves as its copy: the walk takes the tree apart). A transition
 * opens a step inside the nearest step of a lower level (or the document);
 * a section before the first transition opens step 0. Field lists are not
 * copied: each field's paragraph becomes an attribute of the current node
 * (the document before the first step: presentation settings; the step
 * right after a transition: step attributes; a section or list item when
 * the field list sits inside one). A repeated field joins its values with
 * a space. Only a paragraph's leading text is the value: inline markup in
 * it is copied into the current node, like any other element of the body.
 *
 * Text travels with its element, as in lxml: a node's leading text with
 * its copy, the text after a node ("tail") with that node's copy.
 */

import type { SourceLine } from '../diagnostics/diagnostic.js';
import { element, getOwn, isElement, isText, lineOf, setOwn, text, type Element, type Text } from '../rst/nodes.js';
import { unescape } from '../rst/names.js';
import { enterList, leaveList, markListItem } from './substeps.js';
import type { SplitReporter } from './split-messages.js';

/** Elements the walk does not copy; their children are still walked. */
const SKIPPED = new Set(['docinfo', 'field_list', 'field', 'field_body']);

export interface SlideMakerResult {
  root: Element;
  /** Where each field set on the document (settings) is. */
  settingLines: Record<string, SourceLine>;
  /** Where each field set on a step is. */
  fieldLines: Map<Element, Record<string, SourceLine>>;
}

const LEVEL_CLASS = /(?:^|\s)step-level-(\S*)/;

/** The level in a step's first `step-level-N` class (N after the class's last hyphen). */
export function levelOf(step: Element): number | undefined {
  const value = step.attributes['class'];
  if (typeof value !== 'string') return undefined;
  const level = LEVEL_CLASS.exec(value)?.[1];
  return level === undefined ? undefined : Number.parseInt(level.slice(level.lastIndexOf('-') + 1), 10);
}

/** Gives a copy (or a new step) the place `at`. */
function locate(node: Element, at: SourceLine | undefined): void {
  if (at === undefined) return;
  node.line = at.line;
  if (at.file !== undefined) node.source = at.file;
}

/** Records where field `name` was first set. */
function keepFirstLine(lines: Record<string, SourceLine>, name: string, at: SourceLine | undefined): void {
  if (at !== undefined && getOwn(lines, name) === undefined) setOwn(lines, name, at);
}

// XML attribute names that lxml accepts (an NCName); Hovercraft stops on others.
const ATTRIBUTE_NAME = /^[\p{L}_][\p{L}\p{N}_.\-\u00b7\u0300-\u036f\u203f-\u2040]*$/u;

class SlideMaker {
  private root!: Element;
  private current!: Element;
  private readonly parents = new Map<Element, Element>();
  /** Elements the walk copied: each is its own copy. */
  private readonly copied = new Set<Element>();
  private readonly openSubstepLists: Element[] = [];
  private steps = 0;
  /** Where the last node visited that has a line is. */
  private lastAt: SourceLine | undefined;
  readonly settingLines: Record<string, SourceLine> = {};
  readonly fieldLines = new Map<Element, Record<string, SourceLine>>();

  constructor(private readonly report: SplitReporter) {}

  run(document: Element): Element {
    this.visit(document, undefined);
    return this.root;
  }

  private visit(node: Element, parent: Element | undefined): void {
    this.lastAt = lineOf(node) ?? this.lastAt;
    if (node.type === 'field_body' && parent?.type === 'field') this.fieldOf.set(node, parent);
    const skipped = SKIPPED.has(node.type);
    // Read before start(): a reused node gets children of its own there.
    const children = node.children;
    if (!skipped) this.start(node, parent);
    let previous: Element | undefined;
    for (const child of children) {
      if (isText(child)) this.placeText(child, node, previous);
      else {
        this.visit(child, node);
        previous = child;
      }
    }
    if (!skipped) this.end(node);
  }

  /** Leading text goes with the node's copy, a tail with the previous sibling's copy. */
  private placeText(child: Text, node: Element, previous: Element | undefined): void {
    const copy = previous ?? node;
    if (!this.copied.has(copy)) return;
    const owner = previous ? this.parents.get(copy) : copy;
    if (owner) owner.children.push(text(child.value, child.position));
  }

  private append(parent: Element, child: Element): void {
    parent.children.push(child);
    this.parents.set(child, parent);
  }

  /**
   * Makes `node` its own copy, emptied of children and raw source. The
   * walk owns the tree it takes apart, and making new elements with cloned
   * attributes was a third of the split's time on large decks. An element
   * placed nowhere (no line, and no line in an included file) keeps no file
   * either; one a transform made (no line, no position) takes the last line
   * the walk saw, in its file, so messages about it still point into the
   * source.
   */
  private ownCopy(node: Element): Element {
    node.children = [];
    node.rawsource = undefined;
    if (node.line === undefined && node.includedLine === undefined) {
      node.source = undefined;
      node.includedLine = undefined;
      if (!node.position) locate(node, this.lastAt);
    }
    this.copied.add(node);
    return node;
  }

  private copyInto(node: Element): void {
    const copy = this.ownCopy(node);
    this.append(this.current, copy);
    this.current = copy;
  }

  private newStep(level: number, at: SourceLine | undefined): Element {
    const step = element('step', { step: String(this.steps), class: `step step-level-${level}` });
    locate(step, at);
    this.steps += 1;
    return step;
  }

  private start(node: Element, parent: Element | undefined): void {
    if (parent?.type === 'field_body' && node.type !== 'paragraph' && node.type !== 'system_message') {
      const nameNode = this.parentField(parent)?.children.find(isElement);
      this.report.fieldBodyContent(textOf(nameNode), node.type, lineOf(node) ?? this.lastAt);
    }
    switch (node.type) {
      case 'document': {
        this.root = this.current = this.ownCopy(node);
        return;
      }
      case 'section':
        if (this.steps === 0) {
          const step = this.newStep(1, lineOf(node));
          this.append(this.root, step);
          this.current = step;
        }
        return this.copyInto(node);
      case 'transition':
        return this.startTransition(node);
      case 'field_name':
        return;
      case 'paragraph':
        if (parent?.type === 'field_body') return this.setField(node, parent);
        return this.copyInto(node);
      case 'bullet_list':
      case 'enumerated_list':
        enterList(node, this.openSubstepLists);
        return this.copyInto(node);
      case 'list_item':
        markListItem(node, this.openSubstepLists);
        return this.copyInto(node);
      default:
        return this.copyInto(node);
    }
  }

  private end(node: Element): void {
    if (node.type === 'field_name') return;
    if (node.type === 'paragraph' && !this.copied.has(node)) return;
    if (node.type === 'bullet_list' || node.type === 'enumerated_list') leaveList(node, this.openSubstepLists);
    // Steps are left only by the next transition.
    if (this.current.type !== 'step') this.current = this.parents.get(this.current) ?? this.current;
  }

  private startTransition(node: Element): void {
    const level = Number.parseInt(String(node.attributes['level'] ?? '1'), 10);
    const step = this.newStep(level, lineOf(node));
    // Walk up to a step of a lower level, or the document.
    let above = this.current;
    while (above.type !== 'step' || (levelOf(above) ?? 0) >= level) {
      const parent = this.parents.get(above);
      if (!parent) break;
      above = parent;
    }
    this.append(above, step);
    this.current = step;
  }

  private setField(paragraph: Element, body: Element): void {
    const field = this.parentField(body);
    const nameNode = field?.children.find(isElement);
    const line = lineOf(paragraph) ?? (field && lineOf(field)) ?? this.lastAt;
    const name = nameNode ? leadingText(nameNode) : undefined;
    const value = leadingText(paragraph);
    if (name === undefined || !ATTRIBUTE_NAME.test(name)) {
      this.report.badFieldName(name ?? textOf(nameNode), line);
      return;
    }
    if (value === undefined) {
      this.report.fieldWithoutText(name, line);
      return;
    }
    if (paragraph.children.some(isElement)) this.report.fieldWithMarkup(name, line);
    const target = this.current;
    const existing = getOwn(target.attributes, name);
    const current = typeof existing === 'string' ? existing : undefined;
    if (current) this.report.joinedField(name, target, current, value, line);
    setOwn(target.attributes, name, current ? `${current} ${value}` : value);
    if (target === this.root) {
      keepFirstLine(this.settingLines, name, line);
    } else if (target.type === 'step') {
      const lines = this.fieldLines.get(target) ?? {};
      keepFirstLine(lines, name, line);
      this.fieldLines.set(target, lines);
      this.report.stepField(name, target, line);
    } else {
      this.report.fieldOnElement(name, target, line);
    }
  }

  /** The `field` a field body belongs to (the body's parent in the source), recorded when the walk enters the body. */
  private parentField(body: Element): Element | undefined {
    return this.fieldOf.get(body);
  }

  private readonly fieldOf = new Map<Element, Element>();
}

/** lxml's `.text`: the text before the first child element, or undefined if none. */
function leadingText(node: Element): string | undefined {
  let value = '';
  for (const child of node.children) {
    if (!isText(child)) break;
    value += child.value;
  }
  return value === '' ? undefined : unescape(value);
}

function textOf(node: Element | undefined): string {
  if (!node) return '';
  return node.children.map((child) => (isText(child) ? child.value : textOf(child))).join('');
}

/** Rebuilds `document` as steps, taking it apart: the caller gives it up. */
export function makeSlides(document: Element, report: SplitReporter): SlideMakerResult {
  const maker = new SlideMaker(report);
  const root = maker.run(document);
  return { root, settingLines: maker.settingLines, fieldLines: maker.fieldLines };
}
