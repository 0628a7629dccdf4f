// Placeholder until the family parser lands: detects nothing, so documents fall back to the generic record.
import type { DocumentFamily } from '../document.js';
import { genericFamily } from './generic.js';

export const annualReportFamily: DocumentFamily = {
  name: 'annual-report',
  description: 'annual-report',
  detect: () => 0,
  parse: (doc) => ({ ...genericFamily.parse(doc), family: 'annual-report' }),
};
