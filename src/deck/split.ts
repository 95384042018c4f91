/**
 * split: doctree → deck, applying Hovercraft 2.7's slide rules
 * (`hovercraft/parse.py`) to the tree `parse(…, {mode: 'publish',
 * hovercraft: true})` gives:
 *
 *   front matter   (docutils' doctitle/docinfo, if the parser has not applied them)
 *   transitions    levels per adornment character; moves and errors
 *   slide maker    steps, fields as settings and step attributes, substeps
 *
 * The input tree is not changed, unless the caller hands it over
 * (`inPlace`): a pipeline that has no further use for the parse saves
 * copying it.
 */

import type { SourceLine } from '../diagnostics/diagnostic.js';
import type { Element } from '../rst/nodes.js';
import { isElement, lineOf, setOwn } from '../rst/nodes.js';
import { applyDocInfo, applyDocTitle } from './frontmatter.js';
import { levelOf, makeSlides } from './slide-maker.js';
import { SplitReporter } from './split-messages.js';
import { applyTransitions } from './transitions.js';
import { cloneTree } from './tree.js';
import type { Deck, SplitResult } from './types.js';

export interface SplitOptions {
  sourceName: string;
  /**
   * The source text, used to read a transition's adornment character when
   * the transition node carries no `rawsource` attribute.
   */
  source?: string;
  /** Rearrange `document` itself rather than a copy (the caller gives it up). */
  inPlace?: boolean;
}

/** Document attributes that are docutils' own, not presentation settings. */
const NOT_SETTINGS = new Set(['source', 'ids', 'names', 'classes', 'dupnames', 'backrefs']);

export function split(document: Element, options: SplitOptions): SplitResult {
  const tree = options.inPlace ? document : cloneTree(document);
  const reporter = new SplitReporter(options.sourceName);

  applyDocTitle(tree);
  applyDocInfo(tree);

  const transitions = applyTransitions(tree, options);
  if (transitions.unknownAdornments > 0) reporter.unknownAdornments(transitions.unknownAdornments, transitions.unknownAdornmentAt);

  const made = makeSlides(tree, reporter);
  const deck = buildDeck(made.root, made.settingLines, made.fieldLines);
  reportNestedLevels(deck, transitions.characters, reporter);
  reporter.reportOutside(deck.root);

  return { deck, diagnostics: [...transitions.diagnostics, ...reporter.diagnostics] };
}

function buildDeck(
  root: Element,
  settingLines: Record<string, SourceLine>,
  fieldLines: Map<Element, Record<string, SourceLine>>,
): Deck {
  const steps: Element[] = [];
  const parents: (number | null)[] = [];
  const collect = (node: Element, parent: number | null): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.type === 'step') {
        steps.push(child);
        parents.push(parent);
        collect(child, steps.length - 1);
      } else {
        collect(child, parent);
      }
    }
  };
  collect(root, null);

  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(root.attributes)) {
    if (!NOT_SETTINGS.has(key) && typeof value === 'string') setOwn(settings, key, value);
  }
  const deck: Deck = {
    settings,
    settingLines,
    root,
    steps,
    levels: steps.map((step) => levelOf(step) ?? 1),
    parents,
    fieldLines: steps.map((step) => fieldLines.get(step) ?? {}),
  };
  const decoration = root.children.find((child) => isElement(child) && child.type === 'decoration');
  if (decoration && isElement(decoration)) {
    const header = decoration.children.find((child) => child.type === 'header');
    const footer = decoration.children.find((child) => child.type === 'footer');
    if (header && isElement(header)) deck.header = header;
    if (footer && isElement(footer)) deck.footer = footer;
  }
  if (settings['title'] !== undefined) deck.title = settings['title'];
  return deck;
}

/** One note per adornment character that makes nested steps. */
function reportNestedLevels(deck: Deck, characters: string[], reporter: SplitReporter): void {
  characters.forEach((character, index) => {
    if (index === 0) return;
    const first = deck.steps.find((_step, i) => deck.levels[i] === index + 1);
    reporter.nestedLevel(character, index + 1, first ? lineOf(first) : undefined);
  });
}
