/**
 * A strict reader for the hand-written SVG files: enough XML 1.0 to say
 * whether a file is well-formed (one root, tags closed in order, quoted and
 * unique attributes, only predefined or numeric entities) and to walk it.
 * No DTDs: our pictures have none, so a DOCTYPE is reported as an error.
 */

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  line: number;
}

export type XmlNode = XmlElement | string;

export interface XmlResult {
  root?: XmlElement;
  errors: string[];
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, line: number, errors: string[]): string {
  return raw.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) {
      errors.push(`line ${line}: bare "&"`);
      return whole;
    }
    if (name in ENTITIES) return ENTITIES[name]!;
    const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(name);
    if (numeric) return String.fromCodePoint(Number(name.startsWith('#x') ? `0x${name.slice(2)}` : name.slice(1)));
    errors.push(`line ${line}: unknown entity "&${name};"`);
    return whole;
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Skips `<?…?>`, `<!--…-->` and `<![CDATA[…]]>`; returns the offset after it, or -1. */
function skipSpecial(text: string, at: number, parent: XmlElement | undefined, errors: string[]): number {
  const forms: [string, string][] = [['<?', '?>'], ['<!--', '-->'], ['<![CDATA[', ']]>']];
  for (const [open, close] of forms) {
    if (!text.startsWith(open, at)) continue;
    const end = text.indexOf(close, at + open.length);
    if (end < 0) {
      errors.push(`line ${lineAt(text, at)}: unterminated ${open}`);
      return text.length;
    }
    const body = text.slice(at + open.length, end);
    if (open === '<!--' && body.includes('--')) errors.push(`line ${lineAt(text, at)}: "--" inside a comment`);
    if (open === '<![CDATA[') {
      if (parent) parent.children.push(body);
      else errors.push(`line ${lineAt(text, at)}: CDATA outside the root element`);
    }
    return end + close.length;
  }
  if (text.startsWith('<!', at)) {
    errors.push(`line ${lineAt(text, at)}: unsupported declaration (DOCTYPE)`);
    return text.indexOf('>', at) + 1 || text.length;
  }
  return -1;
}

/** Reads a start tag at `at` (just after `<`); returns the element, whether it closed itself, and the offset after `>`. */
function startTag(text: string, at: number, errors: string[]): { element: XmlElement; selfClosing: boolean; end: number } | undefined {
  const line = lineAt(text, at);
  NAME.lastIndex = at;
  const name = NAME.exec(text);
  if (!name) {
    errors.push(`line ${line}: "<" not followed by a tag name`);
    return undefined;
  }
  const element: XmlElement = { name: name[0], attributes: new Map(), children: [], line };
  let pos = NAME.lastIndex;
  for (;;) {
    ATTRIBUTE.lastIndex = pos;
    const attribute = ATTRIBUTE.exec(text);
    if (!attribute) break;
    if (element.attributes.has(attribute[1]!)) errors.push(`line ${line}: attribute "${attribute[1]}" repeated`);
    element.attributes.set(attribute[1]!, decode(attribute[3] ?? attribute[4] ?? '', line, errors));
    pos = ATTRIBUTE.lastIndex;
  }
  const close = /\s*(\/?)>/y;
  close.lastIndex = pos;
  const end = close.exec(text);
  if (!end) {
    errors.push(`line ${line}: malformed start tag <${element.name}>`);
    return undefined;
  }
  return { element, selfClosing: end[1] === '/', end: close.lastIndex };
}

export function parseXml(text: string): XmlResult {
  const errors: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (pos < text.length && errors.length === 0) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    const parent = stack[stack.length - 1];
    if (chunk.trim() !== '' && !parent) errors.push(`line ${lineAt(text, pos)}: text outside the root element`);
    if (chunk !== '' && parent) parent.children.push(decode(chunk, lineAt(text, pos), errors));
    if (lt < 0) break;
    const special = skipSpecial(text, lt, parent, errors);
    if (special >= 0) {
      pos = special;
      continue;
    }
    if (text.startsWith('</', lt)) {
      const end = /<\/([A-Za-z_:][-A-Za-z0-9_:.]*)\s*>/y;
      end.lastIndex = lt;
      const match = end.exec(text);
      const open = stack.pop();
      if (!match || !open || open.name !== match[1]) {
        errors.push(`line ${lineAt(text, lt)}: end tag does not match <${open?.name ?? '(none)'}>`);
        break;
      }
      pos = end.lastIndex;
      continue;
    }
    const tag = startTag(text, lt + 1, errors);
    if (!tag) break;
    if (parent) parent.children.push(tag.element);
    else if (root) errors.push(`line ${tag.element.line}: a second root element <${tag.element.name}>`);
    else root = tag.element;
    if (!tag.selfClosing) stack.push(tag.element);
    pos = tag.end;
  }
  if (errors.length === 0 && stack.length > 0) errors.push(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (errors.length === 0 && !root) errors.push('no root element');
  return root ? { root, errors } : { errors };
}

/** Every element under (and including) `node`, in document order. */
export function* elements(node: XmlElement): Generator<XmlElement> {
  yield node;
  for (const child of node.children) if (typeof child !== 'string') yield* elements(child);
}

export function textOf(node: XmlElement): string {
  return node.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

/** The element written back as canonical markup, to compare two drawings. */
export function serialize(node: XmlElement): string {
  const attributes = [...node.attributes].map(([key, value]) => ` ${key}="${value}"`).join('');
  const inner = node.children.map((child) => (typeof child === 'string' ? child.replace(/\s+/g, ' ') : serialize(child))).join('');
  return `<${node.name}${attributes}>${inner}</${node.name}>`;
}
