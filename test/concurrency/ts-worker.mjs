// Boots a TypeScript module in a worker thread or child process (tsx, as bin/damdang.js does).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData?.module ?? process.argv[2]);
