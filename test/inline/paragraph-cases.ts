/**
 * Corpus cases the inline parser can be checked on before the block parser
 * runs them: inputs made only of plain paragraphs (flush-left blocks
 * separated by blank lines, none looking like a list, field, directive,
 * table, section title, transition or literal-block introduction).
 */

import fs from 'node:fs';
import path from 'node:path';
import { RstDocument } from '../../src/rst/document.js';
import { parseInline, type InlineContext, type InlineContextExtras } from '../../src/rst/inline/index.js';
import { element } from '../../src/rst/nodes.js';
import { pformat } from '../../src/rst/pformat.js';
import { SHARED } from '../shared.js';

export const CORPUS = path.join(SHARED, 'corpus', 'rst');
const GROUPS = ['test_inline_markup-', 'test_character_level_inline_markup-', 'test_interpreted-'];

export interface Block {
  lines: string[];
  /** 1-based line of the first line. */
  lineno: number;
}

const FIELD_MARKER = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const BLOCK_STARTS = [
  /^\.\.( |$)/, // explicit markup
  /^__( |$)/, // anonymous target
  /^[-+*\u2022\u2023\u2043]( +|$)/, // bullet
  /^(\d+|[a-zA-Z#]|[ivxlcdmIVXLCDM]+)[.)]( +|$)/, // enumerator
  /^\((\d+|[a-zA-Z#]|[ivxlcdmIVXLCDM]+)\)( +|$)/,
  /^\|( +|$)/, // line block
  /^>>>( |$)/, // doctest
  /^[+=]/, // tables
  /^(-\w|--\w|\/\w)/, // option list
  /^::$/,
];
const ADORNMENT = /^([!-/:-@[-`{-~])\1*$/;

/** The paragraphs of `input`, or undefined when it holds anything else. */
export function paragraphsOf(input: string): Block[] | undefined {
  const lines = input.split('\n').map((line) => line.replace(/\t/g, '        ').trimEnd());
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, index) => {
    if (line === '') {
      current = undefined;
      return;
    }
    if (!current) {
      current = { lines: [], lineno: index + 1 };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  for (const block of blocks) {
    const [first] = block.lines;
    if (block.lines.some((line) => /^\s/.test(line))) return undefined;
    if (FIELD_MARKER.test(first!) || BLOCK_STARTS.some((re) => re.test(first!))) return undefined;
    if (block.lines.some((line, i) => ADORNMENT.test(line) && (i > 0 || line.length >= 4))) return undefined;
    if (block.lines.join('\n').endsWith('::')) return undefined;
  }
  return blocks.length > 0 ? blocks : undefined;
}

export interface ParagraphCase {
  name: string;
  blocks: Block[];
  expected: string;
}

export function paragraphCases(): ParagraphCase[] {
  if (!fs.existsSync(CORPUS)) return [];
  const cases: ParagraphCase[] = [];
  for (const file of fs.readdirSync(CORPUS).sort()) {
    if (!file.endsWith('.rst') || !GROUPS.some((group) => file.startsWith(group))) continue;
    const name = file.slice(0, -4);
    const blocks = paragraphsOf(fs.readFileSync(path.join(CORPUS, file), 'utf8'));
    if (!blocks) continue;
    const expected = fs.readFileSync(path.join(CORPUS, 'expected', `${name}.parse.pxml`), 'utf8');
    cases.push({ name, blocks, expected });
  }
  return cases;
}

/** The document docutils would build: each paragraph, then its messages. */
export function renderParagraphs(name: string, blocks: Block[]): string {
  const document = new RstDocument(`${name}.rst`);
  for (const block of blocks) {
    const paragraph = element('paragraph');
    paragraph.line = block.lineno;
    const last = block.lineno + block.lines.length - 1;
    const context: InlineContext & InlineContextExtras = {
      document,
      // docutils' inliner gets the paragraph's future parent.
      parent: document.root,
      // docutils' state machine is past a one-line paragraph, on the last line of a longer one.
      currentLine: block.lines.length === 1 ? last + 1 : last,
    };
    const { nodes, messages } = parseInline(block.lines.join('\n'), block.lineno, context);
    paragraph.children.push(...nodes);
    document.root.children.push(paragraph, ...messages);
  }
  return pformat(document.root);
}
