'use strict';
// A worker thread of validateNdjsonParallel (src/js/parallel/node.js), shipped as
// ndjson-worker.cjs beside node.cjs: starts its own engine from the module the main thread
// compiled, validates each chunk it is sent and returns the report in the engine's binary form
// (src/validate/wire.rs), which the main thread decodes and merges in input order.

const { parentPort, workerData } = require('node:worker_threads');
const api = require('./node.cjs');

const { engineModule, schema, options } = workerData;
const started = api.init(engineModule);

parentPort.on('message', async ({ seq, bytes }) => {
  try {
    await started;
    const out = api.__engine().validateNdjson(bytes, schema, options);
    parentPort.postMessage({ seq, out }, [out.buffer]);
  } catch (e) {
    parentPort.postMessage({ seq, error: String((e && e.message) || e).replace(/^elevate-billing: /, '') });
  }
});
