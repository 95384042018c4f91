/**
 * HTML escaping. Every text and attribute value goes through here; only
 * `raw` nodes with format html bypass it (see render/body.ts).
 */

const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The five characters that matter in text and quoted attribute values, and
 * characters an HTML page may not contain at all (control characters other
 * than white space, lone surrogates, noncharacters), which become U+FFFD.
 */
const FORBIDDEN =
  '[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const ESCAPED = new RegExp(`[&<>"']|${FORBIDDEN}`, 'g');
const FORBIDDEN_ONLY = new RegExp(FORBIDDEN, 'g');
/**
 * Any character `ESCAPED` could match (every surrogate, paired or not),
 * without look-arounds: most text has none and is returned as it is.
 */
const MAYBE_ESCAPED = /[&<>"'\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;

/** Escapes text or an attribute value for HTML. */
export function escapeHtml(value: string): string {
  if (!MAYBE_ESCAPED.test(value)) return value;
  return value.replace(ESCAPED, (ch) => REPLACEMENTS[ch] ?? '\ufffd');
}

/** Replaces the characters a page may not contain in markup that is already escaped (highlighter output). */
export function dropForbiddenCharacters(html: string): string {
  return html.replace(FORBIDDEN_ONLY, '\ufffd');
}
