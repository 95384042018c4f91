/**
 * A problem in an included file is reported in that file, at its line, by
 * every stage: the parser, split (fields), layout (positions), emit
 * (images) and deck check, and the files the page needs name the file
 * that references them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../src/build/build.js';
import { compile, type CompileResult } from '../../src/build/compile.js';
import { check } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { REPO } from '../shared.js';

const template = loadTemplate(path.join(REPO, 'templates', 'default'));

/** An included slide: a field inside its section (line 3), an image without alt (line 5), a step with a bad position and an unknown field (lines 11 and 12). */
const PART = [
  'Included slide', // 1
  '==============', // 2
  ':data-x: 100', // 3
  '', // 4
  '.. image:: pictures/missing.png', // 5
  '', // 6
  'Text.', // 7
  '', // 8
  '----', // 9
  '', // 10
  ':data-y: 1e400', // 11
  ':tilt: 3', // 12
  '', // 13
  'Last', // 14
  '====', // 15
  '',
].join('\n');

const DECK = ':title: Talk\n\n----\n\nFirst\n=====\n\n----\n\n.. include:: part.rst\n';

function build(deck: string): CompileResult {
  return compile(deck, { sourceName: 'talk.rst', sourceDir: '.', readFile: (file) => (file === 'part.rst' ? PART : undefined), template });
}

function only(found: Diagnostic[], code: string): Diagnostic {
  const matching = found.filter((d) => d.code === code);
  expect(matching, code).toHaveLength(1);
  return matching[0]!;
}

describe('diagnostics about included content', () => {
  const result = build(DECK);

  it('split names the included file and the line of a field there', () => {
    expect(only(result.diagnostics, 'deck/field-not-on-step')).toMatchObject({ file: 'part.rst', line: 3 });
  });

  it('layout names the included file and the line of a step field there', () => {
    expect(only(result.diagnostics, 'layout/not-finite')).toMatchObject({ file: 'part.rst', line: 11 });
  });

  it('emit names the included file for an image there, at the directive, and the page lists the image as referenced from it', () => {
    expect(only(result.diagnostics, 'emit/missing-alt')).toMatchObject({ file: 'part.rst', line: 5 });
    expect(result.page.files.find((file) => file.url === 'pictures/missing.png')).toMatchObject({ source: 'part.rst', line: 5 });
  });

  it('an included image with options is reported at its directive, as in the deck', () => {
    const withOptions = PART.replace('.. image:: pictures/missing.png', '.. image:: pictures/missing.png\n   :width: 200\n   :class: wide');
    const included = compile(DECK, { sourceName: 'talk.rst', sourceDir: '.', readFile: (file) => (file === 'part.rst' ? withOptions : undefined), template });
    expect(only(included.diagnostics, 'emit/missing-alt')).toMatchObject({ file: 'part.rst', line: 5 });
    const inline = build(DECK.replace('.. include:: part.rst\n', withOptions));
    const offset = DECK.split('\n').indexOf('.. include:: part.rst');
    expect(only(inline.diagnostics, 'emit/missing-alt')).toMatchObject({ file: 'talk.rst', line: offset + 5 });
  });

  it('deck check names the included file and the line of an unknown step field there', () => {
    const found = check({ deck: result.deck, positions: result.positions, file: 'talk.rst' });
    expect(only(found, 'check/unknown-step-field')).toMatchObject({ file: 'part.rst', line: 12 });
  });

  it('the same content written in the deck itself is reported in the deck, at the same place plus the include line', () => {
    const inline = build(DECK.replace('.. include:: part.rst\n', PART));
    const offset = DECK.split('\n').indexOf('.. include:: part.rst');
    expect(only(inline.diagnostics, 'deck/field-not-on-step')).toMatchObject({ file: 'talk.rst', line: offset + 3 });
    expect(only(inline.diagnostics, 'layout/not-finite')).toMatchObject({ file: 'talk.rst', line: offset + 11 });
    expect(only(inline.diagnostics, 'emit/missing-alt')).toMatchObject({ file: 'talk.rst', line: offset + 5 });
  });

  it('a meta tag, which goes to the top of the document, is reported at its field, in the deck or in an included file', () => {
    // Fields 2 lines into the directive; a quote cannot be in an attribute name.
    const META = '.. meta::\n   :description: A talk\n   :bad"name=x: content\n';
    const inline = build(DECK.replace('.. include:: part.rst\n', META));
    const offset = DECK.split('\n').indexOf('.. include:: part.rst');
    expect(only(inline.diagnostics, 'emit/bad-attribute-name')).toMatchObject({ file: 'talk.rst', line: offset + 3 });
    const included = compile(DECK, { sourceName: 'talk.rst', sourceDir: '.', readFile: (file) => (file === 'part.rst' ? META : undefined), template });
    expect(only(included.diagnostics, 'emit/bad-attribute-name')).toMatchObject({ file: 'part.rst', line: 3 });
  });
});

describe('diagnostics about part of an included file', () => {
  /** PART after three lines the include leaves out: what PART has at line n, the file has at n + 3. */
  const FILE = `Notes for the speaker\nnot shown\n.. slides start here\n${PART}`;
  const clipped = (options: string, file = FILE) =>
    compile(DECK.replace('.. include:: part.rst\n', `.. include:: part.rst\n${options}`), {
      sourceName: 'talk.rst',
      sourceDir: '.',
      readFile: (name) => (name === 'part.rst' ? file : undefined),
      template,
    });

  function expectLinesInFile(result: CompileResult, shift: number): void {
    expect(only(result.diagnostics, 'deck/field-not-on-step')).toMatchObject({ file: 'part.rst', line: 3 + shift });
    expect(only(result.diagnostics, 'layout/not-finite')).toMatchObject({ file: 'part.rst', line: 11 + shift });
    expect(only(result.diagnostics, 'emit/missing-alt')).toMatchObject({ file: 'part.rst', line: 5 + shift });
    // Where the build and deck check report the picture if it is missing.
    expect(result.page.files.find((file) => file.url === 'pictures/missing.png')).toMatchObject({ source: 'part.rst', line: 5 + shift });
    const found = result.fileLines(check({ deck: result.deck, positions: result.positions, file: 'talk.rst' }));
    expect(only(found, 'check/unknown-step-field')).toMatchObject({ file: 'part.rst', line: 12 + shift });
  }

  it('`start-line` is counted in: each stage points at the line in the file, not in the part', () => {
    expectLinesInFile(clipped('   :start-line: 3\n'), 3);
  });

  it('`start-after` too, also when its text ends in the middle of a line', () => {
    expectLinesInFile(clipped('   :start-after: slides start here\n'), 3);
    // The part begins on the file's third line.
    expectLinesInFile(clipped('   :start-after: <<<\n', `Notes for the speaker\nnot shown\n<<<${PART}`), 2);
  });

  it('a negative `start-line` counts from the end of the file', () => {
    const lines = FILE.split('\n').length - 1;
    expectLinesInFile(clipped(`   :start-line: -${lines - 3}\n`), 3);
  });

  it('a parse message in the part points into the file', () => {
    const result = clipped('   :start-line: 3\n', FILE.replace('Text.', 'Text `unclosed'));
    expect(only(result.diagnostics, 'rst/inline-start-string-without-end-string')).toMatchObject({ file: 'part.rst', line: 7 + 3 });
  });

  it('a file included twice, clipped differently, keeps the lines docutils gives each part', () => {
    const twice = compile(`${DECK}   :start-line: 3\n\n----\n\n.. include:: part.rst\n`, {
      sourceName: 'talk.rst',
      sourceDir: '.',
      readFile: (name) => (name === 'part.rst' ? FILE : undefined),
      template,
    });
    const written = twice.diagnostics.filter((d) => d.code === 'layout/not-finite' && d.message.includes('from `:data-y: 1e400`'));
    // The unclipped part's lines are the file's; the clipped part's are counted from the clip, as docutils counts them.
    expect(written.map((d) => d.line)).toEqual([11, 14]);
  });
});
