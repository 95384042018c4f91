import { describe, expect, it } from 'vitest';
import { split } from '../../src/deck/split.js';
import { element, isElement, text, textContent, type Element } from '../../src/rst/nodes.js';
import { bulletList, comment, doc, fieldList, note, para, section, transition } from './builders.js';

const options = { sourceName: 'deck.rst' };

function childTypes(node: Element): string[] {
  return node.children.filter(isElement).map((child) => child.type);
}

function codes(result: ReturnType<typeof split>): string[] {
  return result.diagnostics.map((d) => d.code);
}

describe('steps', () => {
  it('makes a numbered level-1 step per transition', () => {
    const { deck, diagnostics } = split(doc(transition(), para('one'), transition(), para('two')), options);
    expect(deck.steps.map((step) => step.attributes)).toEqual([
      { step: '0', class: 'step step-level-1' },
      { step: '1', class: 'step step-level-1' },
    ]);
    expect(deck.steps.map(textContent)).toEqual(['one', 'two']);
    expect(deck.levels).toEqual([1, 1]);
    expect(deck.parents).toEqual([null, null]);
    expect(diagnostics).toEqual([]);
  });

  it('starts a step at a section title before the first transition', () => {
    const { deck } = split(doc(section('Welcome', para('hello')), transition(), para('next')), options);
    expect(deck.steps).toHaveLength(2);
    expect(childTypes(deck.steps[0]!)).toEqual(['section']);
    expect(textContent(deck.steps[1]!)).toBe('next');
  });

  it('nests steps of a second adornment character inside the previous step', () => {
    const tree = doc(
      transition('----'), para('a'),
      transition('===='), para('a.1'),
      transition('===='), para('a.2'),
      transition('----'), para('b'),
    );
    const result = split(tree, options);
    expect(result.deck.levels).toEqual([1, 2, 2, 1]);
    expect(result.deck.parents).toEqual([null, 0, 0, null]);
    expect(result.deck.steps[1]!.attributes['class']).toBe('step step-level-2');
    expect(childTypes(result.deck.root)).toEqual(['step', 'step']);
    expect(codes(result)).toEqual(['deck/nested-transition']);
  });

  it('reads the adornment from the source text when the node does not carry it', () => {
    const source = 'a\n\n----\n\nb\n\n====\n\nc\n';
    const at = (offset: number, line: number): Element => ({
      type: 'transition', attributes: {}, children: [], line,
      position: { start: { line, column: 1, offset }, end: { line, column: 5, offset: offset + 4 } },
    });
    const tree = doc(para('a'), at(3, 3), para('b'), at(12, 7), para('c'));
    const { deck } = split(tree, { ...options, source });
    expect(deck.levels).toEqual([1, 2]);
  });

  it('moves a transition that ends a section to after the section', () => {
    const tree = doc(transition(), section('A', para('a'), transition()), para('after'));
    const { deck, diagnostics } = split(tree, options);
    expect(deck.steps.map(textContent)).toEqual(['Aa', 'after']);
    expect(diagnostics).toEqual([]);
  });

  it('reports adjacent transitions and a transition that ends the document', () => {
    const tree = doc(para('intro', 1), transition('----', 2), para('a', 3), transition('----', 4), transition('----', 5), para('b', 6), transition('----', 7));
    const result = split(tree, options);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.line])).toContainEqual(['error', 'deck/adjacent-transitions', 5]);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.line])).toContainEqual(['error', 'deck/document-ends-with-transition', 7]);
    expect(result.deck.steps).toHaveLength(4);
    // As in docutils, the messages stay in the tree where they happened:
    // the first before the second of the adjacent transitions, so in step 1.
    const messages = result.deck.steps.map((step) => childTypes(step).filter((type) => type === 'system_message').length);
    expect(messages).toEqual([0, 1, 0, 1]);
  });

  it('compares a transition that starts the document with the last node, as Hovercraft does', () => {
    // Python's parent[index - 1] at index 0 is the last child: a deck that
    // starts and ends with a transition gets an "adjacent" error at line 1.
    const tree = doc(transition('----', 1), para('a', 2), transition('----', 3));
    const result = split(tree, options);
    expect(result.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['deck/adjacent-transitions', 1],
      ['deck/document-ends-with-transition', 3],
    ]);
  });

  it('keeps notes in the step as presenter notes', () => {
    const { deck } = split(doc(transition(), para('visible'), note(para('say this'))), options);
    expect(childTypes(deck.steps[0]!)).toEqual(['paragraph', 'note']);
  });

  it('does not change the tree it is given', () => {
    const tree = doc(fieldList(['title', 'T']), transition(), bulletList(['substep'], 'x'), section('S', para('p'), transition()), para('q'));
    const before = JSON.stringify(tree);
    split(tree, options);
    expect(JSON.stringify(tree)).toBe(before);
  });
});

describe('fields', () => {
  it('makes fields before the first step presentation settings, joining repeated ones', () => {
    const tree = doc(
      fieldList(['title', 'My talk'], ['css', 'a.css'], ['css', 'b.css'], ['data-transition-duration', '500']),
      transition(),
      para('x'),
    );
    const result = split(tree, options);
    expect(result.deck.settings).toEqual({ title: 'My talk', css: 'a.css b.css', 'data-transition-duration': '500' });
    expect(result.deck.title).toBe('My talk');
    expect(codes(result)).toEqual(['deck/repeated-field']);
    expect(Object.keys(result.deck.settingLines).sort()).toEqual(['css', 'data-transition-duration', 'title']);
  });

  it('keeps bibliographic fields as document information, not settings', () => {
    const { deck } = split(doc(fieldList(['author', 'Ada'], ['css', 'talk.css']), transition(), para('x')), options);
    expect(deck.settings).toEqual({ css: 'talk.css' });
    const author = deck.root.children.find((child) => child.type === 'author');
    expect(author && textContent(author)).toBe('Ada');
  });

  it('makes a lone top section the document title', () => {
    const tree = doc(section('The talk', transition(), para('one'), transition(), para('two')));
    const { deck } = split(tree, options);
    expect(deck.title).toBe('The talk');
    expect(deck.steps.map(textContent)).toEqual(['one', 'two']);
    expect(childTypes(deck.root)[0]).toBe('title');
  });

  it('joins a :title: field to an existing document title and says so', () => {
    const tree = doc(fieldList(['title', 'Field']), transition(), para('x'));
    tree.attributes['title'] = 'Directive';
    const result = split(tree, options);
    expect(result.deck.settings['title']).toBe('Directive Field');
    expect(codes(result)).toEqual(['deck/title-joined']);
  });

  it('makes fields first in a step its attributes', () => {
    const tree = doc(
      transition(),
      fieldList(['id', 'intro'], ['data-x', '1000'], ['class', 'wide']),
      para('hello'),
    );
    const { deck, diagnostics } = split(tree, options);
    expect(deck.steps[0]!.attributes).toEqual({
      step: '0',
      class: 'step step-level-1 wide',
      id: 'intro',
      'data-x': '1000',
    });
    expect(childTypes(deck.steps[0]!)).toEqual(['paragraph']);
    expect(Object.keys(deck.fieldLines![0]!)).toEqual(['id', 'data-x', 'class']);
    expect(diagnostics).toEqual([]);
  });

  it('warns when a field list inside a section lands on the section', () => {
    const tree = doc(transition(), section('Title', fieldList(['data-x', '100']), para('x')));
    const result = split(tree, options);
    expect(result.deck.steps[0]!.attributes['data-x']).toBeUndefined();
    const copied = result.deck.steps[0]!.children[0] as Element;
    expect(copied.attributes['data-x']).toBe('100');
    expect(codes(result)).toEqual(['deck/field-not-on-step']);
  });

  it('warns about a field list after content, which is not shown', () => {
    const result = split(doc(transition(), comment('c'), para('x'), fieldList(['Owner', 'me'])), options);
    expect(result.deck.steps[0]!.attributes['Owner']).toBe('me');
    expect(codes(result)).toEqual(['deck/late-field']);
  });

  it('uses only the leading text of a field and shows its markup', () => {
    const value = [para([text('big '), element('emphasis', {}, [text('news')]), text(' today')])];
    const result = split(doc(transition(), fieldList(['data-note', value]), para('x')), options);
    expect(result.deck.steps[0]!.attributes['data-note']).toBe('big ');
    expect(childTypes(result.deck.steps[0]!)).toEqual(['emphasis', 'paragraph']);
    expect(textContent(result.deck.steps[0]!)).toBe('news todayx');
    expect(codes(result)).toEqual(['deck/field-with-markup']);
  });

  it('refuses field names that cannot be attributes', () => {
    const result = split(doc(transition(), fieldList(['tool/args', '-q']), para('x')), options);
    expect(result.deck.steps[0]!.attributes['tool/args']).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', code: 'deck/invalid-field-name' });
  });
});

describe('substeps', () => {
  it('moves the substep class from a list to its items', () => {
    const { deck } = split(doc(transition(), bulletList(['substep', 'fancy'], 'a', 'b'), bulletList([], 'c')), options);
    const [substeps, plain] = deck.steps[0]!.children as Element[];
    expect(substeps!.attributes['classes']).toEqual(['fancy']);
    expect((substeps!.children as Element[]).map((item) => item.attributes['classes'])).toEqual([['substep'], ['substep']]);
    expect((plain!.children as Element[])[0]!.attributes['classes']).toBeUndefined();
  });

  it('marks the items of lists nested in a substep list too', () => {
    const inner = bulletList([], 'inner');
    const outer = bulletList(['substep'], 'outer');
    (outer.children[0] as Element).children.push(inner);
    const { deck } = split(doc(transition(), outer), options);
    const item = (deck.steps[0]!.children[0] as Element).children[0] as Element;
    const nestedItem = (item.children[1] as Element).children[0] as Element;
    expect(nestedItem.attributes['classes']).toEqual(['substep']);
  });
});

describe('content outside steps', () => {
  it('warns once per run of visible elements outside every step', () => {
    const tree = doc(comment('hidden'), para('intro', 2), para('more', 3), transition('----', 4), para('x', 5));
    const result = split(tree, options);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'deck/outside-steps', line: 2, file: 'deck.rst' }),
    ]);
    expect(childTypes(result.deck.root)).toEqual(['comment', 'paragraph', 'paragraph', 'step']);
  });
});
