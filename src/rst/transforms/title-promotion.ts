/**
 * frontmatter.DocTitle and frontmatter.SectionSubTitle: a lone section at
 * the top of the document (after comments, targets and the like) becomes
 * the document title, and a lone subsection then the subtitle; with
 * `sectsubtitle_xform`, a lone subsection becomes its section's subtitle.
 * DocTitle also sets the document's `title` attribute (metadata title).
 *
 *   <document>                       <document ids="t" names="t" title="T">
 *     <section ids="t" names="t">  →   <title>T
 *       <title>T                        <paragraph>…
 *       <paragraph>…
 */

import { element, isText, listAttribute, textContent, type Element } from '../nodes.js';
import { unescape } from '../names.js';
import { isPreBibliographic } from './node-classes.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

const BASIC_ATTRIBUTES = ['ids', 'classes', 'names', 'dupnames'];

/** docutils `update_all_atts_concatenating(…, replace=True, and_source=True)`. */
function mergeAttributes(target: Element, source: Element): void {
  for (const key of BASIC_ATTRIBUTES) {
    const values = listAttribute(source, key).filter((v) => !listAttribute(target, key).includes(v));
    if (values.length) target.attributes[key] = [...listAttribute(target, key), ...values];
  }
  for (const [key, value] of Object.entries(source.attributes)) {
    if (BASIC_ATTRIBUTES.includes(key) || key === 'backrefs') continue;
    target.attributes[key] = Array.isArray(value) ? [...value] : value;
  }
}

/** The lone section that may be promoted, and its index. */
function candidate(node: Element): { section: Element; index: number } | undefined {
  const index = node.children.findIndex((child) => isText(child) || !isPreBibliographic(child));
  if (index === -1 || node.children.length > index + 1) return undefined;
  const section = node.children[index]!;
  return !isText(section) && section.type === 'section' ? { section, index } : undefined;
}

function promoteTitle(context: TransformContext, node: Element): boolean {
  const found = candidate(node);
  if (!found) return false;
  const { section, index } = found;
  mergeAttributes(node, section);
  context.tree.setChildren(node, [...section.children.slice(0, 1), ...node.children.slice(0, index), ...section.children.slice(1)]);
  return true;
}

function promoteSubtitle(context: TransformContext, node: Element): boolean {
  const found = candidate(node);
  if (!found) return false;
  const { section, index } = found;
  const subtitle = element('subtitle');
  mergeAttributes(subtitle, section);
  const title = section.children[0];
  const titleContent = title && !isText(title) ? [...title.children] : [];
  context.tree.setChildren(subtitle, titleContent);
  context.tree.setChildren(node, [node.children[0]!, subtitle, ...node.children.slice(1, index), ...section.children.slice(1)]);
  return true;
}

export const docTitle: Transform = {
  name: 'docutils.transforms.frontmatter.DocTitle',
  priority: 320,
  apply(context) {
    const { root } = context;
    if (context.settings.doctitleXform && promoteTitle(context, root)) promoteSubtitle(context, root);
    const first = root.children[0];
    if (!('title' in root.attributes) && first && !isText(first) && first.type === 'title') {
      root.attributes.title = unescape(textContent(first));
    }
  },
};

export const sectionSubTitle: Transform = {
  name: 'docutils.transforms.frontmatter.SectionSubTitle',
  priority: 350,
  apply(context) {
    if (!context.settings.sectsubtitleXform) return;
    for (const section of context.tree.findall('section')) promoteSubtitle(context, section);
  },
};
