/**
 * Directive results that depend on context the corpus cannot vary: the
 * host's clock, where the decoration and meta elements land, nesting of
 * line blocks, substitution-only directives. Expected trees are docutils'.
 */
import { describe, expect, it } from 'vitest';
import { element, text } from '../../src/rst/nodes.js';
import { pformat } from '../../src/rst/pformat.js';
import { strftime } from '../../src/rst/directives/strftime.js';
import { fakeState, message, run, xml } from './helpers.js';

describe('substitution-only directives', () => {
  it('formats the host clock with C strftime', () => {
    const now = new Date(Date.UTC(2024, 2, 5, 14, 7, 9));
    expect(xml('.. date:: %A %d %B %Y', fakeState({ substitutionName: 'd', now }))).toBe('Tuesday 05 March 2024\n');
    expect(strftime('%A %B %j %U %W %c %x %I%p %G-W%V-%u %e', now)).toBe(
      'Tuesday March 065 09 10 Tue Mar  5 14:07:09 2024 03/05/24 02PM 2024-W10-2  5',
    );
    expect(xml('.. date::', fakeState({ substitutionName: 'd' }))).toBe('2000-01-01\n');
  });

  it('refuses to run outside a substitution definition', () => {
    expect(message('.. replace:: text')).toBe(
      'Invalid context: the "replace" directive can only be used within a substitution definition.',
    );
  });

  it('decodes character codes, ignores comments and trims the definition', () => {
    const definition = element('substitution_definition');
    const fake = fakeState({ substitutionName: 'c', parent: definition });
    expect(xml('.. unicode:: U+00A9 0x41 .. copyright sign\n   :trim:', fake)).toBe('\u00a9\nA\n');
    expect(definition.attributes).toEqual({ ltrim: 1, rtrim: 1 });
    expect(message('.. unicode:: 0x110000', fakeState({ substitutionName: 'c' }))).toBe(
      'Invalid character code: 0x110000\nValueError: chr() arg not in range(0x110000)',
    );
  });
});

describe('document-level directives', () => {
  it('puts the decoration after titles, header first and footer last', () => {
    const fake = fakeState();
    fake.document.root.children.push(element('title', {}, [text('T')]), element('paragraph', {}, [text('P')]));
    run('.. footer:: Bottom', fake);
    run('.. header:: Top', fake);
    expect(pformat(fake.document.root)).toBe(
      [
        '<document source="test.rst">',
        '    <title>',
        '        T',
        '    <decoration>',
        '        <header>',
        '            <paragraph>',
        '                Top',
        '        <footer>',
        '            <paragraph>',
        '                Bottom',
        '    <paragraph>',
        '        P',
        '',
      ].join('\n'),
    );
  });

  it('inserts meta elements at the top of the document', () => {
    const fake = fakeState();
    fake.document.root.children.push(element('paragraph', {}, [text('P')]));
    run('.. meta::\n   :description lang=en: An amusing story\n   :http-equiv=Content-Type: text/html', fake);
    expect(pformat(fake.document.root)).toBe(
      [
        '<document source="test.rst">',
        '    <meta content="An amusing story" lang="en" name="description">',
        '    <meta content="text/html" http-equiv="Content-Type">',
        '    <paragraph>',
        '        P',
        '',
      ].join('\n'),
    );
  });

  it('splits meta names on white space as Python does: U+FEFF is none, so it stays in the name', () => {
    const fake = fakeState();
    run('.. meta::\n   :\ufeffunescaped:embedded:colons: content\n   :keywords\u3000lang=en: a b', fake);
    expect(pformat(fake.document.root)).toBe(
      [
        '<document source="test.rst">',
        '    <meta content="content" name="\ufeffunescaped:embedded:colons">',
        '    <meta content="a b" lang="en" name="keywords">',
        '',
      ].join('\n'),
    );
  });

  it('sets the document title', () => {
    const fake = fakeState();
    run('.. title:: The talk', fake);
    expect(fake.document.root.attributes.title).toBe('The talk');
  });

  it('leaves pending nodes for transforms and registers them', () => {
    const fake = fakeState();
    expect(xml('.. class:: special', fake)).toBe(
      [
        '<pending>',
        '    .. internal attributes:',
        '         .transform: docutils.transforms.misc.ClassAttribute',
        '         .details:',
        "           class: ['special']",
        "           directive: 'class'",
        '',
      ].join('\n'),
    );
    expect(fake.document.pending).toHaveLength(1);
    expect(message('.. contents::', fakeState({ matchTitles: false }))).toBe(
      'The "contents" directive may not be used within topics or body elements.',
    );
  });
});

describe('body directives', () => {
  it('nests line blocks by indentation', () => {
    expect(xml('.. line-block::\n\n   one\n      two\n         three\n\n      four\n   five')).toBe(
      [
        '<line_block>',
        '    <line>',
        '        one',
        '    <line_block>',
        '        <line>',
        '            two',
        '        <line_block>',
        '            <line>',
        '                three',
        '            <line>',
        '        <line>',
        '            four',
        '    <line>',
        '        five',
        '',
      ].join('\n'),
    );
  });

  it('splits a figure into image, caption and legend', () => {
    expect(xml('.. figure:: f.png\n   :align: center\n\n   Caption.\n\n   Legend.')).toBe(
      [
        '<figure align="center">',
        '    <image uri="f.png">',
        '    <caption>',
        '        Caption.',
        '    <legend>',
        '        <paragraph>',
        '            Legend.',
        '',
      ].join('\n'),
    );
  });

  it('wraps an image with a target in a reference', () => {
    const fake = fakeState();
    expect(xml('.. image:: a.png\n   :target: Intro_', fake)).toBe(
      '<reference name="Intro" refname="intro">\n    <image uri="a.png">\n',
    );
    expect(fake.document.refnames.get('intro')).toHaveLength(1);
  });

  it('gives `:name:` as an explicit target', () => {
    const fake = fakeState();
    expect(xml('.. note::\n   :name: My Note\n\n   Text.', fake)).toBe(
      '<note ids="my-note" names="my\\ note">\n    <paragraph>\n        Text.\n',
    );
  });
});
