// The package against java.util.regex itself (issue 15, decisions R14). Product formats go
// through validateProductReference and validate('UsageProduct', …); patterns set with
// setPattern through validate('Site', …) (the JavaScript validators) and validateNdjson (the
// engine). The corpus is crates/java-regex's generator (patterns from a grammar over Java's
// constructs, one in ten with a lone surrogate; 12 strings each over an adversarial alphabet),
// seeded and printed: ELEVATE_JAVA_SEED reproduces a run, ELEVATE_JAVA_PATTERNS sizes it. The
// judge is `java Oracle.java` (crates/java-regex/tests/oracle), one JVM per run.
//
// Compared: compile verdicts (Java refuses ⇔ a `format` issue whose reason is Java's
// description and index, or setPattern throws with it) and match verdicts (Java matches ⇔ no
// issue; Java does not, or its matches() throws ⇔ a `pattern` issue). A match that runs out of
// our step budget is its own issue (`reason: 'budget'`), not a verdict: counted, and bounded
// below. Java's StackOverflowError likewise has no verdict to compare. A disagreement is shrunk
// (code units deleted from the pattern and the input while it persists) and printed.
// Needs a JDK: skipped without one, unless ELEVATE_REQUIRE_JAVA=1 (npm test sets it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as eb from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ORACLE = join(root, 'crates', 'java-regex', 'tests', 'oracle', 'Oracle.java');

const javaOk = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
if (!javaOk && process.env.ELEVATE_REQUIRE_JAVA === '1') {
  throw new Error('ELEVATE_REQUIRE_JAVA=1 but `java -version` failed: install a JDK (apt-get install -y default-jdk-headless)');
}

const hexOf = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).padStart(4, '0')).join('');
const fromHex = (h) => {
  let s = '';
  for (let i = 0; i < h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
  return s;
};
const LONE = /\p{Cs}/u;
const show = (s) => JSON.stringify(s).replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** One JVM running Oracle.java; `ask` sends one pattern and its inputs, in order. */
function startOracle() {
  const child = spawn('java', ['-Xss16m', '-XX:TieredStopAtLevel=1', ORACLE], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  return {
    /** @returns {Promise<{ kind: 'C', results: string } | { kind: 'E', desc: string, index: number } | { kind: 'T', name: string }>} */
    ask(pattern, inputs) {
      return new Promise((resolve) => {
        waiting.push((line) => {
          const [kind, a, b] = line.split('\t');
          if (kind === 'C') resolve({ kind, results: a ?? '' });
          else if (kind === 'E') resolve({ kind, desc: fromHex(a), index: Number(b) });
          else resolve({ kind: 'T', name: a });
        });
        child.stdin.write([pattern, ...inputs].map(hexOf).join('\t') + '\n');
      });
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}

const SITE = FIXTURES.Site;
const PRODUCT = FIXTURES.UsageProduct;
const nameBounds = eb.describeField('Site', '/siteName');

/** Java's refusal as our `format` reason reads it (lone surrogates show as U+FFFD in Rust text). */
const javaReason = (v) => (v.index >= 0 ? `${v.desc} near index ${v.index}` : v.desc).replace(/\p{Cs}/gu, '\uFFFD');

const stats = { patterns: 0, refused: 0, strings: 0, budget: 0, javaStack: 0, setChecks: 0, engineChecks: 0 };

/**
 * Our verdicts for one pattern in every way the package offers, as a list of disagreements
 * (`[]` when all agree). `v` is Java's verdict on `pattern` and `inputs`.
 */
function disagreements(pattern, inputs, v, count = false) {
  const out = [];
  const tally = (k) => {
    if (count) stats[k]++;
  };
  // validate('UsageProduct'): the format's compile verdict.
  const fieldIssues = eb.validate('UsageProduct', { ...PRODUCT, productReferenceFormat: pattern }).errors.filter((e) => e.path === '/productReferenceFormat');
  if (v.kind === 'C') {
    if (fieldIssues.length) out.push(`validate('UsageProduct') refuses a format Java compiles: ${fieldIssues[0].message}`);
  } else if (fieldIssues.length !== 1 || fieldIssues[0].code !== 'format' || (v.kind === 'E' && fieldIssues[0].params.reason !== javaReason(v))) {
    out.push(`validate('UsageProduct'): Java refuses (${v.kind === 'E' ? javaReason(v) : v.name}), we say ${JSON.stringify(fieldIssues)}`);
  }
  // validateProductReference: compile and match verdicts.
  inputs.forEach((s, i) => {
    const r = eb.validateProductReference(pattern, s);
    if (v.kind !== 'C') {
      const e = r.errors[0];
      if (r.valid || e.path !== '/format' || (v.kind === 'E' && e.params.reason !== javaReason(v))) {
        out.push(`validateProductReference on ${show(s)}: Java refuses (${v.kind === 'E' ? javaReason(v) : v.name}), we say ${JSON.stringify(r.errors)}`);
      }
      return;
    }
    const java = v.results[i];
    if (java === 'S') return tally('javaStack');
    if (!r.valid && r.errors[0].params.reason === 'budget') return tally('budget');
    const ours = r.valid ? '1' : r.errors[0].path === '/reference' && r.errors[0].code === 'pattern' ? '0' : `?${JSON.stringify(r.errors)}`;
    if (ours !== (java === '1' ? '1' : '0')) out.push(`validateProductReference on ${show(s)}: Java ${java}, we ${ours}`);
  });
  // setPattern: the same compile verdict; then the JavaScript validators and the engine.
  let set = true;
  try {
    eb.setPattern('NAME_CURLY', pattern);
  } catch (e) {
    set = false;
    if (v.kind === 'C') out.push(`setPattern refuses a pattern Java compiles: ${e.message}`);
    else if (v.kind === 'E' && !e.message.includes(javaReason(v))) out.push(`setPattern: Java refuses (${javaReason(v)}), we throw ${e.message}`);
  }
  if (set && v.kind !== 'C') out.push(`setPattern accepts a pattern Java refuses (${v.kind === 'E' ? javaReason(v) : v.name})`);
  if (set && v.kind === 'C') {
    const lines = [];
    inputs.forEach((s, i) => {
      const java = v.results[i];
      if (java === 'S' || s.length < nameBounds.minLength || s.length > nameBounds.maxLength) return;
      tally('setChecks');
      const issues = eb.validate('Site', { ...SITE, siteName: s }).errors.filter((e) => e.path === '/siteName');
      if (issues.some((e) => e.params.reason === 'budget')) return tally('budget');
      const ours = issues.length === 0 ? '1' : issues.length === 1 && issues[0].code === 'pattern' ? '0' : `?${JSON.stringify(issues)}`;
      if (ours !== (java === '1' ? '1' : '0')) out.push(`setPattern, validate('Site') with siteName ${show(s)}: Java ${java}, we ${ours}`);
      if (!LONE.test(s)) lines.push([s, java]);
    });
    // The engine (wasm) judges NDJSON; JSON text cannot carry a lone surrogate.
    if (lines.length) {
      const report = eb.validateNdjson(lines.map(([s]) => JSON.stringify({ ...SITE, siteName: s })).join('\n'), 'Site');
      const byLine = new Map(report.invalidLines.map((l) => [l.line, l.errors.filter((e) => e.path === '/siteName')]));
      lines.forEach(([s, java], k) => {
        tally('engineChecks');
        const issues = byLine.get(k + 1) ?? [];
        if (issues.some((e) => e.params.reason === 'budget')) return tally('budget');
        const ours = issues.length === 0 ? '1' : issues.length === 1 && issues[0].code === 'pattern' ? '0' : `?${JSON.stringify(issues)}`;
        if (ours !== (java === '1' ? '1' : '0')) out.push(`setPattern, validateNdjson('Site') with siteName ${show(s)}: Java ${java}, we ${ours}`);
      });
    }
  }
  eb.resetPattern();
  return out;
}

/** Deletes code units of the pattern, then of the input, while some disagreement remains. */
async function shrink(oracle, pattern, input) {
  const fails = async (p, s) => disagreements(p, [s], await oracle.ask(p, [s])).length > 0;
  let progress = true;
  while (progress) {
    progress = false;
    for (let i = 0; i < pattern.length; ) {
      const p = pattern.slice(0, i) + pattern.slice(i + 1);
      if (await fails(p, input)) {
        pattern = p;
        progress = true;
      } else i++;
    }
    for (let i = 0; i < input.length; ) {
      const s = input.slice(0, i) + input.slice(i + 1);
      if (await fails(pattern, s)) {
        input = s;
        progress = true;
      } else i++;
    }
  }
  const v = await oracle.ask(pattern, [input]);
  return `pattern ${show(pattern)} input ${show(input)}: ${disagreements(pattern, [input], v).join('; ')}`;
}

test('product formats and setPattern agree with java.util.regex on generated patterns and strings', { skip: !javaOk && 'no JDK (java) on PATH', timeout: 600_000 }, async () => {
  const seed = Number(process.env.ELEVATE_JAVA_SEED ?? Math.floor(Math.random() * 2 ** 31) + 1);
  const count = Number(process.env.ELEVATE_JAVA_PATTERNS ?? 2000);
  console.log(`java differential: seed ${seed} (ELEVATE_JAVA_SEED=${seed} reproduces), ${count} patterns`);
  const corpus = spawnSync('cargo', ['run', '--locked', '--quiet', '-p', 'java-regex', '--example', 'corpus', '--', String(seed), String(count)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  assert.equal(corpus.status, 0, 'the corpus generator runs');
  const cases = corpus.stdout.replace(/\n$/, '').split('\n').map((line) => line.split('\t').map(fromHex));
  assert.equal(cases.length, count);
  const oracle = startOracle();
  const started = Date.now();
  const failures = [];
  try {
    for (const [pattern, ...inputs] of cases) {
      const v = await oracle.ask(pattern, inputs);
      stats.patterns++;
      stats.strings += inputs.length;
      if (v.kind !== 'C') stats.refused++;
      const found = disagreements(pattern, inputs, v, true);
      if (found.length === 0) continue;
      const bad = inputs.find((s) => disagreements(pattern, [s], { ...v, results: v.kind === 'C' ? v.results[inputs.indexOf(s)] : undefined }).length > 0) ?? '';
      failures.push(`pattern ${show(pattern)}: ${found[0]}\n    shrunk: ${await shrink(oracle, pattern, bad)}`);
      if (failures.length >= 5) break;
    }
  } finally {
    oracle.close();
    eb.resetPattern();
  }
  console.log(
    `java differential: ${stats.patterns} patterns (${stats.refused} refused by Java), ${stats.strings} strings; ` +
      `${stats.setChecks} setPattern checks in JavaScript, ${stats.engineChecks} in the engine; ` +
      `${stats.budget} budget issues, ${stats.javaStack} Java stack overflows; ${failures.length} disagreements; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  assert.deepEqual(failures, [], `seed ${seed}: the package and java.util.regex disagree`);
  // Budget issues are the exception: far below one check in a hundred.
  assert.ok(stats.budget * 100 < stats.strings, `${stats.budget} budget issues in ${stats.strings} strings`);
});
