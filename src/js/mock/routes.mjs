// The mock's routes, read from the package's own OpenAPI document (`openApiDocument()`), so
// the mock serves exactly the endpoints the client has and never restates the endpoint table.
// Each route: method, the client's resource and operation (from `operationId`, `sites.list`),
// the full path pattern (API base path + documented path), the request body's schema name,
// the schema of the records it returns, and the special request headers it takes.

/** `#/components/schemas/Site` → `Site`. */
const refName = (schema) => (schema && typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined);

/** The schema name of a JSON response's records (an array's items for lists). */
function recordSchema(operation) {
  for (const status of ['200', '201']) {
    const schema = operation.responses?.[status]?.content?.['application/json']?.schema;
    if (schema) return refName(schema.type === 'array' ? schema.items : schema);
  }
  return undefined;
}

/**
 * @param {any} doc  the OpenAPI 3.1 document of the package
 * @returns {{ routes: Route[], headers: string[], resources: Map<string, { collection: string, schema?: string }> }}
 */
export function readRoutes(doc) {
  const routes = [];
  const headers = new Set();
  const resources = new Map();
  for (const [path, item] of Object.entries(doc.paths)) {
    // Each path item names its API's server: `{host}/v1`.
    const base = String(item.servers?.[0]?.url ?? '').replace('{host}', '');
    const template = `${base}${path}`;
    const params = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`);
    const collection = template.split('/{')[0];
    for (const method of ['get', 'head', 'post', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const [resource, action] = String(op.operationId).split('.');
      const body = refName(Object.values(op.requestBody?.content ?? {})[0]?.schema);
      const records = recordSchema(op);
      for (const p of op.parameters ?? []) if (p.in === 'header') headers.add(p.name);
      routes.push({ method: method.toUpperCase(), resource, action, path, template, pattern, params, body, records, collection });
      const known = resources.get(resource) ?? { collection, schema: undefined };
      known.schema ??= records;
      resources.set(resource, known);
    }
  }
  return { routes, headers: [...headers], resources };
}

/**
 * @typedef {{ method: string, resource: string, action: string, path: string, template: string,
 *   pattern: RegExp, params: string[], body?: string, records?: string, collection: string }} Route
 */
