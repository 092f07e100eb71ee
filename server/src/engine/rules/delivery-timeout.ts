// PLACEHOLDER: replaced by the real rule.
import type { Rule } from '../rule.js';

const rule: Rule = {
  meta: {
    id: 'delivery-timeout',
    severities: ['warning'],
    formats: [],
    category: 'any',
    fixable: false,
    docs: { summary: { en: '', zh: '' }, why: { en: '', zh: '' }, fix: { en: '', zh: '' }, references: [], examples: [] },
  },
  check() {},
};
export default rule;
