/**
 * Each check on small decks: what it reports, at which line, and what it
 * leaves alone because the author clearly meant it.
 */
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/check/closest-name.js';
import { KNOWN_FIELDS } from '../../src/check/step-fields.js';
import { checkText, steps, summary } from './helpers.js';

describe('step fields', () => {
  it('reports a misspelt field at its line with the field it resembles', () => {
    const found = checkText('----\n\n:data-x: 100\n:data-sclae: 2\n\nHello\n');
    expect(summary(found)).toEqual(['check/unknown-step-field@4']);
    expect(found[0]!.hint).toBe('Did you mean ":data-scale:"?');
    expect(found[0]!.message).toContain(':data-sclae:');
  });

  it('suggests for swapped letters, underscores and capitals', () => {
    expect(closestName('data-rotaet-z', KNOWN_FIELDS)).toBe('data-rotate-z');
    expect(closestName('data_x', KNOWN_FIELDS)).toBe('data-x');
    expect(closestName('Data-Y', KNOWN_FIELDS)).toBe('data-y');
    expect(closestName('hovercraft-pth', KNOWN_FIELDS)).toBe('hovercraft-path');
    expect(closestName('speaker', KNOWN_FIELDS)).toBeUndefined();
    expect(editDistance('data-sclae', 'data-scale')).toBe(1);
  });

  it('says a field that is not data-* is dropped', () => {
    const found = checkText('----\n\n:clas: intro\n\nHello\n');
    expect(summary(found)).toEqual(['check/unknown-step-field@3']);
    expect(found[0]!.message).toMatch(/dropped/);
    expect(found[0]!.hint).toBe('Did you mean ":class:"?');
  });

  it('reports a field named like a property every object has (__proto__, constructor) as any other', () => {
    const found = checkText('----\n\n:__proto__: x\n:constructor: y\n\nHello\n');
    expect(summary(found)).toEqual(['check/unknown-step-field@3', 'check/unknown-step-field@4']);
    expect(found[0]!.message).toContain('":__proto__:"');
  });

  it('accepts the fields of impress.js and its plugins', () => {
    const fields = ':id: a\n:class: wide\n:data-x: 0\n:data-rotate: 90\n:data-transition-duration: 500\n:data-goto-next: b\n:data-autoplay: 5\n';
    expect(checkText(`----\n\n${fields}\nHello\n----\n\n:id: b\n\nBye\n`)).toEqual([]);
  });

  it('takes a custom data-* field as the deck\'s own when its files use it, and reports it otherwise', () => {
    const deck = '----\n\n:data-speaker: ann\n\nHello\n';
    const script = { url: 'my.js', file: 'my.js', text: 'step.dataset.speaker' };
    const css = { url: 'my.css', file: 'my.css', text: '.step[data-speaker="ann"] { color: red }' };
    expect(checkText(deck, { assets: [script] })).toEqual([]);
    expect(checkText(deck, { assets: [css] })).toEqual([]);
    expect(summary(checkText(deck, { assets: [] }))).toEqual(['check/unknown-step-field@3']);
    // Without the files at hand it may be theirs: only near misses are reported.
    expect(checkText(deck)).toEqual([]);
  });

  it('reports fields impress.js would ignore on a deck step', () => {
    const found = checkText('----\n\n:data-rel-x: 100\n:data-perspective: 500\n\nHello\n');
    expect(summary(found)).toEqual(['check/ignored-step-field@3', 'check/ignored-step-field@4']);
    expect(found[0]!.hint).toContain('r1000');
  });
});

describe('overlapping steps', () => {
  it('reports a step left where an absolute position put the one before', () => {
    const text = '----\n\n:data-x: 1000\n:data-y: 0\n\nOne\n\n----\n\nTwo\n';
    const found = checkText(text);
    expect(summary(found)).toEqual(['check/overlapping-steps@8']);
    expect(found[0]!.message).toMatch(/step 2 is placed exactly on step 1 \(line 1\)/i);
  });

  it('names steps by their ids and points at the later step\'s first field', () => {
    const text = '----\n\n:id: a\n\nOne\n\n----\n\n:id: b\n:data-x: 0\n\nTwo\n';
    const found = checkText(text);
    expect(summary(found)).toEqual(['check/overlapping-steps@9']);
    expect(found[0]!.message).toContain('Step 2 ("b") is placed exactly on step 1 ("a")');
  });

  it('leaves camera stops without content alone', () => {
    const overview = ':data-scale: 3\n:data-x: 0\n:data-y: 0\n';
    const text = `----\n\n${overview}\n----\n\n:data-x: 1000\n\nOne\n\n----\n\n${overview}\n----\n\n:data-x: 2000\n\nTwo\n`;
    expect(checkText(text)).toEqual([]);
  });

  it('leaves a step with a class of its own on the one before alone, but not on an older one', () => {
    const layered = '----\n\n:data-x: 0\n\nOne\n\n----\n\n:class: highlight\n\nOver one\n';
    expect(checkText(layered)).toEqual([]);
    const older = '----\n\n:data-x: 0\n\nOne\n\n----\n\n:data-x: 1000\n\nTwo\n\n----\n\n:class: highlight\n:data-x: 0\n\nBack on one\n';
    expect(summary(checkText(older))).toEqual(['check/overlapping-steps@15']);
  });

  it('is silent for a deck without position fields', () => {
    expect(checkText(steps(5))).toEqual([]);
  });
});

describe('distant steps', () => {
  it('reports a step more than ten times the usual neighbour distance from all others', () => {
    const text = steps(8, (i) => `:data-x: ${i === 5 ? 160000 : i * 1600}`);
    const found = checkText(text);
    expect(summary(found)).toEqual([`check/distant-step@${text.split('\n').indexOf(':data-x: 160000') + 1}`]);
    expect(found[0]!.message).toMatch(/^Step 6 is 148800 px from the nearest other step.*\(1600 px\)/);
  });

  it('accepts groups of steps far from each other', () => {
    const text = steps(6, (i) => `:data-x: ${i < 3 ? i * 1600 : 500000 + i * 1600}`);
    expect(checkText(text)).toEqual([]);
  });
});

describe('external resources', () => {
  // A URL with a scheme in a field would be a hyperlink, which Hovercraft does not take as the value.
  const deck = ':css: //cdn.example.com/theme.css\n\n----\n\n.. image:: //example.com/a.png\n\n`site <https://example.com>`_\n\n.. raw:: html\n\n   <script src="https://example.com/x.js"></script>\n   <a href="https://example.com/page">page</a>\n\n.. image:: data:image/png;base64,AAAA\n';
  const css = { url: 'my.css', file: 'slides/my.css', text: 'body { color: red }\n@import "https://fonts.example.com/font.css";\n' };

  it('warns about what the page loads from the network, at each line', () => {
    const found = checkText(deck, { assets: [css] });
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity}`)).toEqual([
      'talk.rst:1 warning',
      'talk.rst:5 warning',
      'talk.rst:9 warning',
      'slides/my.css:2 warning',
    ]);
    expect(found.every((d) => d.code === 'check/external-resource')).toBe(true);
    expect(found[2]!.message).toContain('https://example.com/x.js');
  });

  it('makes them errors offline, and warns about links to elsewhere', () => {
    const found = checkText(deck, { assets: [css], offline: true });
    expect(found.filter((d) => d.severity === 'error')).toHaveLength(4);
    expect(summary(found.filter((d) => d.severity === 'warning'))).toEqual(['check/external-link@7']);
  });
});
