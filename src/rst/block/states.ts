/**
 * Every block-parser state by name (docutils `states.state_classes`), and
 * the entry point that runs the outermost machine over a document.
 */

import { Body } from './body.js';
import {
  BulletList,
  DefinitionList,
  EnumeratedList,
  Explicit,
  ExtensionOptions,
  FieldList,
  LineBlock,
  OptionList,
  SubstitutionDef,
} from './lists.js';
import { Definition, Line, QuotedLiteralBlock, TextState } from './text.js';
import { STATE_REGISTRY } from './state.js';
import { includedSource } from './positions.js';
import { StateMachine, type Memo } from './machine.js';
import type { StringList } from '../string-list.js';
import type { Element } from '../nodes.js';

const CLASSES = {
  Body,
  BulletList,
  DefinitionList,
  EnumeratedList,
  FieldList,
  OptionList,
  LineBlock,
  ExtensionOptions,
  Explicit,
  Text: TextState,
  Definition,
  Line,
  SubstitutionDef,
  QuotedLiteralBlock,
};

for (const [name, cls] of Object.entries(CLASSES)) {
  STATE_REGISTRY.set(name, (machine) => new cls(machine));
}

/** Parses `lines` into `root` (docutils `RSTStateMachine.run`). */
export function runBlockParser(lines: StringList, memo: Memo, root: Element): void {
  const machine = new StateMachine(STATE_REGISTRY, 'Body');
  memo.root = machine;
  memo.document.reporterSource = () => includedSource(memo.document.currentSource, memo.document.sourceName);
  memo.document.reporterPlace = (absLine) => {
    const line = machine.sourceLine(absLine);
    // Just past the end, docutils' reporter names the last line's file; off the input, the document.
    const source = machine.sourceName(absLine) ?? machine.sourceName(absLine - 1) ?? memo.document.sourceName;
    return { ...(line === undefined ? {} : { line }), source };
  };
  memo.document.reporterCurrent = () => {
    const line = machine.sourceLine();
    // Just past the end (after the parse), the last line's file.
    const at = machine.lineOffset;
    const input = machine.inputLines;
    const item = input.itemAt(at) ?? (at === input.length ? input.itemAt(at - 1) : undefined);
    return { ...(line === undefined ? {} : { line }), source: item?.source ?? memo.document.sourceName };
  };
  memo.document.parsingAt = () => {
    const file = includedSource(memo.document.currentSource, memo.document.sourceName) ?? memo.document.sourceName;
    const tableLine = memo.document.currentFileOffset;
    return { file, line: memo.document.currentLine, ...(tableLine === undefined ? {} : { tableLine: tableLine + 1 }) };
  };
  machine.run(lines, 0, memo, root, true);
  // After the parse (transforms), messages are about the document itself.
  memo.document.reporterSource = () => undefined;
  memo.document.parsingAt = () => undefined;
}
