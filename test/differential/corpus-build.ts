/**
 * Building corpus decks for differential tests: a scratch copy of the deck
 * in which the pictures, stylesheets and include files the corpus lacks are
 * stubbed with empty files, so the build sees a complete deck.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { build } from '../../src/build/build.js';
import { withTempDir } from '../cleanup.js';

/** Builds `file` in a scratch copy, stubbing `extra` files and those the build reports missing; the page it wrote. */
export function buildWithStubs(file: string, extra: string[] = []): string {
  return withTempDir('deck-corpus-', (dir) => buildInScratch(dir, file, extra));
}

function buildInScratch(dir: string, file: string, extra: string[]): string {
  const deck = path.join(dir, path.basename(file));
  fs.copyFileSync(file, deck);
  for (const stub of extra) {
    fs.mkdirSync(path.dirname(path.join(dir, stub)), { recursive: true });
    fs.writeFileSync(path.join(dir, stub), '');
  }
  const out = path.join(dir, 'out');
  for (let attempt = 0; attempt < 3; attempt++) {
    const report = build([deck], { out });
    const missing = report.diagnostics
      .map((d) => /^File not found: "(.+)"\.$/.exec(d.message)?.[1])
      .filter((name): name is string => Boolean(name) && !name!.startsWith('..'));
    if (missing.length === 0) break;
    for (const name of missing) {
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, '');
    }
  }
  return fs.readFileSync(path.join(out, 'index.html'), 'utf8');
}

/** The `.. include::` targets of a deck (for decks whose includes the corpus lacks). */
export function includeTargets(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*\.\.\s+include::\s*(\S.*?)\s*$/gm)].map((m) => m[1]!).filter((t) => !t.startsWith('<'));
}

const SKIP_CLASSES = ['notes', 'math', 'math-block'];

type HtmlNode = { nodeName: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: HtmlNode[] };

function classesOf(node: HtmlNode): string[] {
  return (node.attrs?.find((a) => a.name === 'class')?.value ?? '').split(/\s+/);
}

/**
 * The visible text of every step, as the reference tool defines it: text
 * of the step's subtree without nested steps, notes and math, text nodes
 * joined with a space and white space collapsed.
 */
export function stepTexts(html: string): string[] {
  const texts: string[] = [];
  const steps: HtmlNode[] = [];
  const find = (node: HtmlNode) => {
    if (classesOf(node).includes('step')) steps.push(node);
    for (const child of node.childNodes ?? []) find(child);
  };
  find(parse(html) as unknown as HtmlNode);
  for (const step of steps) {
    const parts: string[] = [];
    const walk = (node: HtmlNode, top: boolean) => {
      if (node.nodeName === '#text') {
        parts.push(node.value ?? '');
        return;
      }
      if (node.nodeName === 'script' || node.nodeName === 'style') return;
      const classes = classesOf(node);
      if (!top && (classes.includes('step') || SKIP_CLASSES.some((c) => classes.includes(c)))) return;
      for (const child of node.childNodes ?? []) walk(child, false);
    };
    walk(step, true);
    texts.push(parts.join(' ').replace(/\s+/g, ' ').trim());
  }
  return texts;
}
