// Product formats and setPattern in Java's dialect, through the package as users import it
// (issue 15, decisions R14): every example of the issue, with Java 17's verdict (checked with
// java.util.regex), via validateProductReference, validate('UsageProduct', …) and setPattern;
// strings as UTF-16 with lone surrogates as themselves; the step budget as its own issue.
// tests/js/java-differential.test.mjs compares the same paths with Java on generated cases.

import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as eb from '../../pkg/node.mjs';
import { FIXTURES } from './support/fixtures.mjs';

const PRODUCT = FIXTURES.UsageProduct;
const SITE = FIXTURES.Site;

afterEach(() => eb.resetPattern());

/** Java's verdict for each example: [format, strings Java matches, strings it does not]. */
const VERDICTS = [
  // We used to match, Java does not.
  ['[[:alpha:]]+', [':', 'a:'], ['c']],
  ['a\\Z', ['a'], ['a\n']],
  ['(?m)^$', [], ['']],
  ['(?x)a\u00a0b', ['a\u00a0b'], ['ab']],
  ['(?i)[^\\p{Lu}]', ['1'], ['a', 'A']],
  ['\\uFFFD', ['\uFFFD'], ['\uD800']],
  // Java matches, we did not.
  ['[a&&]', ['a'], ['b']],
  ['(?d).', ['\r'], ['\n']],
  ['(?i)\\p{Lu}', ['a', 'A'], ['1']],
  ['[--0]', ['/', '-', '0'], ['1']],
  // Java compiles, we refused.
  ['\\p{IsLatin}+', ['abcé'], ['αβ', 'a1']],
  ['\\p{InGreek}', ['α'], ['a']],
  ['\\p{IsAlphabetic}\\p{javaDigit}', ['a٣'], ['aa']],
  ['\\p{sc=Latn}\\p{blk=Basic Latin}', ['éa'], ['éé']],
  ['(?u)(?i)é', ['É'], ['e']],
  ['(?U)\\w+', ['é٣'], ['-']],
  ['a++b', ['aab'], ['ab c']],
  ['(?>a|ab)c', ['ac'], ['abc']],
  ['(?=[a-z]{3})[a-c]+x', ['abcx', 'abx'], ['ax']],
  ['(?<=a)b|ab', ['ab'], ['b']],
  ['(a+)-\\1', ['aa-aa'], ['aa-a']],
  ['(?<n>[0-9])\\k<n>', ['77'], ['78']],
  ['\\Ga', ['a'], ['b']],
  ['\\X', ['e\u0301'], ['ab']],
  ['\\N{CJK UNIFIED IDEOGRAPHS 4E2D}', ['中'], ['b']],
  ['a{0,65536}', ['', 'aaa'], ['b']],
  ['(?i)(?<n>a)', ['A'], ['b']],
  ['[\\w-.]+', ['a-.', '_'], ['+']],
  // Leaked an internal message ("make sure the unicode-case feature is enabled").
  ['(?x)( ?i)a', ['A', 'a'], ['b']],
];

/** Formats Java refuses, with its PatternSyntaxException description and index. */
const REFUSED = [
  ['\\p{Letter}', 'Unknown character property name {Letter} near index 9'],
  ['(?<a_b>x)', "named capturing group is missing trailing '>' near index 4"],
  ['a**', "Dangling meta character '*' near index 2"],
  ['[&&]', 'Bad class syntax near index 2'],
];

const referenceIssue = (format, s) => eb.validateProductReference(format, s).errors.map((e) => `${e.path} ${e.code}`);

test('validateProductReference gives Java’s verdict on every example of issue 15', () => {
  for (const [format, yes, no] of VERDICTS) {
    for (const s of yes) assert.deepEqual(referenceIssue(format, s), [], `${format} should match ${JSON.stringify(s)}`);
    for (const s of no) assert.deepEqual(referenceIssue(format, s), ['/reference pattern'], `${format} should not match ${JSON.stringify(s)}`);
  }
});

test('a format Java refuses is a format issue in Java’s words; one it compiles is valid', () => {
  for (const [format, reason] of REFUSED) {
    const r = eb.validateProductReference(format, 'x');
    assert.deepEqual(r.errors, [
      { path: '/format', code: 'format', params: { format: 'regex', reason }, message: `format is not a usable regular expression: ${reason}.` },
    ]);
    const v = eb.validate('UsageProduct', { ...PRODUCT, productReferenceFormat: format });
    assert.deepEqual(v.errors.map((e) => [e.path, e.code, e.params.reason]), [['/productReferenceFormat', 'format', reason]]);
    assert.throws(() => eb.setPattern('NAME_CURLY', format), (e) => e.message.includes(reason));
  }
  for (const [format] of VERDICTS) {
    assert.deepEqual(eb.validate('UsageProduct', { ...PRODUCT, productReferenceFormat: format }).errors, [], format);
  }
});

test('setPattern compiles and matches in Java’s dialect, in the JavaScript validators and the engine', () => {
  for (const [format, yes, no] of VERDICTS) {
    eb.setPattern('NAME_CURLY', format);
    for (const [strings, expected] of [[yes, []], [no, ['/siteName pattern']]]) {
      for (const s of strings.filter((x) => x !== '')) {
        const site = { ...SITE, siteName: s };
        const issues = eb.validate('Site', site).errors.filter((e) => e.path === '/siteName').map((e) => `${e.path} ${e.code}`);
        assert.deepEqual(issues, expected, `${format} on ${JSON.stringify(s)} (JavaScript validators)`);
        if (/\p{Cs}/u.test(s)) continue;
        const report = eb.validateNdjson(JSON.stringify(site), 'Site');
        const engine = report.invalidLines.flatMap((l) => l.errors.filter((e) => e.path === '/siteName').map((e) => `${e.path} ${e.code}`));
        assert.deepEqual(engine, expected, `${format} on ${JSON.stringify(s)} (engine)`);
      }
    }
  }
});

test('strings cross into the engine as UTF-16: a lone surrogate is itself', () => {
  assert.deepEqual(referenceIssue('\\p{Cs}', '\uDC00'), []);
  assert.deepEqual(referenceIssue('.', '\uD83D\uDE00'), []);
  assert.deepEqual(referenceIssue('..', '\uD83D\uDE00'), ['/reference pattern']);
  // In the format too: a lone surrogate there is that code point.
  assert.deepEqual(referenceIssue('\uD800+', '\uD800\uD800'), []);
  assert.deepEqual(referenceIssue('\uD800+', '\uFFFD'), ['/reference pattern']);
  assert.deepEqual(eb.validate('UsageProduct', { ...PRODUCT, productReferenceFormat: '\uD800+' }).errors, []);
  // The issue names the surrogate itself, not U+FFFD, and keeps the format as given.
  const [issue] = eb.validateProductReference('[a-z\uDC00]+', 'a\uD800').errors;
  assert.deepEqual(issue.params, { pattern: 'PRODUCT_FORMAT', format: '[a-z\uDC00]+', character: '\uD800', index: 1 });
  assert.equal(issue.message, eb.formatMessage(issue));
  assert.ok(issue.message.includes('\uD800'), issue.message);
  // setPattern'd patterns, in the JavaScript validators (the engine matches the others).
  eb.setPattern('NAME_CURLY', '(?:\\uFFFD|x)+');
  const siteName = (name) => eb.validate('Site', { ...SITE, siteName: name }).errors.filter((e) => e.path === '/siteName');
  assert.deepEqual(siteName('x\uD800').map((e) => e.code), ['pattern']);
  assert.deepEqual(siteName('x\uFFFD'), []);
});

test('a match that runs out of steps is its own issue, never "does not match"', () => {
  const format = '(a|aa)+\\1?b';
  const r = eb.validateProductReference(format, 'a'.repeat(40));
  assert.deepEqual(r.errors.map((e) => [e.path, e.code, e.params]), [['/reference', 'pattern', { pattern: 'PRODUCT_FORMAT', format, reason: 'budget' }]]);
  assert.equal(
    r.errors[0].message,
    `reference could not be checked against the product's format ${format}: matching needs more steps than the limit allows, so whether the server accepts it is unknown. Simplify the format or shorten the value.`,
  );
  assert.deepEqual(referenceIssue(format, 'aab'), []);
  eb.setPattern('NAME_CURLY', format);
  const [issue] = eb.validate('Site', { ...SITE, siteName: 'a'.repeat(40) }).errors.filter((e) => e.path === '/siteName');
  assert.deepEqual([issue.path, issue.code, issue.params], ['/siteName', 'pattern', { pattern: 'NAME_CURLY', reason: 'budget' }]);
  assert.equal(
    issue.message,
    'Site name could not be checked against the pattern NAME_CURLY: matching needs more steps than the limit allows, so whether the server accepts it is unknown. Simplify the pattern or shorten the value.',
  );
});

test('exports of setPattern’d patterns: java-regex’s ECMAScript form, or a schema that accepts nothing', () => {
  eb.setPattern('NAME_CURLY', '[a-z\\-]+');
  assert.equal(eb.jsonSchema('Site').$defs['pattern.NAME_CURLY'].pattern, '^(?:[\\u{2D}\\u{61}-\\u{7A}]+)$');
  eb.setPattern('NAME_CURLY', '(?<=a)b|ab');
  const def = eb.jsonSchema('Site').$defs['pattern.NAME_CURLY'];
  assert.deepEqual(def.not, {});
  assert.equal(def.pattern, undefined);
  eb.resetPattern('NAME_CURLY');
  assert.ok(eb.jsonSchema('Site').$defs['pattern.NAME_CURLY'].pattern.startsWith('^(?:['));
});
