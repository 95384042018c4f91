/**
 * Building corpus decks for differential tests: a scratch copy of the deck
 * in which the pictures, stylesheets and include files the corpus lacks are
 * stubbed with empty files, so the build sees a complete deck.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../../src/build/build.js';

/** Builds `file` in a scratch copy, stubbing `extra` files and those the build reports missing. */
export function buildWithStubs(file: string, extra: string[] = []): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-corpus-'));
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

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP_CLASSES = ['notes', 'math', 'math-block'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * The visible text of every step, as the reference tool defines it: text
 * of the step's subtree without nested steps, notes and math.
 */
export function stepTexts(html: string): string[] {
  const texts: string[][] = [];
  // Each open element: whether it is a step (and which), or hidden.
  const stack: { tag: string; step?: number; hidden: boolean }[] = [];
  const body = html.slice(html.indexOf('<body'));
  for (const token of body.matchAll(/<!--[\s\S]*?-->|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<\/?[a-zA-Z][^>]*>|[^<]+/g)) {
    const t = token[0];
    if (t.startsWith('<!--') || t.startsWith('<script') || t.startsWith('<style')) continue;
    if (t.startsWith('</')) {
      stack.pop();
      continue;
    }
    if (t.startsWith('<')) {
      const tag = /^<([a-zA-Z0-9]+)/.exec(t)![1]!.toLowerCase();
      const classes = (/\sclass="([^"]*)"/.exec(t)?.[1] ?? '').split(/\s+/);
      const parent = stack[stack.length - 1];
      const entry: { tag: string; step?: number; hidden: boolean } = { tag, hidden: parent?.hidden ?? false };
      if (classes.includes('step')) {
        entry.step = texts.length;
        texts.push([]);
        entry.hidden = false;
      } else if (SKIP_CLASSES.some((c) => classes.includes(c))) entry.hidden = true;
      if (!VOID.has(tag) && !t.endsWith('/>')) stack.push(entry);
      continue;
    }
    let owner: number | undefined;
    let hidden = false;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.hidden) hidden = true;
      if (stack[i]!.step !== undefined) {
        owner = stack[i]!.step;
        break;
      }
    }
    if (owner !== undefined && !hidden) texts[owner]!.push(decode(t));
  }
  return texts.map((parts) => parts.join(' ').replace(/\s+/g, ' ').trim());
}
