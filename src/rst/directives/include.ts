/**
 * `include` (docutils `directives/misc.py` Include): reads a file through
 * the host (`state.readFile`), optionally clipped by line numbers or
 * marker texts, and either returns it as a literal/code block or splices
 * its lines into the input after the directive.
 *
 * Cycle detection follows docutils' include log: `document.includeStack`
 * holds the files being included, outermost (the document itself) first.
 * The block parser pops the top entry when it meets the
 * `.. end of inclusion from "path"` comment appended to the inserted lines.
 */

import { posix } from 'node:path';
import { text } from '../nodes.js';
import type { RstDocument } from '../document.js';
import { StringList } from '../string-list.js';
import type { Directive, DirectiveCall } from './types.js';
import { classOption, encoding, flag, integer, path, unchanged, unchangedRequired } from './options.js';
import { addName, classList, directiveError, directiveSevere, directiveWarning, literalBlock } from './base.js';
import { numberLines, runCode, startLine, tokenNodes } from './code.js';
import { pyExpandTabs, pyOpenError, pySlice } from './python.js';
import { splitlines } from '../pformat.js';
import { lineStarts, readLines } from '../source-lines.js';

const LINE_LENGTH_LIMIT = 10000;

/** A path as docutils' `os.path.join(dir, file)` makes it, normalised (POSIX separators): an absolute `file` stays itself. */
export function resolvePath(dir: string, file: string): string {
  return posix.normalize(posix.isAbsolute(file) ? file : posix.join(dir || '.', file));
}

/**
 * Clip options identify an inclusion along with its path (docutils' include
 * log entries), kept beside `includeStack` by stack index; an entry pushed
 * without one counts as unclipped.
 */
const clipLog = new WeakMap<RstDocument, string[]>();

function clipKey(options: Record<string, unknown>): string {
  return JSON.stringify(['start-line', 'end-line', 'end-before', 'start-after'].map((k) => options[k] ?? null));
}

const UNCLIPPED = clipKey({});

/**
 * A file's text as docutils' `FileInput.read()` gives it: every line break
 * Python knows (\v, \f, \x1c, \u2028 ... as well as \r) becomes \n, and
 * the text ends with one. The document itself is read otherwise: there,
 * \v and \f are spaces.
 */
function readAsDocutils(text: string): string {
  const lines = splitlines(text);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Python's `str.splitlines(keepends=True)`, for `readlines()`. */
function pyReadlines(value: string): string[] {
  return value.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The part of an included file its clip options keep, and where in the file that part starts. */
interface Clip {
  text: string;
  /** Index in the file's text of the clip's first character. */
  start: number;
}

/** Index in `raw` of the first of the lines `[start:end]` keeps (the end of `raw` if none). */
function firstKeptLine(raw: string, lines: string[], start: number | null, end: number | null): number {
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length;
  }
  return pySlice(offsets, start, end)[0] ?? raw.length;
}

function clip(call: DirectiveCall, raw: string): Clip {
  const start = call.options['start-line'] as number | undefined;
  const end = call.options['end-line'] as number | undefined;
  let rawtext = raw;
  let from = 0;
  if (start || end !== undefined) {
    const lines = pyReadlines(raw);
    rawtext = pySlice(lines, start ?? null, end ?? null).join('');
    from = firstKeptLine(raw, lines, start ?? null, end ?? null);
  }
  const after = call.options['start-after'] as string | undefined;
  if (after) {
    const index = rawtext.indexOf(after);
    if (index < 0) {
      throw directiveSevere(`Problem with "start-after" option of "${call.name}" directive:\nText not found.`);
    }
    rawtext = rawtext.slice(index + after.length);
    from += index + after.length;
  }
  const before = call.options['end-before'] as string | undefined;
  if (before) {
    const index = rawtext.indexOf(before);
    if (index < 0) {
      throw directiveSevere(`Problem with "end-before" option of "${call.name}" directive:\nText not found.`);
    }
    rawtext = rawtext.slice(0, index);
  }
  return { text: rawtext, start: from };
}

/** The 0-based line, as docutils counts lines, that index `at` of `text` is on. */
function lineOf(text: string, at: number): number {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
  return line;
}

/**
 * Records where the included lines of `filePath` start in it. docutils
 * numbers a clipped file's lines from the clip, and so do the pseudo-XML
 * and the tree; diagnostics add this many lines to point into the file.
 * A file included twice with different clips keeps docutils' numbers.
 */
function noteShift(document: RstDocument, filePath: string, shift: number): void {
  const shifts = document.includeShifts;
  if (!shifts.has(filePath)) shifts.set(filePath, shift);
  else if (shifts.get(filePath) !== shift) shifts.set(filePath, undefined);
}

function literalInclude(call: DirectiveCall, filePath: string, rawtext: string, lines: string[], tabWidth: number) {
  let value = tabWidth >= 0 ? pyExpandTabs(rawtext, tabWidth) : rawtext;
  const node = literalBlock('', { source: filePath, classes: classList(call.options.class) });
  node.line = 1;
  addName(call, node);
  if ('number-lines' in call.options) {
    const start = startLine(call.options['number-lines']);
    if (value.endsWith('\n')) value = value.slice(0, -1);
    node.children = tokenNodes(numberLines([[[], value]], start, start + lines.length));
  } else {
    node.children = [text(value)];
  }
  return [node];
}

function checkCycle(call: DirectiveCall, filePath: string, key: string): void {
  const { document } = call.state;
  const stack = document.includeStack;
  const clips = clipLog.get(document) ?? [];
  clipLog.set(document, clips);
  if (stack.length === 0) {
    stack.push(resolvePath(call.state.sourceDir, posix.basename(document.sourceName)));
    clips[0] = UNCLIPPED;
  }
  const seen = stack.some((entry, i) => entry === filePath && (clips[i] ?? UNCLIPPED) === key);
  if (seen) {
    const chain = [filePath, ...[...stack].reverse()].join('\n> ');
    throw directiveWarning(`circular inclusion in "${call.name}" directive:\n${chain}`);
  }
}

const include: Directive = {
  requiredArguments: 1,
  optionalArguments: 0,
  finalArgumentWhitespace: true,
  optionSpec: {
    literal: flag,
    code: unchanged,
    encoding,
    parser: unchanged,
    'tab-width': integer,
    'start-line': integer,
    'end-line': integer,
    'start-after': unchangedRequired,
    'end-before': unchangedRequired,
    'number-lines': unchanged,
    class: classOption,
    name: unchanged,
  },
  hasContent: false,
  run(call) {
    const { state } = call;
    if (!state.fileInsertionEnabled) throw directiveWarning(`"${call.name}" directive disabled.`);
    const argument = path(call.arguments[0]!);
    if (argument.startsWith('<') && argument.endsWith('>')) {
      throw directiveSevere(
        `Problems with "${call.name}" directive path:\nStandard include files (${argument}) are not available.`,
      );
    }
    const filePath = resolvePath(state.sourceDir, argument);
    const file = state.readFile(filePath);
    if (file === undefined) {
      throw directiveSevere(
        `Problems with "${call.name}" directive path:\nInputError: ${pyOpenError(filePath)}.`,
      );
    }
    const raw = readAsDocutils(file);
    const tabWidth = (call.options['tab-width'] as number | undefined) ?? 8;
    const clipped = clip(call, raw);
    const rawtext = clipped.text;
    const lines = readLines(rawtext, tabWidth);
    lines.forEach((line, i) => {
      if (line.length > LINE_LENGTH_LIMIT) {
        throw directiveWarning(`"${filePath}": line ${i + 1} exceeds the line-length-limit.`);
      }
    });
    if ('literal' in call.options) return literalInclude(call, filePath, rawtext, lines, tabWidth);
    if ('code' in call.options) {
      call.options.source = filePath;
      const language = String(call.options.code);
      delete call.options.code;
      const codeLines = tabWidth < 0 ? splitlines(rawtext) : lines;
      return runCode({ ...call, arguments: language ? [language] : [] }, codeLines);
    }
    if ('parser' in call.options) {
      throw directiveError(`"${call.name}" directive: the "parser" option is not supported.`);
    }
    const key = clipKey(call.options);
    checkCycle(call, filePath, key);
    const inserted = StringList.fromText([...lines, '', `.. end of inclusion from "${filePath}"`], filePath);
    state.insertInput(inserted, filePath);
    noteShift(state.document, filePath, lineOf(raw, clipped.start));
    const clips = clipLog.get(state.document)!;
    clips[state.document.includeStack.length] = key;
    state.document.includeStack.push(filePath);
    return [];
  },
};

export const includeDirectives: Record<string, Directive> = { include };
