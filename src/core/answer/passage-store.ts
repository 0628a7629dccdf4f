/** What the general answerer reads of the store: passages of the document model and their documents. */
import type { DocBlock } from '../../domain/doc-model.js';
import type { PassageDocument, StoredPassage } from '../../store/passages.js';

export type { PassageDocument, StoredPassage };

export interface PassageStore {
  /** Passages holding the query's words, best first; within one document version when given. */
  search(query: string, limit: number, versionId?: number): StoredPassage[];
  document(versionId: number): PassageDocument | undefined;
  blocks(versionId: number, from?: number, to?: number): DocBlock[];
}
