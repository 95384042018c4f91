/**
 * Images and figures. Local image files are recorded with their source
 * line so the CLI can copy them and say where a missing one is used.
 */

import { unescape } from '../../rst/names.js';
import { isElement, textContent, type Element } from '../../rst/nodes.js';
import { escapeHtml } from '../escape.js';
import { openTag, stringAttribute, wrap, type AttributeList } from '../html.js';
import { lineWithin, type RenderContext } from './context.js';
import type { NodeType, RenderRule } from './rule.js';

const VIDEO_TYPES: Record<string, string> = { mp4: 'video/mp4', webm: 'video/webm', ogg: 'video/ogg', ogv: 'video/ogg' };

/** A length as docutils writes it: unitless and px values are pixels (an attribute); others need CSS. */
function applyScale(length: string | undefined, scale: number): string | undefined {
  if (length === undefined || scale === 100) return length;
  const match = /^([0-9.]+)(\S*)$/.exec(length);
  if (!match) return length;
  const scaled = (Number(match[1]) * scale) / 100;
  return `${Number(scaled.toFixed(4))}${match[2]}`;
}

/** Width and height: pixel values as attributes, other units (`%`, `em`) in a style. */
function sizeAttributes(node: Element): AttributeList {
  const scale = Number(stringAttribute(node, 'scale') ?? 100);
  const attributes: AttributeList = [];
  const styles: string[] = [];
  for (const key of ['width', 'height'] as const) {
    const value = applyScale(stringAttribute(node, key), Number.isFinite(scale) ? scale : 100);
    if (value === undefined) continue;
    const pixels = /^([0-9.]+)(px)?$/.exec(value);
    if (pixels) attributes.push([key, pixels[1]]);
    else styles.push(`${key}: ${value};`);
  }
  if (styles.length > 0) attributes.push(['style', styles.join(' ')]);
  return attributes;
}

function extension(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(dot + 1).toLowerCase();
}

/** The caption of the figure the image is in, which then describes it. */
function figureCaption(ctx: RenderContext): string | undefined {
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  if (parent?.type !== 'figure') return undefined;
  const caption = parent.children.find((child): child is Element => isElement(child) && child.type === 'caption');
  return caption ? unescape(textContent(caption)).trim() : undefined;
}

/**
 * Every image gets a text alternative: `:alt:` (an empty one marks a
 * decorative image), else its figure's caption, else the file name as
 * docutils writes it, with a warning, since a file name tells a screen
 * reader user little.
 */
function altText(node: Element, uri: string, ctx: RenderContext): string {
  if (node.attributes['alt'] === '') return '';
  const alt = stringAttribute(node, 'alt');
  if (alt !== undefined) return alt;
  const caption = figureCaption(ctx);
  if (caption) return caption;
  ctx.report('warning', 'emit/missing-alt', `The image "${uri}" has no text alternative; add an ":alt:" option describing it (or ":alt: " empty for a decorative image).`, lineWithin(node, ctx));
  return uri;
}

function image(node: Element, ctx: RenderContext): string {
  const uri = stringAttribute(node, 'uri') ?? '';
  ctx.addAsset(uri, 'image', lineWithin(node, ctx));
  const align = stringAttribute(node, 'align');
  const alt = altText(node, uri, ctx);
  const classes = align ? [`align-${align}`] : [];
  const video = VIDEO_TYPES[extension(uri)];
  if (video) {
    const open = openTag('video', node, ctx, { classes, attributes: [['src', uri], ['title', alt], ...sizeAttributes(node)] });
    return `${open}<a href="${escapeHtml(uri)}">${escapeHtml(alt)}</a></video>`;
  }
  const img = openTag('img', node, ctx, { classes, attributes: [['src', uri], ['alt', alt], ...sizeAttributes(node)] });
  return inTextContext(ctx) ? img : `${img}\n`;
}

/** Element types whose content is text: an image inside one flows with the text, so no line break after it. */
const TEXT_ELEMENTS = new Set(['paragraph', 'title', 'subtitle', 'rubric', 'attribution', 'caption', 'line', 'term', 'reference', 'emphasis', 'strong', 'inline', 'substitution_reference', 'literal_block']);

function inTextContext(ctx: RenderContext): boolean {
  const parent = ctx.ancestors[ctx.ancestors.length - 1];
  return parent !== undefined && TEXT_ELEMENTS.has(parent.type);
}

/** `<figure>`: the image, then one `<figcaption>` holding the caption and the legend. */
function figure(node: Element, ctx: RenderContext): string {
  const width = stringAttribute(node, 'width');
  const align = stringAttribute(node, 'align');
  const open = openTag('figure', node, ctx, {
    classes: align ? [`align-${align}`] : [],
    attributes: [['style', width ? `width: ${width};` : undefined]],
  });
  const parts = node.children.filter(isElement);
  const captioned = parts.filter((part) => part.type === 'caption' || part.type === 'legend');
  ctx.ancestors.push(node);
  const body = node.children.filter((child) => !captioned.includes(child as Element)).map((child) => ctx.render(child));
  const caption = captioned.map((part) => ctx.render(part)).join('');
  ctx.ancestors.pop();
  const figcaption = caption === '' ? '' : `<figcaption>\n${caption}</figcaption>\n`;
  return `${open}\n${body.join('')}${figcaption}</figure>\n`;
}

function caption(node: Element, ctx: RenderContext): string {
  return `${wrap('p', node, ctx, ctx.children(node), { classes: ['caption'] })}\n`;
}

function legend(node: Element, ctx: RenderContext): string {
  return `${wrap('div', node, ctx, `\n${ctx.children(node)}`, { classes: ['legend'] })}\n`;
}

export const imageRules = {
  image,
  figure,
  caption,
  legend,
} satisfies Partial<Record<NodeType, RenderRule>>;
