// Placeholder until the family parser lands: detects nothing, so documents fall back to the generic record.
import type { DocumentFamily } from '../document.js';
import { genericFamily } from './generic.js';

export const promiseTableFamily: DocumentFamily = {
  name: 'promise-table',
  description: 'promise-table',
  detect: () => 0,
  parse: (doc) => ({ ...genericFamily.parse(doc), family: 'promise-table' }),
};
