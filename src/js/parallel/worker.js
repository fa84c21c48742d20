// A worker thread of validateNdjsonParallel (src/js/parallel/node.js), built into
// ndjson-worker.cjs beside node.cjs. It holds only the engine's glue (not the package, nor the
// embedded module): it starts the engine from the module the main thread compiled, validates
// each chunk it is sent with the schema, options and patterns that come with it, and returns
// the report in the engine's binary form (src/validate/wire.rs), which the main thread decodes
// and merges in input order.

import { parentPort, workerData } from 'node:worker_threads';
import { PREFIX } from '../core/gen/contract.js';
import { createGlue } from './glue.js';

const engine = createGlue();
engine.initSync({ module: workerData.engineModule });

/** The patterns in force here, as last set (`[name, source]` pairs). */
let patterns = '';

parentPort.on('message', ({ seq, bytes, setup }) => {
  try {
    const key = JSON.stringify(setup.patterns);
    if (key !== patterns) {
      for (const [name, source] of setup.patterns) {
        if (engine.getPattern(name) !== source) engine.setPattern(name, source);
      }
      patterns = key;
    }
    const out = engine.validateNdjson(bytes, setup.schema, setup.options);
    parentPort.postMessage({ seq, out }, [out.buffer]);
  } catch (e) {
    const message = String((e && e.message) || e);
    parentPort.postMessage({ seq, error: message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message });
  }
});
