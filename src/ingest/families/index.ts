/** The explicit list of document families, most specific first; generic catches the rest. */
import type { DocumentFamily } from '../document.js';
import { annualReportFamily } from './annual-report.js';
import { approvalFamily } from './approval.js';
import { genericFamily } from './generic.js';
import { openFinanceFamily } from './openfinance.js';
import { policySheetFamily } from './policy-sheet.js';
import { promiseSheetFamily } from './promise-sheet.js';
import { promiseTableFamily } from './promise-table.js';
import { workPlanFamily } from './work-plan.js';

export const FAMILIES: readonly DocumentFamily[] = [
  policySheetFamily,
  promiseSheetFamily,
  promiseTableFamily,
  annualReportFamily,
  workPlanFamily,
  openFinanceFamily,
  approvalFamily,
  genericFamily,
];
