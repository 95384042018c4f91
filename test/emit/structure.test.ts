import { describe, expect, test } from 'vitest';
import { el, html, p, render } from './helpers.js';

const section = (id: string, title: string, ...children: ReturnType<typeof el>[]) =>
  el('section', { ids: [id], names: [title.toLowerCase()] }, el('title', {}, title), ...children);

describe('sections and titles', () => {
  test('nested sections give h1, h2, h3', () => {
    const out = html(section('a', 'A', section('b', 'B', section('c', 'C', p('x')))));
    expect(out).toContain('<h1>A</h1>');
    expect(out).toContain('<h2>B</h2>');
    expect(out).toContain('<h3>C</h3>');
    expect(out.startsWith('<section id="a">\n<h1>A</h1>')).toBe(true);
  });

  test('a section carrying its document depth (level) uses it', () => {
    const deep = el('section', { ids: ['pm'], level: 3 }, el('title', {}, 'Process Management'));
    expect(html(deep)).toContain('<h3>Process Management</h3>');
    const inner = el('section', { ids: ['x'], level: 2 }, el('title', {}, 'X'), section('y', 'Y'));
    expect(html(inner)).toContain('<h3>Y</h3>');
  });

  test('headings stop at h6', () => {
    let node = section('s7', 'Seven');
    for (let i = 6; i >= 1; i--) node = section(`s${i}`, `S${i}`, node);
    expect(html(node)).toContain('<h6>Seven</h6>');
  });

  test('topic, sidebar and rubric titles are labelled paragraphs', () => {
    expect(html(el('topic', {}, el('title', {}, 'Contents'), p('x')))).toBe(
      '<aside class="topic">\n<p class="topic-title">Contents</p>\n<p>x</p>\n</aside>\n',
    );
    expect(html(el('sidebar', {}, el('title', {}, 'Aside'), el('subtitle', {}, 'More'), p('x')))).toBe(
      '<aside class="sidebar">\n<p class="sidebar-title">Aside</p>\n<p class="sidebar-subtitle">More</p>\n<p>x</p>\n</aside>\n',
    );
    expect(html(el('rubric', {}, 'Note'))).toBe('<p class="rubric">Note</p>\n');
  });

  test('container and compound keep their classes', () => {
    expect(html(el('container', { classes: ['two-columns'] }, p('x')))).toBe('<div class="container two-columns">\n<p>x</p>\n</div>\n');
    expect(html(el('compound', {}, p('x')))).toBe('<div class="compound">\n<p>x</p>\n</div>\n');
  });
});

describe('admonitions and presenter notes', () => {
  test('a note inside a step is a presenter note', () => {
    expect(html(el('note', {}, p('Say it slowly.')))).toBe('<div class="notes">\n<p>Say it slowly.</p>\n</div>\n');
  });

  test('skipNotes drops presenter notes', () => {
    expect(html([p('shown'), el('note', {}, p('hidden'))], { skipNotes: true })).toBe('<p>shown</p>\n');
  });

  test('a note outside the steps is an admonition', () => {
    expect(html(el('note', {}, p('x')), { insideStep: false })).toBe(
      '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>x</p>\n</div>\n',
    );
  });

  test('the other admonitions carry docutils labels', () => {
    expect(html(el('warning', {}, p('x')))).toBe('<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n<p>x</p>\n</div>\n');
    expect(html(el('danger', {}, p('x')))).toContain('<p class="admonition-title">!DANGER!</p>');
  });

  test('a generic admonition uses its own title', () => {
    expect(html(el('admonition', { classes: ['admonition-wait'] }, el('title', {}, 'Wait'), p('x')))).toBe(
      '<div class="admonition admonition-wait">\n<p class="admonition-title">Wait</p>\n<p>x</p>\n</div>\n',
    );
  });
});

describe('footnotes, citations, docinfo', () => {
  test('footnote with a label linking back', () => {
    expect(html(el('footnote', { ids: ['f1'], backrefs: ['r1'], auto: 1 }, el('label', {}, '1'), p('See man 2 clone.')))).toBe(
      '<div id="f1" class="footnote">\n<span class="label"><a href="#r1">#1:</a></span>\n<p>See man 2 clone.</p>\n</div>\n',
    );
  });

  test('citation', () => {
    expect(html(el('citation', { ids: ['cit'] }, el('label', {}, 'CIT'), p('x')))).toBe(
      '<div id="cit" class="citation">\n<span class="label">[CIT]</span>\n<p>x</p>\n</div>\n',
    );
  });

  test('docinfo is a definition list', () => {
    expect(html(el('docinfo', {}, el('author', {}, 'Paul'), el('date', {}, '2015')))).toBe(
      '<dl class="docinfo">\n<dt class="author">Author</dt>\n<dd class="author"><span>Paul</span></dd>\n<dt class="date">Date</dt>\n<dd class="date"><span>2015</span></dd>\n</dl>\n',
    );
  });
});

describe('ids', () => {
  test('an element with several ids gets anchors for the extra ones', () => {
    expect(html(el('paragraph', { ids: ['a', 'b'] }, 'x'))).toBe('<span id="b"></span><p id="a">x</p>\n');
  });

  test('an id is written once even when two nodes carry it', () => {
    const out = render([el('paragraph', { ids: ['same'] }, 'x'), el('paragraph', { ids: ['same'] }, 'y')]).html;
    expect(out.match(/id="same"/g)).toHaveLength(1);
  });
});
