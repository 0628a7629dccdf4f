/** A normalised text document → the document model: metadata and blocks. Never throws for a readable document. */
import type { DocModel } from '../../domain/doc-model.js';
import type { SourceDocument } from '../document.js';
import { readBlocks } from './blocks.js';
import { readMeta } from './meta.js';

export function readModel(doc: SourceDocument): DocModel {
  return { meta: readMeta(doc.lines, doc.name), blocks: readBlocks(doc.lines) };
}

const read = new WeakMap<SourceDocument, DocModel>();

/** The model of a document, read once however many families and steps ask for it (documents are not changed once loaded). */
export function modelOf(doc: SourceDocument): DocModel {
  let model = read.get(doc);
  if (!model) {
    model = readModel(doc);
    read.set(doc, model);
  }
  return model;
}
