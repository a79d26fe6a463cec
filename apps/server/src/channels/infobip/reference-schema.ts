import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

// Validates bodies against the Infobip reference schemas: the Messages API's
// (fixtures/messages-api-schemas.json) and the WhatsApp template registry's
// (fixtures/whatsapp-templates-schemas.json), copied verbatim from the references
// infobip-messages-api-openapi.json and infobip-whatsapp-openapi.json. Used by the fake provider, the tests and the built-in sandbox
// (channels/sandbox, on only when SANDBOX_PROVIDER is set); never on the path to a real provider.
// Two adjustments make the generated reference usable as a validator:
// - `oneOf` is read as `anyOf`: several alternatives overlap (a template message is also a valid
//   plain message), so strict oneOf rejects the reference's own examples.
// - `discriminator` is OpenAPI-only; JSON Schema ignores it, which would leave e.g. a TEXT body
//   without `text` unchecked. Each discriminated base gets a dispatching twin that applies the
//   mapped subschema by the discriminator value, and references to the base use the twin — except
//   the subschemas' own `allOf` link back to the base, which would otherwise recurse forever.

const REF_PREFIX = '#/components/schemas/';

type SchemaNode = Record<string, unknown>;
interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

// Each reference document prefixes its schema names with a hash of its source.
const MESSAGES_API = '899caf445aab842b03fe1d74e4afd7097f0161dae66538ffa05bba2f153d708f.';
const WHATSAPP = 'f7a48ff9966e7ac9fef5292e0b74f7ccc796492cacffd985bfded901992c414b.';

/** The reference schemas the adapter validates against, by their reference title, and where each lives. */
const SCHEMAS = {
  MessagesApiRequest: MESSAGES_API,
  ResponseEnvelopeMessageResponseMessageResponseDetails: MESSAGES_API,
  MessagesApiIncomingMessage: MESSAGES_API,
  MessagesApiDeliveryReportResponse: MESSAGES_API,
  MessagesApiSeenReport: MESSAGES_API,
  /** The answer of get-whatsapp-templates (`GET /whatsapp/2/senders/{sender}/templates`). */
  TemplatesApiResponse: WHATSAPP,
} as const;
export type ReferenceSchemaName = keyof typeof SCHEMAS;

const FIXTURES = ['messages-api-schemas.json', 'whatsapp-templates-schemas.json'];

function loadSchemas(fixture: string): Record<string, SchemaNode> {
  const file = new URL(`./fixtures/${fixture}`, import.meta.url);
  const document = JSON.parse(readFileSync(file, 'utf8'), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'oneOf' in value) {
      const { oneOf, ...rest } = value as SchemaNode;
      return { ...rest, anyOf: oneOf };
    }
    return value;
  }) as { components: { schemas: Record<string, SchemaNode> } };
  return document.components.schemas;
}

function rewriteRefs(node: unknown, targets: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item, targets);
  } else if (node && typeof node === 'object') {
    const record = node as SchemaNode;
    const replacement = typeof record.$ref === 'string' ? targets.get(record.$ref) : undefined;
    if (replacement !== undefined) record.$ref = replacement;
    for (const [key, value] of Object.entries(record))
      if (key !== 'discriminator') rewriteRefs(value, targets);
  }
}

function withDispatchingBases(schemas: Record<string, SchemaNode>): Record<string, SchemaNode> {
  const twins = new Map<string, string>();
  const bases: Array<[string, Discriminator]> = [];
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = schema.discriminator as Discriminator | undefined;
    if (discriminator?.mapping) {
      bases.push([name, discriminator]);
      twins.set(REF_PREFIX + name, `${REF_PREFIX}${name}.Dispatch`);
    }
  }
  rewriteRefs(schemas, twins);
  for (const [name, { propertyName, mapping }] of bases) {
    const baseRef = REF_PREFIX + name;
    for (const childRef of Object.values(mapping)) {
      const child = schemas[childRef.slice(REF_PREFIX.length)];
      for (const part of (child?.allOf as SchemaNode[] | undefined) ?? []) {
        if (part.$ref === twins.get(baseRef)) part.$ref = baseRef;
      }
    }
    schemas[`${name}.Dispatch`] = {
      allOf: [
        { $ref: baseRef },
        ...Object.entries(mapping).map(([value, ref]) => ({
          if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; this object is never awaited.
          then: { $ref: ref },
        })),
      ],
    };
  }
  return schemas;
}

let ajv: Ajv2020 | undefined;
const validators = new Map<ReferenceSchemaName, ValidateFunction>();

function validatorFor(name: ReferenceSchemaName): ValidateFunction {
  const cached = validators.get(name);
  if (cached) return cached;
  if (ajv === undefined) {
    // strict off: the reference carries OpenAPI keywords (discriminator, example, xml) ajv does not know.
    // Formats off: Infobip's own examples write offsets as "+0000", which RFC 3339 date-time rejects.
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const schemas = Object.assign({}, ...FIXTURES.map(loadSchemas)) as Record<string, SchemaNode>;
    ajv.addSchema({ $id: 'infobip', components: { schemas: withDispatchingBases(schemas) } });
  }
  const validate = ajv.getSchema(`infobip${REF_PREFIX}${SCHEMAS[name]}${name}`);
  if (validate === undefined) throw new Error(`Reference schema ${name} is missing from the fixtures`);
  validators.set(name, validate);
  return validate;
}

/** Checks a body against a reference schema; returns one "path: message" line per violation (empty when valid). */
export function referenceViolations(name: ReferenceSchemaName, body: unknown): string[] {
  const validate = validatorFor(name);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`,
  );
}
