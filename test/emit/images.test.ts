import { describe, expect, test } from 'vitest';
import { el, html, p, render } from './helpers.js';

describe('images and figures', () => {
  test('image with a unitless width is an img with a width attribute', () => {
    const image = el('image', { uri: 'docker_bug.png', width: '800' });
    image.line = 412;
    const result = render(image);
    expect(result.html).toBe('<img src="docker_bug.png" alt="docker_bug.png" width="800">\n');
    expect(result.files).toEqual([{ url: 'docker_bug.png', kind: 'image', source: 'talk.rst', line: 412 }]);
  });

  test('px widths are attributes, other units a style; scale multiplies', () => {
    expect(html(el('image', { uri: 'a.svg', alt: 'A', width: '500px', height: '50%' }))).toBe(
      '<img src="a.svg" alt="A" width="500" style="height: 50%;">\n',
    );
    expect(html(el('image', { uri: 'a.svg', alt: 'A', width: '400', scale: 50 }))).toBe('<img src="a.svg" alt="A" width="200">\n');
  });

  test('align and classes', () => {
    expect(html(el('image', { uri: 'a.png', alt: 'A', align: 'center', classes: ['wide'] }))).toBe(
      '<img class="align-center wide" src="a.png" alt="A">\n',
    );
  });

  test('remote and data URLs stay links and are not listed as files', () => {
    const result = render([
      el('image', { uri: 'https://example.org/a.png' }),
      el('image', { uri: 'http://example.org/b.png' }),
      el('image', { uri: '//cdn.example.org/c.png' }),
      el('image', { uri: 'data:image/png;base64,AAAA' }),
    ]);
    expect(result.html).toContain('src="https://example.org/a.png"');
    expect(result.html).toContain('src="data:image/png;base64,AAAA"');
    expect(result.files).toEqual([]);
  });

  test('a fragment or query is not part of the file name; repeated images are listed once', () => {
    const result = render([el('image', { uri: 'pics/logo.svg#layer' }), el('image', { uri: 'pics/logo.svg' })]);
    expect(result.files.map((file) => file.url)).toEqual(['pics/logo.svg']);
  });

  test('an absolute path is reported', () => {
    const result = render(el('image', { uri: '/img/a.png', alt: 'A' }));
    expect(result.files).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'emit/absolute-path', severity: 'warning' })]);
  });

  test('image inside a paragraph flows with the text', () => {
    expect(html(p('see ', el('image', { uri: 'i.png', alt: 'i' }), ' here'))).toBe('<p>see <img src="i.png" alt="i"> here</p>\n');
  });

  test('figure with caption and legend', () => {
    const figure = el('figure', { align: 'center' }, el('image', { uri: 'vagga.svg', width: '500' }), el('caption', {}, 'Vagga'), el('legend', {}, p('Process tree')));
    expect(html(figure)).toBe(
      '<figure class="align-center">\n<img src="vagga.svg" alt="Vagga" width="500">\n' +
        '<figcaption>\n<p class="caption">Vagga</p>\n<div class="legend">\n<p>Process tree</p>\n</div>\n</figcaption>\n</figure>\n',
    );
  });

  test('an image without :alt: keeps its file name as the text alternative and is reported at its line', () => {
    const image = el('image', { uri: 'docker_bug.png' });
    image.line = 349;
    const result = render(image);
    expect(result.html).toBe('<img src="docker_bug.png" alt="docker_bug.png">\n');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'emit/missing-alt', severity: 'warning', line: 349, file: 'talk.rst' })]);
  });

  test('an empty :alt: marks a decorative image; a figure caption describes its image', () => {
    const decorative = render(el('image', { uri: 'rule.svg', alt: '' }));
    expect(decorative.html).toBe('<img src="rule.svg" alt="">\n');
    expect(decorative.diagnostics).toEqual([]);
    const figure = render(el('figure', {}, el('image', { uri: 'tree.svg' }), el('caption', {}, 'Process ', el('emphasis', {}, 'tree'))));
    expect(figure.html).toContain('<img src="tree.svg" alt="Process tree">');
    expect(figure.diagnostics).toEqual([]);
    const uncaptioned = render(el('figure', {}, el('image', { uri: 'tree.svg' })));
    expect(uncaptioned.diagnostics).toEqual([expect.objectContaining({ code: 'emit/missing-alt' })]);
  });

  test('video files become a video element', () => {
    expect(html(el('image', { uri: 'demo.mp4', alt: 'demo' }))).toBe('<video src="demo.mp4" title="demo"><a href="demo.mp4">demo</a></video>');
  });
});
