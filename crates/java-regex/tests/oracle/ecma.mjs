// Node's RegExp for tests/ecmascript.rs. One line per case, strings as UTF-16 hex:
//   in:  PATTERN_HEX \t INPUT_HEX ...      out: C \t 1/0 per input, or E \t message
import { createInterface } from 'node:readline';

const decode = (hex) => {
  let s = '';
  for (let i = 0; i < hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};
const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  const [p, ...inputs] = line.split('\t');
  let re;
  try {
    re = new RegExp(decode(p), 'u');
  } catch (e) {
    process.stdout.write(`E\t${String(e.message).replace(/[\t\n]/g, ' ')}\n`);
    return;
  }
  process.stdout.write(`C\t${inputs.map((i) => (re.test(decode(i)) ? '1' : '0')).join('')}\n`);
});
