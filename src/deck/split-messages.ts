/**
 * Diagnostics for what Hovercraft's slide rules do silently and authors
 * do not expect. Codes are stable: `deck/…`.
 */

import { diagnosticAt, type Diagnostic, type Severity, type SourceLine } from '../diagnostics/diagnostic.js';
import { isElement, lineOf, subtreePlace, type Element, type Node } from '../rst/nodes.js';

/** Elements nobody expects to see on a slide: no warning when they are outside steps. */
const INVISIBLE = new Set([
  'comment', 'substitution_definition', 'target', 'decoration', 'pending', 'system_message', 'meta',
  // docinfo: the page template reads these from the document.
  'title', 'subtitle', 'author', 'authors', 'organization', 'address', 'contact', 'version',
  'revision', 'status', 'date', 'copyright',
]);

const HIDDEN_IN_STEP = new Set(['comment', 'substitution_definition', 'target', 'system_message', 'pending']);

export class SplitReporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  private add(severity: Severity, code: string, message: string, at: SourceLine | undefined, hint?: string): void {
    this.diagnostics.push(diagnosticAt(severity, code, message, this.file, at, hint));
  }

  badFieldName(name: string, at: SourceLine | undefined): void {
    this.add(
      'error',
      'deck/invalid-field-name',
      `Field name "${name}" cannot become an HTML attribute; Hovercraft stops on it, and it is ignored here.`,
      at,
      'Field names must be plain words such as data-x, class or css-print.',
    );
  }

  fieldWithoutText(name: string, at: SourceLine | undefined): void {
    this.add(
      'error',
      'deck/field-without-text',
      `Field ":${name}:" starts with markup instead of text; Hovercraft stops on it, and it is ignored here.`,
      at,
      'Write the value as plain text, escaping markup characters with a backslash.',
    );
  }

  fieldWithMarkup(name: string, at: SourceLine | undefined): void {
    this.add(
      'warning',
      'deck/field-with-markup',
      `Only the text before the first markup is the value of ":${name}:"; the markup itself is shown in the slide.`,
      at,
      'Write the value as plain text, escaping markup characters with a backslash.',
    );
  }

  joinedField(name: string, target: Element, current: string, value: string, at: SourceLine | undefined): void {
    // "class" is meant to join the step's own classes.
    if (name === 'class' && target.type === 'step') return;
    if (name === 'title' && target.type === 'document') {
      this.add(
        'warning',
        'deck/title-joined',
        `":title: ${value}" is added to the title the document already has ("${current}"), giving "${current} ${value}".`,
        at,
        'Use either a :title: field or a document title (a lone top section or .. title::), not both.',
      );
      return;
    }
    this.add(
      'warning',
      'deck/repeated-field',
      `Field ":${name}:" is given more than once here; Hovercraft joins the values with a space ("${current} ${value}").`,
      at,
    );
  }

  stepField(name: string, step: Element, at: SourceLine | undefined): void {
    const content = step.children.filter((child) => isElement(child) && !HIDDEN_IN_STEP.has(child.type));
    if (content.length === 0) return;
    this.add(
      'warning',
      'deck/late-field',
      `Field ":${name}:" comes after content in its step, so it is not shown: Hovercraft makes every field list into step attributes.`,
      at,
      'Put step fields right after the transition; to show a field list, indent it in a container or write it as a table.',
    );
  }

  fieldOnElement(name: string, target: Element, at: SourceLine | undefined): void {
    this.add(
      'warning',
      'deck/field-not-on-step',
      `Field ":${name}:" is inside a ${target.type}, so Hovercraft puts it on the ${target.type}, not on the step.`,
      at,
      'Put step fields right after the transition (----), before the slide title.',
    );
  }

  fieldBodyContent(name: string, type: string, at: SourceLine | undefined): void {
    this.add(
      'warning',
      'deck/field-body-content',
      `Only paragraphs become the value of ":${name}:"; its ${type} is shown in the slide instead.`,
      at,
    );
  }

  outsideSteps(run: Element[], near: SourceLine | undefined): void {
    const first = run[0]!;
    const types = [...new Set(run.map((node) => node.type))].join(', ');
    this.add(
      'warning',
      'deck/outside-steps',
      `${run.length === 1 ? 'This' : `These ${run.length}`} element${run.length === 1 ? '' : 's'} (${types}) ${run.length === 1 ? 'is' : 'are'} outside every step, so ${run.length === 1 ? 'it is' : 'they are'} not shown.`,
      lineOf(first) ?? near,
      'Start a step before it with a transition (----) or a section title.',
    );
  }

  nestedLevel(character: string, level: number, at: SourceLine | undefined): void {
    this.add(
      'info',
      'deck/nested-transition',
      `Transitions made of "${character}" are level ${level}: their steps nest inside the previous level-${level - 1} step, and Hovercraft does not position nested steps.`,
      at,
      'Use one adornment character for all transitions unless you want nested steps.',
    );
  }

  unknownAdornments(count: number, at: SourceLine | undefined): void {
    this.add(
      'warning',
      'deck/unknown-transition-adornment',
      `The adornment of ${count} transition${count === 1 ? '' : 's'} could not be read, so ${count === 1 ? 'it counts' : 'they count'} as level 1.`,
      at,
    );
  }

  /** Groups consecutive visible elements left directly under the document. */
  reportOutside(root: Element): void {
    let run: Element[] = [];
    let previous: Element | undefined;
    const children = root.children;
    for (let i = 0; i <= children.length; i++) {
      const child = children[i];
      const visible = child && isElement(child) && child.type !== 'step' && !INVISIBLE.has(child.type);
      if (visible) {
        run.push(child);
        continue;
      }
      // Nodes a transform made have no line: point at what they hold, or what surrounds them.
      if (run.length) {
        const near = firstPlace(run) ?? (previous && subtreePlace(previous, 'last')) ?? firstPlace(elementsFrom(children, i));
        this.outsideSteps(run, near);
        previous = run[run.length - 1];
      }
      run = [];
      if (child && isElement(child)) previous = child;
    }
  }
}

function elementsFrom(nodes: Node[], start: number): Element[] {
  return nodes.slice(start).filter(isElement);
}

function firstPlace(nodes: Element[]): SourceLine | undefined {
  for (const node of nodes) {
    const at = subtreePlace(node, 'first');
    if (at !== undefined) return at;
  }
  return undefined;
}
