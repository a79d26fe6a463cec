import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// The Infobip Conversations reference (fixtures/conversations-api.json: the /ccaas/1 paths and the
// components they use, copied verbatim) as a test oracle: which operations exist, what their
// documented request examples are, and whether a response body matches the documented schema.
// Used by tests only, never in production.

/** An HTTP method as the reference spells it (lower case). */
export type ReferenceMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented operation. */
export interface ReferenceOperation {
  method: ReferenceMethod;
  /** Path template as documented, e.g. `/ccaas/1/agents/{agentId}`. */
  path: string;
  operationId: string;
}

/** One documented request body example. */
export interface RequestExample {
  name: string;
  value: unknown;
}

type Node = Record<string, unknown>;
interface MediaType {
  schema?: Node;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface OperationObject {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { $ref?: string; content?: Record<string, MediaType> }>;
}
interface ReferenceDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, Node>;
    responses: Record<string, { content?: Record<string, MediaType> }>;
  };
}

const DOCUMENT_ID = 'infobip-conversations';
const METHODS: readonly ReferenceMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

// Lenient formats: Infobip's own examples write offsets as "+0000", which RFC 3339 rejects; the
// check still catches what matters (a date-time that is not a timestamp at all).
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

let loaded: { document: ReferenceDocument; ajv: Ajv2020 } | undefined;

function load(): { document: ReferenceDocument; ajv: Ajv2020 } {
  if (loaded) return loaded;
  const file = new URL('./fixtures/conversations-api.json', import.meta.url);
  // Local refs become refs into the registered document so an inline schema compiles on its own.
  const document = JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : value,
  ) as ReferenceDocument;
  // strict off: the reference carries OpenAPI keywords (example, readOnly, xml) that ajv does not know.
  // OpenAPI 3.0 `nullable: true` is understood by ajv itself.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date-time', DATE_TIME);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('int32', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: document.components.schemas } });
  loaded = { document, ajv };
  return loaded;
}

function* allOperations(document: ReferenceDocument): Generator<[ReferenceOperation, OperationObject]> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation)
        yield [{ method, path, operationId: operation.operationId ?? `${method} ${path}` }, operation];
    }
  }
}

// `{agentId}` and Fastify's `:agentId` both stand for "one path segment", whatever the name.
const shapeOf = (path: string) => path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+/g, '{}');

function findOperation(method: string, pathTemplate: string): OperationObject {
  const { document } = load();
  const wanted = shapeOf(pathTemplate);
  for (const [operation, object] of allOperations(document)) {
    if (operation.method === method.toLowerCase() && shapeOf(operation.path) === wanted) return object;
  }
  throw new Error(`The reference documents no ${method.toUpperCase()} ${pathTemplate}`);
}

const jsonMedia = (content: Record<string, MediaType> | undefined): MediaType | undefined =>
  Object.entries(content ?? {}).find(([type]) => type.startsWith('application/json'))?.[1];

const jsonTypeOf = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? 'number'
        : typeof value;

/**
 * A few responses declare a top-level type their own examples contradict (get-metadata: `string`,
 * with object examples). The examples show what Infobip actually sends, so their type wins there.
 */
function correctedSchema(media: MediaType): Node | undefined {
  const schema = media.schema;
  const examples = Object.values(media.examples ?? {}).map((e) => e.value);
  if (!schema || typeof schema.type !== 'string' || examples.length === 0) return schema;
  const types = new Set(examples.map(jsonTypeOf));
  const [type] = types;
  const contradicted =
    types.size === 1 && type !== schema.type && !(type === 'number' && schema.type === 'integer');
  return contradicted ? { type } : schema;
}

function responseSchema(object: OperationObject, status: number): Node | 'undocumented' | undefined {
  const response = object.responses?.[String(status)];
  if (!response) return 'undocumented';
  const resolved = response.$ref
    ? load().document.components.responses[response.$ref.split('/').pop() ?? '']
    : response;
  const media = jsonMedia(resolved?.content);
  return media && correctedSchema(media);
}

const validators = new Map<string, ValidateFunction | null>();

/**
 * Checks a response against the documented schema of that operation and status; returns one
 * "path: message" line per violation (empty when valid). An undocumented status is a violation;
 * a documented status without a JSON schema accepts any body.
 */
export function validateResponse(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
): string[] {
  const key = `${method.toLowerCase()} ${shapeOf(pathTemplate)} ${status}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const schema = responseSchema(findOperation(method, pathTemplate), status);
    if (schema === 'undocumented')
      return [`status ${status} is not documented for ${method} ${pathTemplate}`];
    validate = schema ? load().ajv.compile(schema) : null;
    validators.set(key, validate);
  }
  if (validate === null || validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const allowed =
      error.params && 'allowedValues' in error.params ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
    return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${allowed}`;
  });
}

/**
 * The documented request body examples of an operation: its named examples, else its single
 * example, else the example of its body schema. Empty when the operation takes no body.
 */
export function requestExamples(operationId: string): RequestExample[] {
  const { document } = load();
  const found = [...allOperations(document)].find(([operation]) => operation.operationId === operationId);
  if (!found) throw new Error(`The reference documents no operation ${operationId}`);
  const media = jsonMedia(found[1].requestBody?.content);
  if (!media) return [];
  if (media.examples) {
    return Object.entries(media.examples).map(([name, example]) => ({ name, value: example.value }));
  }
  if (media.example !== undefined) return [{ name: 'example', value: media.example }];
  const ref = media.schema?.$ref;
  const schema =
    typeof ref === 'string' ? document.components.schemas[ref.split('/').pop() ?? ''] : media.schema;
  return schema && 'example' in schema ? [{ name: 'schema example', value: schema.example }] : [];
}

/** Every documented operation whose path starts with the prefix (e.g. `/ccaas/1/agents`). */
export function operationsUnder(prefix: string): ReferenceOperation[] {
  return [...allOperations(load().document)]
    .map(([operation]) => operation)
    .filter((o) => o.path.startsWith(prefix));
}
