// The smallest config that bundles a dependency: node-resolve, and nothing for the .wasm.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default { input: 'main.js', output: { dir: 'dist', format: 'es' }, plugins: [nodeResolve({ browser: true })] };
