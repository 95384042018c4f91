/**
 * Mutations of a reStructuredText document, as plain data that fast-check
 * draws and shrinks: each names what it does, where (`at`, reduced modulo
 * the document's size) and which hostile piece it uses (`choice`).
 */
import fc from 'fast-check';
import { directiveBlock, fieldLine, fragment, HOSTILE_CHARACTERS, type Pick } from './inputs.js';

export const MUTATION_KINDS = [
  'cut-lines',
  'duplicate-lines',
  'swap-lines',
  'reindent',
  'tabs',
  'insert-fragment',
  'insert-field',
  'replace-field',
  'insert-directive',
  'insert-transition',
  'insert-characters',
  'unclose',
  'truncate',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Mutation {
  kind: MutationKind;
  at: number;
  count: number;
  choice: number;
}

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  at: fc.nat(),
  count: fc.integer({ min: 1, max: 12 }),
  choice: fc.nat(),
});

/** A deterministic picker from one drawn number, so a shrunk case still names the same pieces. */
export function picker(seed: number): Pick {
  let state = (seed >>> 0) || 1;
  return (items) => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return items[state % items.length]!;
  };
}

const INDENTS = ['', ' ', '  ', '   ', '    ', '\t', ' \t', '        ', '\t\t', '  \t '];
const CLOSERS = /[*`|>_\]]/g;

function lineEdit(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = lines.length === 0 ? 0 : m.at % lines.length;
  const pick = picker(m.choice);
  switch (m.kind) {
    case 'cut-lines':
      out.splice(i, m.count);
      break;
    case 'duplicate-lines':
      out.splice(i, 0, ...lines.slice(i, i + m.count));
      break;
    case 'swap-lines': {
      const j = (i + m.count) % Math.max(1, lines.length);
      [out[i], out[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    case 'reindent':
      for (let k = i; k < Math.min(out.length, i + m.count); k++) out[k] = pick(INDENTS) + out[k]!.trimStart();
      break;
    case 'tabs':
      for (let k = i; k < Math.min(out.length, i + m.count); k++) out[k] = out[k]!.replace(/^( {1,8})/, (s) => '\t'.repeat(Math.ceil(s.length / 4)));
      break;
    case 'insert-fragment':
      out.splice(i, 0, '', pick(INDENTS.slice(0, 5)) + fragment(pick), '');
      break;
    case 'insert-field':
      out.splice(i, 0, ...Array.from({ length: Math.min(m.count, 4) }, () => fieldLine(pick)), '');
      break;
    case 'replace-field': {
      const fields = out.map((line, k) => (/^\s*:[\w-]+:/.test(line) ? k : -1)).filter((k) => k >= 0);
      const k = fields.length > 0 ? fields[m.at % fields.length]! : i;
      out.splice(k, fields.length > 0 ? 1 : 0, fieldLine(pick));
      break;
    }
    case 'insert-directive':
      out.splice(i, 0, '', ...directiveBlock(pick, m.count % 5).split('\n'), '');
      break;
    case 'insert-transition':
      out.splice(i, 0, '', pick(['----', '====', '~~~~', '----------', '----', '- - -', '--']), '', ...Array.from({ length: m.count % 3 }, () => fieldLine(pick)), '');
      break;
    default:
      throw new Error(`not a line edit: ${m.kind}`);
  }
  return out;
}

function textEdit(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  const pick = picker(m.choice);
  switch (m.kind) {
    case 'insert-characters':
      return text.slice(0, at) + Array.from({ length: m.count }, () => pick(HOSTILE_CHARACTERS)).join('') + text.slice(at);
    case 'unclose': {
      const closers = [...text.matchAll(CLOSERS)].map((match) => match.index);
      if (closers.length === 0) return text;
      const where = closers[m.at % closers.length]!;
      return text.slice(0, where) + text.slice(where + 1);
    }
    case 'truncate':
      return text.slice(0, at);
    default:
      return lineEdit(text.split('\n'), m).join('\n');
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(textEdit, text);
}

/** A document written from scratch out of hostile pieces: fields, transitions, fragments, directives, characters. */
export const generatedDocument: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.nat().map((n) => fieldLine(picker(n))),
      fc.nat().map((n) => fragment(picker(n))),
      fc.nat().map((n) => directiveBlock(picker(n), n % 4)),
      fc.constantFrom('', '', '----', 'Title', '=====', '   indented', '* item', '  * nested', '::', '    literal'),
      fc.array(fc.constantFrom(...HOSTILE_CHARACTERS), { maxLength: 12 }).map((cs) => cs.join('')),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));
