/**
 * Where fuzzed documents come from: the seed deck and the shared corpora,
 * read at test time (the corpora are optional: callers say when they are
 * absent), and the hostile fragments that mutations splice into them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HAVE_SHARED, REPO, SHARED } from '../shared.js';

export const SEED = path.join(REPO, 'slides', 'containers.rst');

function rstFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.rst')).sort().map((f) => path.join(dir, f));
}

/** Largest corpus files are left out: every case parses its base document, and CI time is bounded. */
const MAX_BASE_BYTES = 40_000;

export interface BaseDocuments {
  names: string[];
  texts: string[];
  /** Why there are fewer bases than usual, if there are. */
  missing: string[];
}

export function loadBases(): BaseDocuments {
  const missing: string[] = [];
  const files = fs.existsSync(SEED) ? [SEED] : [];
  if (files.length === 0) missing.push(`${SEED} is absent`);
  if (HAVE_SHARED) {
    files.push(...rstFiles(path.join(SHARED, 'corpus', 'decks')), ...rstFiles(path.join(SHARED, 'corpus', 'rst')));
  } else {
    missing.push(`${path.join(SHARED, 'corpus')} is absent: only the seed deck and generated text are fuzzed`);
  }
  const names: string[] = [];
  const texts: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.length > MAX_BASE_BYTES) continue;
    names.push(path.relative(path.dirname(REPO), file));
    texts.push(text);
  }
  return { names, texts, missing };
}

/** Characters that change how a line is read: markup, white space, line breaks docutils knows, controls. */
export const HOSTILE_CHARACTERS = [
  '*', '`', '|', '_', '\\', ':', '[', ']', '#', '.', '-', '=', '+', '<', '>', '&', '"', "'", '(', ')',
  ' ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\x00', '\x01', '\x1b', '\x1c', '\x1e', '\x7f', '\x85',
  '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\ud800', '\udfff', '\u{1f600}', '\u3000', 'é', 'ß', 'Ⅳ', 'ŉ',
];

/** Values for position and step fields that stress number handling. */
export const HOSTILE_NUMBERS = [
  '1e400', '-1e400', 'r1e400', 'r99999999999999999999', '99999999999999999999999999', 'NaN', 'nan', 'inf',
  '-inf', 'Infinity', 'r', 'r-', '+', '-', '', '0x10', '1_000', '١٢٣', '1e-400', '.', '1.', '.5e', '--1', 'rr1',
  'intro+1e400', 'intro-', 'nosuchid+100', '+r100', 'r+5', '1,5', ' 12 ', '1e308', '1e308+1e308', '5%',
  '\u221e', '0b101', '0o17', '1j', 'None', 'true',
];

/** SVG path data Hovercraft would choke on or that degenerates (zero length, huge, unfinished). */
export const HOSTILE_PATHS = [
  'm', 'M 0', 'm 100 100', 'z', 'l 10 10', 'm 0 0 l 0 0', 'm 0 0 z', 'M 0 0 L 1e400 0', 'M 0 0 L NaN 0',
  'm275,175 a150,150 0 0,1 -150,150', 'm275,175 a0,0 0 0,1 0,0', 'M0 0 A 1e308 1e308 0 1 1 1 1', 'M 0 0 Q',
  'M 0 0 C 1 1 2 2', 'hello', 'M 0 0 l 10 10 garbage', 'M\t0\t0\tl 1e30 1e30', 'm 1,2,3,4,5,6,7', 'M 0 0 H 100 V',
  'M 0 0 L 1e-320 1e-320', 'M 0 0 ' + 'l 1 1 '.repeat(50),
];

const FIELD_NAMES = [
  'data-x', 'data-y', 'data-z', 'data-rotate', 'data-rotate-x', 'data-rotate-y', 'data-rotate-z', 'data-scale',
  'id', 'class', 'hovercraft-path', 'title', 'css', 'js-body', 'data-transition-duration', 'data-perspective',
  'skip-help', 'auto-console', 'slide-numbers', 'template',
];

const DIRECTIVES = [
  'code-block', 'code', 'sourcecode', 'image', 'figure', 'note', 'warning', 'admonition', 'topic', 'sidebar',
  'include', 'raw', 'csv-table', 'list-table', 'table', 'contents', 'sectnum', 'header', 'footer', 'math',
  'container', 'class', 'role', 'default-role', 'title', 'meta', 'replace', 'unicode', 'date', 'epigraph',
  'parsed-literal', 'rubric', 'compound', 'line-block', 'highlights', 'pull-quote', 'target-notes', 'nosuch',
];

const DIRECTIVE_OPTIONS = [
  'class', 'name', 'width', 'height', 'scale', 'align', 'alt', 'target', 'number-lines', 'start-line',
  'end-line', 'literal', 'encoding', 'tab-width', 'header-rows', 'stub-columns', 'widths', 'delim', 'quote',
  'escape', 'depth', 'local', 'backlinks', 'start', 'prefix', 'suffix', 'file', 'url', 'format', 'trim',
  'ltrim', 'rtrim', 'header', 'code', 'parser', 'figwidth', 'figclass', 'emphasize-lines', 'nosuch',
];

const OPTION_VALUES = [
  '', '0', '-1', '99999999999999999999', '1e400', '50%', '10px', 'auto', 'grid', 'left', 'center', '1 2 3',
  'a,b', '"', '\\', 'utf-8', 'nosuch-encoding', 'top', 'none', 'entry', '3 3', '../../etc/passwd', 'x'.repeat(300),
];

/** Unclosed, half-written and conflicting constructs. */
const FRAGMENTS = [
  '*unclosed emphasis', '**strong', '`interpreted', '``literal', '|sub', '|sub|', '[#]_', '[*]_', '[1]_', '[CIT]_',
  '`link <', '`link <http://x>`__', 'name_', '__', '.. _', '.. _a:', '.. __:', '.. |x| replace::', '.. [1]', '.. [#]',
  '..', '.. ::', '::', ':', ':a:`b`', ':role:', '`x`:nosuch:', '_`inline target`', '.. |x| image::', '=====', '----',
  '+--+', '+--+--+\n|  |\n+--+', '===  ===\na    b\n===  ===', '===\n', '| line', '>>> print(1)', '#.', '1.', 'a)',
  '(i)', '- ', '* ', '+ ', 'term\n  definition', '-a  option', '--long=value  description', ':field:', ':f: v',
  ':Author: me', '.. note:: body', '.. raw:: html\n\n   <script>', '.. raw:: html\n\n   </div></div>',
  'http://', 'mailto:', 'a@b', '\\', '\\\n', 'Title\n=', 'Title\n=====\n\nTitle\n=====', '====\nTitle\n====',
  '.. container:: c\n\n   ----', '.. note::\n\n   ----\n\n   x', '    ----', '.. |s| unicode:: 0x110000',
  '.. |s| unicode:: U+D800', '.. |d| date:: %Q', '.. role:: r(nosuch)', '.. default-role:: nosuch', '.. sectnum::\n   :depth: -1',
  '.. contents::\n   :depth: 1e400', '.. math::\n\n   \\frac{', ':math:`\\frac{`', '.. include:: nosuch.rst',
  '.. include:: .', '.. include:: /etc/passwd', '.. csv-table::\n\n   "a,b', '.. list-table::\n\n   * - a\n     - b\n   * - c',
  '.. image::', '.. figure:: x.png\n\n   caption\n\n   legend', '.. code-block:: nosuchlang\n\n   x', '.. code-block::',
];

export interface Pick {
  (items: readonly string[]): string;
}

/** A field line for a step or the presentation: `:data-x: 1e400`. */
export function fieldLine(pick: Pick): string {
  const name = pick(FIELD_NAMES);
  const value = name === 'hovercraft-path' ? pick(HOSTILE_PATHS) : pick(HOSTILE_NUMBERS);
  return `:${name}: ${value}`;
}

/** A directive with random, often invalid, options and content. */
export function directiveBlock(pick: Pick, optionCount: number): string {
  const lines = [`.. ${pick(DIRECTIVES)}:: ${pick(['', 'x.png', 'python', 'html', 'Title', 'a b c', pick(OPTION_VALUES)])}`];
  for (let i = 0; i < optionCount; i++) lines.push(`   :${pick(DIRECTIVE_OPTIONS)}: ${pick(OPTION_VALUES)}`);
  lines.push('', `   ${pick(FRAGMENTS).replace(/\n/g, '\n   ')}`);
  return lines.join('\n');
}

export function fragment(pick: Pick): string {
  return pick(FRAGMENTS);
}
