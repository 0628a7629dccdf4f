/** A normalised text document → the document model: metadata and blocks. Never throws for a readable document. */
import type { DocModel } from '../../domain/doc-model.js';
import type { SourceDocument } from '../document.js';
import { readBlocks } from './blocks.js';
import { readMeta } from './meta.js';

export function readModel(doc: SourceDocument): DocModel {
  return { meta: readMeta(doc.lines, doc.name), blocks: readBlocks(doc.lines) };
}
