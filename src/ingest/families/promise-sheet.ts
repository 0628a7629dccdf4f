// Placeholder until the family parser lands: detects nothing, so documents fall back to the generic record.
import type { DocumentFamily } from '../document.js';
import { genericFamily } from './generic.js';

export const promiseSheetFamily: DocumentFamily = {
  name: 'promise-sheet',
  description: 'promise-sheet',
  detect: () => 0,
  parse: (doc) => ({ ...genericFamily.parse(doc), family: 'promise-sheet' }),
};
