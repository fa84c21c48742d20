// @ts-check
// validateNdjsonParallel outside Node: worker threads over a file are a Node feature (the Node
// build, node.cjs, has ./node.js). Here it says so, and what to use instead.

import { PREFIX } from '../core/gen/contract.js';

/**
 * @param {unknown} _input @param {unknown} _schema @param {unknown} [_options]
 * @returns {Promise<never>}
 */
export async function validateNdjsonParallel(_input, _schema, _options) {
  throw new Error(
    `${PREFIX}validateNdjsonParallel runs in Node only (worker threads); use validateNdjson or validateNdjsonStream here`,
  );
}
