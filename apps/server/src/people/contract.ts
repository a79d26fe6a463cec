import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// The persons operations of Infobip's People reference (fixtures/people-api.json: the
// /people/2/persons path and the components it uses, copied verbatim) as a test oracle: does a
// response body match the documented schema for its method and status? Used by tests only.

type Node = Record<string, unknown>;
interface Media {
  schema?: Node;
}
interface Response {
  $ref?: string;
  content?: Record<string, Media>;
}
interface Operation {
  responses: Record<string, Response>;
  requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> };
}
interface ReferenceDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Node>; responses: Record<string, Response> };
}

const DOCUMENT_ID = 'infobip-people';
const PATH = '/people/2/persons';

let loaded: { document: ReferenceDocument; ajv: Ajv2020 } | undefined;

/**
 * The reference types every custom attribute value as an object, while its own examples (and
 * Infobip's answers) hold strings, numbers and booleans ("Contract Expiry": "2018-06-01"). The
 * examples show what Infobip sends, so any JSON value is accepted there.
 */
function correctCustomAttributes(document: ReferenceDocument): void {
  const person = Object.entries(document.components.schemas).find(([name]) =>
    name.endsWith('.IamPersonV2'),
  )?.[1];
  const properties = person?.properties as Record<string, Node> | undefined;
  if (!properties?.customAttributes) throw new Error('The reference has no IamPersonV2.customAttributes');
  properties.customAttributes = { ...properties.customAttributes, additionalProperties: {} };
}

function load() {
  if (loaded) return loaded;
  const file = new URL('./fixtures/people-api.json', import.meta.url);
  // Local refs become refs into the registered document so an inline schema compiles on its own.
  const document = JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${DOCUMENT_ID}${value}` : value,
  ) as ReferenceDocument;
  correctCustomAttributes(document);
  // strict off: the reference carries OpenAPI keywords (example, readOnly, xml) that ajv does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('int32', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: document.components.schemas } });
  loaded = { document, ajv };
  return loaded;
}

/** The documented response for a status: the exact code, else its class (`4XX`, `5XX`). */
function responseFor(method: string, status: number): Response | undefined {
  const { document } = load();
  const operation = document.paths[PATH]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The reference documents no ${method} ${PATH}`);
  const response = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!response?.$ref) return response;
  return document.components.responses[response.$ref.split('/').pop() ?? ''];
}

const validators = new Map<string, ValidateFunction | null>();

/**
 * Checks a `/people/2/persons` response against the reference; returns one "path: message" line
 * per violation (empty when valid). An undocumented status is a violation; a documented one
 * without a JSON schema (DELETE's 200) accepts only an empty body.
 */
export function validatePersonsResponse(method: string, status: number, body: unknown): string[] {
  const key = `${method.toLowerCase()} ${status}`;
  if (!validators.has(key)) {
    const response = responseFor(method, status);
    if (!response) return [`status ${status} is not documented for ${method} ${PATH}`];
    const schema = Object.entries(response.content ?? {}).find(([type]) =>
      type.startsWith('application/json'),
    )?.[1]?.schema;
    validators.set(key, schema ? load().ajv.compile(schema) : null);
  }
  const validate = validators.get(key);
  if (!validate) return body === undefined ? [] : [`${method} ${status} documents no body`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}

/** The documented request body examples of a persons operation, by name. */
export function referenceRequestExamples(method: string): { name: string; value: unknown }[] {
  const operation = load().document.paths[PATH]?.[method.toLowerCase()];
  const examples = operation?.requestBody?.content?.['application/json']?.examples ?? {};
  return Object.entries(examples).map(([name, e]) => ({ name, value: e.value }));
}
