import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emit, RUNTIME_FILES } from '../../src/emit/index.js';
import { RUNTIME_SCRIPTS } from '../../src/emit/runtime.js';
import { BARE_TEMPLATE, TEMPLATE_DIR, coordinates, deckOf, defaultTemplate, el, p } from './helpers.js';

function seedLikeDeck() {
  const deck = deckOf(
    [
      { children: [el('section', { ids: ['linux-containers-ecosystem'] }, el('title', {}, 'Linux Containers Ecosystem'))] },
      { attributes: { id: 'fs_table' }, children: [p('table')] },
      { children: [el('image', { uri: 'docker_bug.png', alt: 'The bug report', width: '800' })] },
    ],
    {
      css: 'my.css',
      'css-print': 'print.css',
      'css-console': 'console.css',
      'js-header': 'head.js',
      js: 'my.js',
      'data-transition-duration': '2000',
      'data-perspective': '5000',
      'auto-console': 'true',
      'skip-help': 'true',
    },
    { css: { line: 1 }, 'css-print': { line: 2 }, 'css-console': { line: 3 }, 'js-header': { line: 4 }, js: { line: 5 } },
  );
  deck.title = 'Linux Containers Ecosystem';
  return deck;
}

const positions = [coordinates(0), coordinates(1600), coordinates(3200)];

describe('the page', () => {
  test('the default template gives a complete page in the documented order', () => {
    const result = emit(seedLikeDeck(), positions, { template: defaultTemplate(), sourceName: 'slides/containers.rst' });
    const page = result.html;
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Linux Containers Ecosystem</title>');
    const parts = [
      '<link rel="stylesheet" href="css/deck.css">',
      '<link rel="icon" href="deck/favicon.svg" type="image/svg+xml">',
      '<link rel="stylesheet" href="deck/runtime.css">',
      '<link rel="stylesheet" href="my.css">',
      '<link rel="stylesheet" href="print.css" media="print">',
      '<script src="head.js"></script>',
      '<div id="impress" data-console-css="console.css" data-transition-duration="2000" data-perspective="5000" data-deck-auto-console="true">',
      '<div class="step step-level-1" id="linux-containers-ecosystem"',
      '<script src="js/impress.js"></script>',
      '<script src="deck/runtime.js"></script>',
      '<script src="deck/console-host.js"></script>',
      '<script src="my.js"></script>',
      '<script src="js/deck-init.js"></script>',
    ];
    for (const part of parts) expect(page).toContain(part);
    const order = parts.map((part) => page.indexOf(part));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain('console.css" media');
    expect(page).not.toContain('impress-help');
    expect(page).not.toMatch(/\{\{/);
    expect(result.diagnostics).toEqual([]);
  });

  test('the file list: deck stylesheets and scripts with their setting lines, then images', () => {
    const result = emit(seedLikeDeck(), positions, { template: defaultTemplate(), sourceName: 'slides/containers.rst' });
    expect(result.files).toEqual([
      { url: 'my.css', kind: 'css', source: 'slides/containers.rst', line: 1 },
      { url: 'print.css', kind: 'css', source: 'slides/containers.rst', line: 2 },
      { url: 'console.css', kind: 'css', source: 'slides/containers.rst', line: 3 },
      { url: 'head.js', kind: 'js', source: 'slides/containers.rst', line: 4 },
      { url: 'my.js', kind: 'js', source: 'slides/containers.rst', line: 5 },
      { url: 'docker_bug.png', kind: 'image', source: 'slides/containers.rst' },
    ]);
  });

  test('remote stylesheets are linked but not listed', () => {
    const deck = deckOf([{}], { css: 'https://fonts.example.org/f.css local.css' });
    const result = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' });
    expect(result.html).toContain('<link rel="stylesheet" href="https://fonts.example.org/f.css">');
    expect(result.files.map((file) => file.url)).toEqual(['local.css']);
  });

  test('two builds of the same input are byte-identical', () => {
    const first = emit(seedLikeDeck(), positions, { template: defaultTemplate(), sourceName: 'talk.rst' });
    const second = emit(seedLikeDeck(), positions, { template: defaultTemplate(), sourceName: 'talk.rst' });
    expect(second.html).toBe(first.html);
  });

  test('header and footer are outside #impress', () => {
    const deck = deckOf([{ children: [p('body')] }]);
    deck.header = el('header', {}, p('Paul — PyCon'));
    deck.footer = el('footer', {}, p('<b>x</b>'));
    const page = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html;
    expect(page).toContain('<div id="deck-header">\n<p>Paul — PyCon</p>\n</div>\n<div id="impress">');
    expect(page).toContain('</div><div id="deck-footer">\n<p>&lt;b&gt;x&lt;/b&gt;</p>\n</div>\n');
  });

  test('title is escaped, and falls back to the first step title, then the file name', () => {
    const deck = deckOf([{ children: [el('section', {}, el('title', {}, 'A <b> talk'))] }]);
    expect(emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html).toContain('<title>A &lt;b&gt; talk</title>');
    expect(emit(deckOf([{}]), [null], { template: BARE_TEMPLATE, sourceName: 'dir/my-talk.rst' }).html).toContain('<title>my-talk</title>');
  });

  test('the help popup is there unless :skip-help: is set or the option turns it off', () => {
    const page = (settings: Record<string, string>, options: { skipHelp?: boolean } = {}) =>
      emit(deckOf([{}], settings), [null], { template: BARE_TEMPLATE, sourceName: 't.rst', ...options }).html;
    expect(page({})).toContain('|<div id="impress-help" role="note" aria-label="Keyboard shortcuts"></div>');
    expect(page({ 'skip-help': 'true' })).not.toContain('impress-help');
    expect(page({ 'skip-help': 'false' })).toContain('impress-help');
    expect(page({}, { skipHelp: true })).not.toContain('impress-help');
    // The option (a command-line flag) wins over the deck's setting.
    expect(page({ 'skip-help': 'true' }, { skipHelp: false })).toContain('impress-help');
  });

  test('slide numbers and the console on load, from the deck or from the options', () => {
    const page = (settings: Record<string, string>, options: { slideNumbers?: boolean; autoConsole?: boolean } = {}) =>
      emit(deckOf([{}], settings), [null], { template: BARE_TEMPLATE, sourceName: 't.rst', ...options }).html;
    const number = '<div id="deck-slide-number" class="slide-number" aria-live="polite"></div>';
    expect(page({})).not.toContain('deck-slide-number');
    expect(page({ 'slide-numbers': 'true' })).toContain(number);
    expect(page({}, { slideNumbers: true })).toContain(number);
    expect(page({ 'slide-numbers': 'true' }, { slideNumbers: false })).not.toContain(number);
    expect(page({})).not.toContain('auto-console');
    expect(page({ 'auto-console': 'true' })).toContain('<div id="impress" data-deck-auto-console="true">');
    expect(page({}, { autoConsole: true })).toContain('<div id="impress" data-deck-auto-console="true">');
    // impress.js's own console must not open as well.
    expect(page({ 'auto-console': 'true' })).not.toContain('data-console-autolaunch');
  });

  test("deck's runtime is linked from every page, whatever the template", () => {
    const page = emit(deckOf([{}], { js: 'mine.js' }), [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html;
    const scripts = [...page.matchAll(/<script src="([^"]+)">/g)].map((match) => match[1]);
    expect(scripts).toEqual([...RUNTIME_SCRIPTS, 'mine.js']);
    expect(page).toContain('<link rel="stylesheet" href="deck/runtime.css">');
  });

  test('author from docinfo and :description: become meta tags', () => {
    const deck = deckOf([{}], { description: 'Containers "today"' });
    deck.root.children.unshift(el('docinfo', {}, el('author', {}, 'Paul')));
    const page = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html;
    expect(page).toContain('<meta name="author" content="Paul">');
    expect(page).toContain('<meta name="description" content="Containers &quot;today&quot;">');
  });

  test('a meta attribute whose name HTML cannot hold is left out with a warning at its line', () => {
    const deck = deckOf([{}]);
    const meta = el('meta', { content: 'A story', name: 'description', '\u007flang': 'en' });
    meta.line = 2;
    deck.root.children.unshift(meta);
    const result = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' });
    expect(result.html).toContain('<meta content="A story" name="description">');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'emit/bad-attribute-name', line: 2 }));
  });

  test('a meta attribute name with half of a surrogate pair is left out; a whole pair is kept', () => {
    const deck = deckOf([{}]);
    deck.root.children.unshift(el('meta', { content: 'x', '\udfffhttp-equiv': 'y' }), el('meta', { content: 'z', 'data-\u{1F600}': 'w' }));
    const result = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' });
    expect(result.html).toContain('<meta content="x">');
    expect(result.html).toContain('<meta content="z" data-\u{1F600}="w">');
    expect(result.diagnostics.filter((d) => d.code === 'emit/bad-attribute-name')).toHaveLength(1);
  });

  test('content outside the steps is not rendered', () => {
    const deck = deckOf([{ children: [p('inside')] }]);
    deck.root.children.push(p('outside'));
    expect(emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' }).html).not.toContain('outside');
  });
});

describe('template problems', () => {
  test('an unknown slot is left empty and reported', () => {
    const template = { html: '{{steps}}{{sidebar}}', files: [] };
    const result = emit(deckOf([{}]), [null], { template, sourceName: 't.rst' });
    expect(result.html).not.toContain('sidebar');
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'emit/unknown-template-slot', severity: 'warning' }));
  });

  test('a template without {{steps}} is an error', () => {
    const result = emit(deckOf([{}]), [null], { template: { html: '<html></html>', files: [] }, sourceName: 't.rst' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'emit/missing-template-slot', severity: 'error' }));
  });

  test('a deck file with the path of a template file is reported', () => {
    const deck = deckOf([{}], { css: 'css/deck.css' }, { css: { line: 3 } });
    const result = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'emit/template-file-clash', line: 3 }));
  });
});

describe("deck's runtime files", () => {
  test('every file emit links or the console loads is in assets/deck', () => {
    const assets = join(TEMPLATE_DIR, '..', '..', 'assets');
    for (const file of RUNTIME_FILES) expect(existsSync(join(assets, file)), file).toBe(true);
    const consolePage = readFileSync(join(assets, 'deck', 'console.html'), 'utf8');
    for (const url of consolePage.matchAll(/(?:src|href)="([^"]+)"/g)) {
      expect(RUNTIME_FILES, url[1]).toContain(`deck/${url[1]}`);
    }
  });

  test('a deck file with the path of a runtime file is reported', () => {
    const deck = deckOf([{}], { js: 'deck/goto.js' }, { js: { line: 2 } });
    const result = emit(deck, [null], { template: BARE_TEMPLATE, sourceName: 't.rst' });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'emit/template-file-clash', line: 2 }));
  });
});

describe('the default template folder', () => {
  test('has the files the README describes', () => {
    for (const file of ['template.html', 'css/deck.css', 'js/deck-init.js', 'README.md']) {
      expect(existsSync(join(TEMPLATE_DIR, file)), file).toBe(true);
    }
    expect(readFileSync(join(TEMPLATE_DIR, 'js', 'deck-init.js'), 'utf8')).toContain('impress().init()');
  });

  test('every slot the README documents is used by template.html', () => {
    const readme = readFileSync(join(TEMPLATE_DIR, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `\{\{([a-z-]+)\}\}`/gm)].map((match) => match[1]);
    const used = [...readFileSync(join(TEMPLATE_DIR, 'template.html'), 'utf8').matchAll(/\{\{([a-z-]+)\}\}/g)].map((match) => match[1]);
    expect(documented.length).toBeGreaterThan(5);
    expect(new Set(used)).toEqual(new Set(documented));
  });

  test('the simple template fills every documented slot, and its files are the ones its README lists', () => {
    const dir = join(TEMPLATE_DIR, '..', 'simple');
    const readme = readFileSync(join(TEMPLATE_DIR, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `\{\{([a-z-]+)\}\}`/gm)].map((match) => match[1]);
    const html = readFileSync(join(dir, 'template.html'), 'utf8');
    const used = [...html.matchAll(/\{\{([a-z-]+)\}\}/g)].map((match) => match[1]);
    expect(new Set(used)).toEqual(new Set(documented));
    const own = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const file of ['css/simple.css', 'js/start.js']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(own).toContain(`\`${file}\``);
      expect(html).toContain(`"${file}"`);
    }
    const result = emit(deckOf([{}]), [null], { template: { html, files: ['css/simple.css', 'js/start.js'] }, sourceName: 't.rst' });
    expect(result.diagnostics).toEqual([]);
  });

  test('the stylesheet sizes steps to 1024x768, hides notes and colours highlight.js tokens', () => {
    const css = readFileSync(join(TEMPLATE_DIR, 'css', 'deck.css'), 'utf8');
    expect(css).toMatch(/\.step\s*\{[^}]*width:\s*1024px;[^}]*height:\s*768px;/);
    expect(css).toMatch(/\.notes\s*\{\s*display:\s*none;/);
    expect(css).toContain('.hljs-keyword');
    expect(css).toContain('.system-message');
  });
});
