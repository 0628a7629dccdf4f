/** What the general answerer reads of the store: passages of the document model and their documents. */
import type { DocBlock } from '../../domain/doc-model.js';
import type { PassageDocument, StoredPassage } from '../../store/passages.js';

export type { PassageDocument, StoredPassage };

export interface PassageStore {
  search(query: string, limit: number): StoredPassage[];
  document(versionId: number): PassageDocument | undefined;
  blocks(versionId: number, from?: number, to?: number): DocBlock[];
}
