/**
 * Hovercraft's transition transform (`parse.HovercraftTransitions`),
 * which replaces docutils' own `Transitions`:
 *
 * - each adornment character gets a level in order of first appearance
 *   (`----` first → level 1, then `====` → level 2, nested steps);
 * - a transition straight after another one is an error (checked against
 *   the previous sibling; for a transition that comes first in its parent
 *   Python's index -1 looks at the parent's *last* child);
 * - a transition that ends a section moves up to just after the section
 *   (repeatedly, while the section ends its parent); one that ends the
 *   document stays and gets an error after it.
 *
 * Unlike docutils, a transition may start the document or a section.
 */

import { element, isElement, lineOf, text, type Element, type Node } from '../rst/nodes.js';
import { diagnosticAt, type Diagnostic, type SourceLine } from '../diagnostics/diagnostic.js';

export interface TransitionOptions {
  sourceName: string;
  /** The source text, to read a transition's adornment when the node does not carry it. */
  source?: string;
}

export interface TransitionResult {
  diagnostics: Diagnostic[];
  /** Adornment characters in order of first appearance: index + 1 is the level. */
  characters: string[];
  /** Transitions whose adornment could not be found (they count as `-`). */
  unknownAdornments: number;
  /** Where the first of them is. */
  unknownAdornmentAt?: SourceLine;
}

const ADJACENT = 'At least one body element must separate transitions; adjacent transitions are not allowed.';
const AT_END = 'Document may not end with a transition.';

/** The adornment character: from the node's `rawsource`, else from the source text. */
export function adornmentOf(node: Element, source: string | undefined): string | undefined {
  const raw = node.rawsource ?? node.attributes['rawsource'];
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim()[0];
  const offset = node.position?.start.offset;
  if (source === undefined || offset === undefined) return undefined;
  // Only trust the offset if it points at a run of one punctuation character
  // (an included file's offsets point into another text).
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(offset, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  const char = line[0];
  if (!char || /[\p{L}\p{N}\s]/u.test(char) || line.length < 4) return undefined;
  return [...line].every((c) => c === char) ? char : undefined;
}

function errorMessage(message: string, line: number | undefined, sourceName: string): Element {
  const attributes: Element['attributes'] = { level: 3, source: sourceName, type: 'ERROR' };
  if (line !== undefined) attributes['line'] = line;
  const node = element('system_message', attributes, [element('paragraph', {}, [text(message)])]);
  if (line !== undefined) node.line = line;
  return node;
}

export function applyTransitions(root: Element, options: TransitionOptions): TransitionResult {
  const result: TransitionResult = { diagnostics: [], characters: [], unknownAdornments: 0 };

  const report = (message: string, code: string, at: SourceLine | undefined): Element => {
    result.diagnostics.push(diagnosticAt('error', code, message, options.sourceName, at));
    return errorMessage(message, at?.line, options.sourceName);
  };

  /** `ancestors` is the path from the root to `node`'s parent, which the walk keeps. */
  const visit = (node: Element, ancestors: Element[]): void => {
    let char = adornmentOf(node, options.source);
    if (char === undefined) {
      result.unknownAdornments += 1;
      result.unknownAdornmentAt ??= lineOf(node);
      char = '-';
    }
    if (!result.characters.includes(char)) result.characters.push(char);
    node.attributes['level'] = String(result.characters.indexOf(char) + 1);

    const line = lineOf(node);
    const parent = ancestors[ancestors.length - 1]!;
    let index = parent.children.indexOf(node);
    const previous = parent.children.at(index - 1);
    if (previous && previous.type === 'transition') {
      parent.children.splice(index, 0, report(ADJACENT, 'deck/adjacent-transitions', line));
      index += 1;
    }
    if (index !== parent.children.length - 1) return;

    // Climb while the transition (then its ancestor) is the last child.
    let depth = ancestors.length - 1;
    while (index === ancestors[depth]!.children.length - 1) {
      const sibling = ancestors[depth]!;
      if (depth === 0) {
        const at = parent.children.indexOf(node) + 1;
        parent.children.splice(at, 0, report(AT_END, 'deck/document-ends-with-transition', line));
        return;
      }
      depth -= 1;
      index = ancestors[depth]!.children.indexOf(sibling);
    }
    parent.children.splice(parent.children.indexOf(node), 1);
    ancestors[depth]!.children.splice(index + 1, 0, node);
  };

  // docutils walks the live tree (`findall`), so a moved transition is met
  // again at its new place; visiting it twice changes nothing more.
  const ancestors: Element[] = [];
  const walk = (node: Node): void => {
    if (!isElement(node)) return;
    if (node.type === 'transition') visit(node, ancestors);
    ancestors.push(node);
    for (let i = 0; i < node.children.length; i += 1) walk(node.children[i]!);
    ancestors.pop();
  };
  walk(root);
  return result;
}
