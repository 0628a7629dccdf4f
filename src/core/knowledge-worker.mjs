// A worker thread does not inherit the loader that runs the TypeScript sources (bin/damdang.js registers tsx in
// the main thread only; vitest transforms in its own): the reload's worker registers its own first.
import { register } from 'tsx/esm/api';

register();
await import('./knowledge-worker.ts');
