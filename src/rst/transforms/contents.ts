/**
 * parts.Contents (the `contents` directive): builds the table of contents
 * as nested bullet lists of references to the sections, in place of the
 * pending node inside the directive's topic, and links each section title
 * back to its entry (or to the topic) as `toc_backlinks` says.
 */

import { element, isText, text, type Element, type Node } from '../nodes.js';
import { shallowCopy } from './copy.js';
import type { TransformContext } from './context.js';
import type { Transform } from './types.js';

interface Build {
  context: TransformContext;
  depth: number;
  backlinks: string | null;
  tocId: string;
}

/** docutils `ContentsFilter`: a title's content without references, notes and images. */
function filteredCopy(node: Node): Node[] {
  if (isText(node)) return [text(node.value)];
  switch (node.type) {
    case 'citation_reference':
    case 'footnote_reference':
      return [];
    case 'image':
      return node.attributes.alt === undefined ? [] : [text(String(node.attributes.alt))];
    case 'problematic':
    case 'reference':
    case 'target':
      return node.children.flatMap(filteredCopy);
    default: {
      const copy = shallowCopy(node);
      copy.children = node.children.flatMap(filteredCopy);
      return [copy];
    }
  }
}

function hasReference(node: Element): boolean {
  return node.children.some((child) => !isText(child) && (child.type === 'reference' || hasReference(child)));
}

function entryFor(build: Build, section: Element, level: number): Element {
  const { context } = build;
  const title = section.children[0] as Element;
  const ids = section.attributes.ids as string[];
  const reference = element('reference', { refid: ids[0]! }, title.children.flatMap(filteredCopy));
  const refId = context.document.setId(reference, undefined, 'toc-entry');
  const item = element('list_item', {}, [element('paragraph', {}, [reference])]);
  if ((build.backlinks === 'entry' || build.backlinks === 'top') && !hasReference(title)) {
    title.attributes.refid = build.backlinks === 'entry' ? refId : build.tocId;
  }
  if (level < build.depth) {
    const nested = buildContents(build, section, level);
    if (nested) item.children.push(nested);
  }
  return item;
}

function buildContents(build: Build, node: Element, parentLevel: number): Element | undefined {
  const level = parentLevel + 1;
  const sections = node.children.filter((child): child is Element => child.type === 'section');
  if (sections.length === 0) return undefined;
  const entries = sections.map((section) => entryFor(build, section, level));
  const list = element('bullet_list', {}, entries);
  // docutils looks at the last section's title (numbered by SectNum or not).
  const lastTitle = sections[sections.length - 1]!.children[0] as Element;
  if (lastTitle.attributes.auto) list.attributes.classes = ['auto-toc'];
  return list;
}

/** The section (or document) whose sections a `:local:` table lists. */
function localRoot(context: TransformContext, topic: Element): Element {
  let node = context.tree.parent(topic) ?? context.root;
  while (node.type !== 'section' && node !== context.root) node = context.tree.parent(node) ?? context.root;
  return node;
}

export const contents: Transform = {
  name: 'docutils.transforms.parts.Contents',
  priority: 720,
  apply(context, pending) {
    const topic = pending && context.tree.parent(pending);
    if (!pending || !topic) return;
    const details = pending.pending?.details ?? {};
    const start = 'local' in details ? localRoot(context, topic) : context.root;
    const build: Build = {
      context,
      depth: typeof details.depth === 'number' ? details.depth : Infinity,
      backlinks: 'backlinks' in details ? (details.backlinks as string | null) : context.settings.tocBacklinks,
      tocId: (topic.attributes.ids as string[] | undefined)?.[0] ?? '',
    };
    const list = buildContents(build, start, 0);
    if (list) context.tree.replaceSelf(pending, list);
    else context.tree.remove(topic);
  },
};
