// The check runs inside a worker thread; the main thread only relays its result.
import { Worker } from 'node:worker_threads';

const worker = new Worker(new URL('./worker.mjs', import.meta.url));
worker.on('message', (result) => console.log(`ENV-RESULT ${JSON.stringify(result)}`));
worker.on('error', (e) => console.log(`ENV-RESULT ${JSON.stringify({ ok: false, details: { failures: [`worker error: ${e.name}: ${e.message}`] } })}`));
