// @ts-check
// The main entry of elevate-billing: the form path (plain JavaScript, no WebAssembly) and the
// engine (the client, bulk files, product formats, exports), which starts on first use. Apps
// that only validate forms can import `elevate-billing/forms` and ship no WebAssembly at all;
// bundlers drop the engine from this entry too when none of its exports is used.

export * from './forms.js';
export * from './engine/index.js';
