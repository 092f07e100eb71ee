// PLACEHOLDER: replaced by the real rule.
import type { Rule } from '../rule.js';

const rule: Rule = {
  meta: {
    id: 'flush-policy',
    severities: ['warning'],
    formats: [],
    category: 'any',
    fixable: false,
    docs: { summary: { en: '', zh: '' }, why: { en: '', zh: '' }, fix: { en: '', zh: '' }, references: [], examples: [] },
  },
  check() {},
};
export default rule;
