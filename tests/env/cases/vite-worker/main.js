// The check runs in a module Web Worker; the page only relays its result.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (e) => (globalThis.__envResult = e.data);
worker.onerror = (e) => (globalThis.__envResult = { ok: false, details: { failures: [`worker error: ${e.message}`] } });
