/**
 * What `hovercraft: true` changes in publish mode: docutils' title and
 * docinfo promotion run, the standard transition checks do not (the split
 * stage applies Hovercraft's), and messages reported by transforms are
 * collected at the end while informational ones are dropped, as
 * Hovercraft's XML writer does.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/rst/parse.js';
import { pformat } from '../../src/rst/pformat.js';

function tree(source: string, hovercraft: boolean): string {
  return pformat(parse(source, { sourceName: 'deck.rst', mode: 'publish', hovercraft }).document);
}

describe('hovercraft: true', () => {
  it('promotes a lone top section to the document title and a lone subsection to its subtitle', () => {
    const source = 'The Talk\n========\n\nA subtitle\n----------\n\nHello.\n';
    const promoted = tree(source, true);
    expect(promoted).toMatch(/^<document ids="the-talk" names="the\\ talk" source="deck.rst" title="The Talk">\n {4}<title>\n/);
    expect(promoted).toContain('    <subtitle ids="a-subtitle" names="a\\ subtitle">\n        A subtitle\n');
    expect(promoted).not.toContain('<section');
    expect(tree(source, false)).toContain('<section ids="the-talk" names="the\\ talk">');
  });

  it('turns a leading field list into docinfo, bibliographic fields into their elements', () => {
    const source = ':Author: Ann Example\n:Date: $Date: 2001/08/16 12:00:00 $\n:css: style.css\n\nText.\n';
    const promoted = tree(source, true);
    expect(promoted).toContain('    <docinfo>\n        <author>\n            Ann Example\n        <date>\n            2001-08-16\n');
    expect(promoted).toContain('<field classes="css">');
    expect(tree(source, false)).not.toContain('<docinfo>');
  });

  it('splits authors at semicolons, else commas', () => {
    const promoted = tree(':Authors: Ann; Bob, Jr.\n\nText.\n', true);
    expect(promoted).toContain('<authors>\n            <author>\n                Ann\n            <author>\n                Bob, Jr.\n');
  });

  it('leaves transitions to the split stage', () => {
    const source = '----\n\nFirst step.\n\n----\n\nSecond step.\n';
    expect(tree(source, true)).not.toContain('system_message');
    expect(tree(source, false)).toContain('Document or section may not begin with a transition.');
  });

  it('collects messages from transforms in a closing section', () => {
    const source = 'A |missing| substitution.\n';
    const promoted = tree(source, true);
    expect(promoted).toContain('<section classes="system-messages">\n        <title>\n            Docutils System Messages\n');
    expect(promoted).toContain('Undefined substitution referenced: "missing".');
    expect(tree(source, false)).not.toContain('system-messages');
  });

  it('drops informational messages', () => {
    const source = 'Same\n====\n\nText.\n\nSame\n====\n\nMore text.\n';
    expect(tree(source, true)).not.toContain('Duplicate implicit target name');
    expect(tree(source, false)).toContain('Duplicate implicit target name: "same".');
  });
});
