import { describe, expect, test } from 'vitest';
import { el, html, p } from './helpers.js';

describe('inline nodes', () => {
  test('emphasis, strong and literal', () => {
    expect(html(p(el('emphasis', {}, 'a'), ' ', el('strong', {}, 'b'), ' ', el('literal', {}, 'fork()')))).toBe(
      '<p><em>a</em> <strong>b</strong> <code class="literal">fork()</code></p>\n',
    );
  });

  test('a literal spanning lines is one line of code', () => {
    expect(html(el('literal', {}, 'mount\n--bind'))).toBe('<code class="literal">mount --bind</code>');
  });

  test('external and internal references', () => {
    expect(html(el('reference', { refuri: 'http://vagga.readthedocs.org' }, 'docs'))).toBe(
      '<a class="reference external" href="http://vagga.readthedocs.org">docs</a>',
    );
    expect(html(el('reference', { refid: 'tools', name: 'Tools' }, 'Tools'))).toBe(
      '<a class="reference internal" href="#tools">Tools</a>',
    );
  });

  test('inline target keeps its id as an anchor; an empty target without ids disappears', () => {
    expect(html(el('target', { ids: ['word'], names: ['word'] }, 'word'))).toBe('<span id="word" class="target">word</span>');
    expect(html(el('target', { refuri: 'http://x.org', names: ['x'] }))).toBe('');
  });

  test('footnote and citation references link to their note', () => {
    expect(html(el('footnote_reference', { ids: ['r1'], refid: 'f1' }, '1'))).toBe(
      '<a id="r1" class="footnote-reference" href="#f1">[1]</a>',
    );
    expect(html(el('citation_reference', { ids: ['r2'], refid: 'cit' }, 'CIT'))).toBe(
      '<a id="r2" class="citation-reference" href="#cit">[CIT]</a>',
    );
  });

  test('sub, sup, title reference, abbreviation and acronym', () => {
    expect(html(el('subscript', {}, '2'))).toBe('<sub>2</sub>');
    expect(html(el('superscript', {}, 'n'))).toBe('<sup>n</sup>');
    expect(html(el('title_reference', {}, 'Dune'))).toBe('<cite>Dune</cite>');
    expect(html(el('abbreviation', { explanation: 'Linux Containers' }, 'LXC'))).toBe('<abbr title="Linux Containers">LXC</abbr>');
    expect(html(el('acronym', {}, 'PID'))).toBe('<abbr>PID</abbr>');
  });

  test('inline with classes is a span; without, just its text', () => {
    expect(html(el('inline', { classes: ['red'] }, 'x'))).toBe('<span class="red">x</span>');
    expect(html(el('inline', {}, 'x'))).toBe('x');
  });

  test('problematic links to its system message', () => {
    expect(html(el('problematic', { ids: ['p1'], refid: 'm1' }, '*'))).toBe('<a id="p1" class="problematic" href="#m1">*</a>');
  });

  test('backslash escapes (NUL + char) are removed from text', () => {
    expect(html(p('\x00*not emphasis\x00*'))).toBe('<p>*not emphasis*</p>\n');
  });
});

describe('escaping', () => {
  test('<script> in text is escaped', () => {
    expect(html(p('<script>alert("x")</script> & more'))).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>\n',
    );
  });

  test('attribute values are escaped', () => {
    const out = html(el('reference', { refuri: 'http://x.org/"><script>alert(1)</script>' }, 'x'));
    expect(out).not.toContain('<script>');
    expect(out).toContain('href="http://x.org/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    const img = html(el('image', { uri: 'a.png', alt: '"><script>x</script>' }));
    expect(img).not.toContain('<script>');
    expect(img).toContain('alt="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  test('classes and ids are escaped', () => {
    const out = html(el('paragraph', { classes: ['a"b'], ids: ['x<y'] }, 'z'));
    expect(out).toBe('<p id="x&lt;y" class="a&quot;b">z</p>\n');
  });
});
