/**
 * A stand-in for the block parser: splits `.. name:: ...` source into the
 * invocation `runDirective` expects, and offers a DirectiveState whose
 * nested parse puts one paragraph per non-blank line (recording each call),
 * so directives can be tested without the real parser.
 */
import { RstDocument } from '../../src/rst/document.js';
import { element, text, type Element } from '../../src/rst/nodes.js';
import { StringList } from '../../src/rst/string-list.js';
import { pformat } from '../../src/rst/pformat.js';
import { runDirective, type DirectiveOutcome } from '../../src/rst/directives/run.js';
import type { DirectiveState } from '../../src/rst/directives/types.js';

export interface FakeOptions {
  files?: Record<string, string>;
  fileInsertionEnabled?: boolean;
  substitutionName?: string;
  matchTitles?: boolean;
  parent?: Element;
  now?: Date;
}

export interface Fake {
  state: DirectiveState;
  document: RstDocument;
  nestedCalls: string[][];
  inserted: Array<{ lines: string[]; source: string }>;
  readPaths: string[];
}

export function fakeState(options: FakeOptions = {}): Fake {
  const document = new RstDocument('test.rst');
  const nestedCalls: string[][] = [];
  const inserted: Array<{ lines: string[]; source: string }> = [];
  const readPaths: string[] = [];
  const state: DirectiveState = {
    document,
    parent: options.parent ?? document.root,
    matchTitles: options.matchTitles ?? true,
    sourceDir: 'slides',
    fileInsertionEnabled: options.fileInsertionEnabled ?? true,
    nestedParse(content, node) {
      nestedCalls.push([...content.lines]);
      for (const line of content.lines) {
        if (line.trim()) node.children.push(element('paragraph', {}, [text(line.trim())]));
      }
    },
    nodeLine: (absLine) => absLine,
    inlineText: (value) => ({ nodes: [text(value)], messages: [] }),
    insertInput(lines, source) {
      inserted.push({ lines: [...lines.lines], source });
    },
    readFile(path) {
      readPaths.push(path);
      return options.files?.[path];
    },
  };
  if (options.substitutionName !== undefined) state.substitutionName = options.substitutionName;
  if (options.now) state.now = options.now;
  return { state, document, nestedCalls, inserted, readPaths };
}

const DIRECTIVE_LINE = /^\.\. ([^\s:]+(?:[-._+:][^\s:]+)*)::( +|$)/;

/** Runs the directive written in `source` (starting with `.. name::`) on a fake state. */
export function run(source: string, fake: Fake = fakeState()): DirectiveOutcome & { fake: Fake } {
  const lines = source.replace(/\n$/, '').split('\n');
  const match = DIRECTIVE_LINE.exec(lines[0]!);
  if (!match) throw new Error(`not a directive: ${lines[0]}`);
  const rest = lines.slice(1);
  const indents = rest.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  const block = StringList.fromText([lines[0]!.slice(match[0].length), ...rest.map((l) => l.slice(indent))], 'test.rst');
  const outcome = runDirective({
    typeName: match[1]!,
    block,
    lineno: 1,
    absLineno: 1,
    lineOffset: 0,
    // docutils reports the name's lookup at the line it is on: the directive's.
    lookupAt: () => ({ line: 1 }),
    blockText: lines.join('\n'),
    blankFinish: true,
    state: fake.state,
  });
  return { ...outcome, fake };
}

/** The pseudo-XML of a directive's result, one node after the other. */
export function xml(source: string, fake?: Fake): string {
  return run(source, fake).nodes.map((node) => pformat(node)).join('');
}

/** The first paragraph of the first system message, when the result is one. */
export function message(source: string, fake?: Fake): string {
  const [first] = run(source, fake).nodes as Element[];
  if (first?.type !== 'system_message') return '';
  const paragraph = first.children[0] as Element;
  return (paragraph.children[0] as { value: string }).value;
}
