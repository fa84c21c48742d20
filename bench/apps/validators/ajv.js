// ajv + ajv-formats compiling the package's exported JSON Schema (jsonSchema('Site'), saved as
// site.schema.json) when the page loads, reporting every failing keyword.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from './site.schema.json';

// unicode: false counts lengths in UTF-16 code units, as the server does (ajv warns that the
// option is deprecated, hence no logger).
const ajv = new Ajv2020({ allErrors: true, strict: false, unicode: false, logger: false });
addFormats(ajv);
const validate = ajv.compile(schema);

export function check(site) {
  const valid = validate(site);
  return { valid, issues: valid ? [] : validate.errors.map((e) => ({ path: e.instancePath, message: e.message })) };
}
