/**
 * Page templates: HTML with `{{slot}}` markers that emit fills
 * (templates/default/README.md lists the slots).
 */

const SLOT = /\{\{\s*([a-z][a-z0-9-]*)\s*\}\}/g;

/** Slots emit fills. The values are HTML, already escaped. */
export const SLOT_NAMES = ['lang', 'title', 'head', 'impress-attributes', 'body-start', 'header', 'steps', 'footer', 'body-end'] as const;

export type SlotName = (typeof SLOT_NAMES)[number];

export interface FillResult {
  html: string;
  /** Slot names in the template that emit does not know (left empty). */
  unknown: string[];
  /** Known slots the template does not use. */
  unused: SlotName[];
}

export function fillTemplate(template: string, values: Record<SlotName, string>): FillResult {
  const used = new Set<string>();
  const unknown: string[] = [];
  // Concatenated, not String#replace: the steps stay one piece of a rope
  // until the page is written, instead of being copied into a new string
  // (megabytes on a large deck).
  let html = '';
  let from = 0;
  for (const match of template.matchAll(SLOT)) {
    const name = match[1]!;
    used.add(name);
    html += template.slice(from, match.index);
    if (Object.hasOwn(values, name)) html += values[name as SlotName];
    else if (!unknown.includes(name)) unknown.push(name);
    from = match.index + match[0].length;
  }
  html += template.slice(from);
  return { html, unknown, unused: SLOT_NAMES.filter((name) => !used.has(name)) };
}
