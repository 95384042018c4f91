/**
 * Style rules of a stylesheet as selector lists and declarations: enough to
 * ask which rules a deck's CSS has and what they set. At-rules with blocks
 * (`@media`) are read through; statements (`@import`) are skipped.
 */

export interface CssRule {
  selectors: string[];
  declarations: Map<string, string>;
}

/** Splits on commas that are not inside parentheses (`:is(.a, .b)`). */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function declarations(body: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of splitTopLevel(body, ';')) {
    const colon = part.indexOf(':');
    if (colon > 0) result.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  return result;
}

/** Index of the `}` matching the `{` at `open`. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces after offset ${open}`);
}

export function cssRules(source: string): CssRule[] {
  const css = source.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: CssRule[] = [];
  let pos = 0;
  while (pos < css.length) {
    const open = css.indexOf('{', pos);
    const semicolon = css.indexOf(';', pos);
    if (open < 0) break;
    const prelude = css.slice(pos, open).trim();
    if (prelude.startsWith('@') && semicolon >= 0 && semicolon < open) {
      pos = semicolon + 1;
      continue;
    }
    const close = blockEnd(css, open);
    const body = css.slice(open + 1, close);
    if (prelude.startsWith('@')) rules.push(...cssRules(body));
    else rules.push({ selectors: splitTopLevel(prelude, ','), declarations: declarations(body) });
    pos = close + 1;
  }
  return rules;
}
