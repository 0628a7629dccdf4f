// Placeholder until the family parser lands: detects nothing, so documents fall back to the generic record.
import type { DocumentFamily } from '../document.js';
import { genericFamily } from './generic.js';

export const workPlanFamily: DocumentFamily = {
  name: 'work-plan',
  description: 'work-plan',
  detect: () => 0,
  parse: (doc) => ({ ...genericFamily.parse(doc), family: 'work-plan' }),
};
