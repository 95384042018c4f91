import { describe, expect, test } from 'vitest';
import { el, html, p, render } from './helpers.js';

describe('paragraphs and quotes', () => {
  test('a class from `.. class::` goes on the paragraph', () => {
    expect(html(el('paragraph', { classes: ['lie'] }, 'Lie'))).toBe('<p class="lie">Lie</p>\n');
  });

  test('block quote with attribution', () => {
    expect(html(el('block_quote', {}, p('... suitable for containing untrusted programs ...'), el('attribution', {}, 'Solomon Hykes')))).toBe(
      '<blockquote>\n<p>... suitable for containing untrusted programs ...</p>\n<footer class="attribution"><span class="attribution-label">Source: </span><cite>Solomon Hykes</cite></footer>\n</blockquote>\n',
    );
  });

  test('line block with an empty line and a nested block', () => {
    const out = html(el('line_block', {}, el('line', {}, 'one'), el('line'), el('line_block', {}, el('line', {}, 'indented'))));
    expect(out).toBe(
      '<div class="line-block">\n<div class="line">one</div>\n<div class="line"><br></div>\n<div class="line-block">\n<div class="line">indented</div>\n</div>\n</div>\n',
    );
  });
});

describe('literal and code blocks', () => {
  test('a literal block (::) is a plain pre, with classes from `.. class::`', () => {
    expect(html(el('literal_block', { classes: ['strikethrough'] }, 'docker run ubuntu bash'))).toBe(
      '<pre class="literal-block strikethrough">docker run ubuntu bash</pre>\n',
    );
  });

  test('a literal block is escaped and not highlighted', () => {
    expect(html(el('literal_block', {}, 'if a < b: print("x")'))).toBe('<pre class="literal-block">if a &lt; b: print(&quot;x&quot;)</pre>\n');
  });

  test('code-block python with :class: part1 is highlighted and keeps the class', () => {
    const out = html(el('literal_block', { classes: ['code', 'python', 'part1'] }, 'import signal, ctypes, os'));
    expect(out.startsWith('<pre class="highlight code python part1"><code class="hljs language-python">')).toBe(true);
    expect(out).toContain('<span class="hljs-keyword">import</span>');
    expect(out.endsWith('</code></pre>\n')).toBe(true);
  });

  test('console and yaml blocks are highlighted', () => {
    const consoleOut = html(el('literal_block', { classes: ['code', 'console'] }, '$ vagga build\nBuilding...'));
    expect(consoleOut).toContain('<code class="hljs language-console">');
    expect(consoleOut).toContain('hljs-meta');
    const yamlOut = html(el('literal_block', { classes: ['code', 'yaml'] }, 'containers:\n  react: 1'));
    expect(yamlOut).toContain('<span class="hljs-attr">containers:</span>');
  });

  test('Pygments-only names map to highlight.js languages', () => {
    const out = html(el('literal_block', { classes: ['code', 'pycon'] }, '>>> 1 + 1\n2'));
    expect(out).toContain('hljs-meta');
  });

  test('an unknown language gives escaped plain text and an info diagnostic', () => {
    const result = render(el('literal_block', { classes: ['code', 'klingon'] }, 'a < b'));
    expect(result.html).toBe('<pre class="highlight code klingon"><code>a &lt; b</code></pre>\n');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'emit/unknown-language' }),
    ]);
  });

  test('"text" is plain without a diagnostic', () => {
    const result = render(el('literal_block', { classes: ['code', 'text'] }, 'x < y'));
    expect(result.html).toBe('<pre class="highlight code text"><code>x &lt; y</code></pre>\n');
    expect(result.diagnostics).toEqual([]);
  });

  test('parsed-literal keeps its inline markup', () => {
    expect(html(el('literal_block', {}, 'run ', el('strong', {}, 'this')))).toBe('<pre class="literal-block">run <strong>this</strong></pre>\n');
  });

  test('doctest blocks are highlighted as a Python session', () => {
    const out = html(el('doctest_block', {}, '>>> print(1)\n1'));
    expect(out.startsWith('<pre class="doctest-block"><code class="hljs language-pycon">')).toBe(true);
  });
});

describe('raw, comments and other invisible nodes', () => {
  test('raw html passes through unescaped', () => {
    expect(html(el('raw', { format: 'html' }, '<iframe src="x"></iframe>'))).toBe('<iframe src="x"></iframe>\n');
  });

  test('raw html keeps its markup but control characters, which no page may hold, become U+FFFD', () => {
    expect(html(el('raw', { format: 'latex html' }, '<b>\u001bbold</b>'))).toBe('<b>\ufffdbold</b>\n');
  });

  test('raw in another format is dropped', () => {
    expect(html(el('raw', { format: 'latex' }, '\\newpage'))).toBe('');
  });

  test('comments, pending nodes and substitution definitions render nothing', () => {
    expect(html([el('comment', {}, 'secret <b>'), el('pending'), el('substitution_definition', { names: ['x'] }, 'X')])).toBe('');
  });
});

describe('system messages', () => {
  test('a warning is shown in the slide with its level and line, and its text alone as content', () => {
    const message = el('system_message', { ids: ['m1'], backrefs: ['p1'], level: 2, line: 7, source: '/home/me/talk.rst', type: 'WARNING' }, p('Inline emphasis start-string without end-string.'));
    expect(html(message)).toBe(
      '<div id="m1" class="system-message" data-title="WARNING/2, line 7" role="note">\n' +
        '<p>Inline emphasis start-string without end-string.</p>\n</div>\n',
    );
    expect(html(message)).not.toContain('/home/me');
  });

  test('info messages are left out, as docutils reports only warnings and up', () => {
    expect(html(el('system_message', { level: 1, type: 'INFO', source: 'talk.rst' }, p('No role entry.')))).toBe('');
  });
});
