/** `:number-lines:` code: highlighted, each line behind its number, spans closed at line ends. */
import { describe, expect, test } from 'vitest';
import { highlightedLines } from '../../src/emit/render/line-numbers.js';
import { el, html } from './helpers.js';

describe('numbered code', () => {
  test('a span over several lines is closed and reopened on each line', () => {
    expect(highlightedLines('a<span class="s">"x\ny</span>z\nw')).toEqual(['a<span class="s">"x</span>', '<span class="s">y</span>z', 'w']);
  });

  test('a numbered Python block is highlighted, its docstring split per line, numbers kept', () => {
    const node = el(
      'literal_block',
      { classes: ['code', 'python'] },
      el('inline', { classes: ['ln'] }, '1 '),
      'def f():\n',
      el('inline', { classes: ['ln'] }, '2 '),
      '    """Doc\n',
      el('inline', { classes: ['ln'] }, '3 '),
      '    more"""',
    );
    const lines = html(node).split('\n');
    expect(lines[0]).toBe('<pre class="highlight code python"><code class="hljs language-python"><span class="ln">1 </span><span class="hljs-keyword">def</span> <span class="hljs-title function_">f</span>():');
    expect(lines[1]).toBe('<span class="ln">2 </span>    <span class="hljs-string">&quot;&quot;&quot;Doc</span>');
    expect(lines[2]).toBe('<span class="ln">3 </span><span class="hljs-string">    more&quot;&quot;&quot;</span></code></pre>');
  });
});
