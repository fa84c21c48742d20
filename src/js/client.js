// The API client's JavaScript runtime (resource objects built from the endpoint table,
// error classes, filter builders). Filled in by the client work (issue 5).

/**
 * @param {Record<string, unknown>} _glue  the wasm-bindgen module
 * @param {() => void} _assertReady  throws a clear Error if the module is not ready
 * @returns {Record<string, unknown>} extra exports of the package
 */
export function createClientApi(_glue, _assertReady) {
  return {};
}
