/**
 * The `code` role: inline code, classed `code` plus its language. Build-time
 * highlighting happens in the emit stage, so the parser leaves the text
 * whole, as docutils does with `syntax_highlight` set to `none`.
 */

import { element, text } from '../nodes.js';
import { unescape } from '../names.js';
import { classOption, normalizedRoleOptions, unchanged } from './options.js';
import type { Role } from './types.js';

export const codeRole: Role = {
  optionSpec: { language: unchanged, class: classOption },
  run({ text: value, options }) {
    const normalized = normalizedRoleOptions(options);
    const language = typeof normalized.language === 'string' ? normalized.language : '';
    const classes = ['code'];
    if (Array.isArray(normalized.classes)) classes.push(...normalized.classes.map(String));
    if (language && !classes.includes(language)) classes.push(language);
    return { nodes: [element('literal', { classes }, [text(unescape(value, true))])], messages: [] };
  },
};
