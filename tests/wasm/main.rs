//! Tests of the JavaScript surface, run by `wasm-bindgen-test-runner` in Node, in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1`) and in a dedicated Web Worker
//! (`WASM_BINDGEN_USE_DEDICATED_WORKER=1`): the `node`, `chromium` and `worker` steps of
//! `scripts/test.mjs`.
//! One module per area of `src/wasm/`.

#![cfg(target_arch = "wasm32")]

mod client;
mod support;

mod export;
mod patch;
mod query;
mod validate;
