// The engine's WebAssembly module on Cloudflare workerd (the `workerd` condition of `#wasm`):
// workerd forbids compiling WebAssembly from bytes at run time, and wrangler bundles an imported
// `.wasm` file as a compiled module.
import module from './elevate_billing_bg.wasm';

export const wasm = { module };
