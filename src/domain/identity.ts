/**
 * One project across the years and phases of one organisation's documents: a 2015 실적 and the 2016 계획 of the
 * same project share this identity (organisation, department, and the code, else the title with spaces closed up).
 */
import type { ProjectRecord } from './project.js';

export function projectIdentity(rec: Pick<ProjectRecord, 'organization' | 'department' | 'code' | 'title'>): string {
  return [rec.organization, rec.department, rec.code ?? rec.title.replace(/\s+/g, '')].join('|');
}
