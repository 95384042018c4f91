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
  const html = template.replace(SLOT, (_match, name: string) => {
    used.add(name);
    if (Object.hasOwn(values, name)) return values[name as SlotName];
    if (!unknown.includes(name)) unknown.push(name);
    return '';
  });
  return { html, unknown, unused: SLOT_NAMES.filter((name) => !used.has(name)) };
}
