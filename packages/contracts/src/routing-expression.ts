import { z } from 'zod';

// The routing condition grammar (docs/routing.md), in the reference's expression format. Parsed here
// so the server and the rules editor agree on what is valid; evaluated by the server.

/** The fields a condition can test. `customer.<name>` reads a customer attribute (or `name`). */
export const ROUTING_FIELDS = [
  'message.channel',
  'message.from',
  'message.to',
  'message.text',
  'conversation.tags',
] as const;
export const CUSTOMER_FIELD_PREFIX = 'customer.';

/** Comparison operators: `{ "$eq": { "<field>": value } }`; several fields in one object must all hold. */
export const COMPARISON_OPERATORS = ['$eq', '$neq', '$lt', '$lte', '$gt', '$gte'] as const;
/** Set operators: `{ "$in": { "<field>": [values] } }`. */
export const SET_OPERATORS = ['$in', '$nin'] as const;

export type Scalar = string | number | boolean;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type SetOperator = (typeof SET_OPERATORS)[number];

/** A parsed condition: what the server evaluates. */
export type RoutingCondition =
  | { kind: 'compare'; op: ComparisonOperator; field: string; value: Scalar }
  | { kind: 'set'; op: SetOperator; field: string; values: Scalar[] }
  | { kind: 'contains'; field: string; keywords: string[] }
  | { kind: 'and'; items: RoutingCondition[] }
  | { kind: 'or'; items: RoutingCondition[] }
  | { kind: 'not'; item: RoutingCondition }
  | { kind: 'withinWorkingHours'; queueId: string };

export type ParseResult =
  | { ok: true; condition: RoutingCondition }
  | { ok: false; path: string; message: string };

/** Deepest nesting accepted, so a hostile expression cannot exhaust the stack. */
export const MAX_EXPRESSION_DEPTH = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class GrammarError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function checkField(field: string, path: string): string {
  const known =
    (ROUTING_FIELDS as readonly string[]).includes(field) ||
    (field.startsWith(CUSTOMER_FIELD_PREFIX) && field.length > CUSTOMER_FIELD_PREFIX.length);
  if (!known) throw new GrammarError(path, `Unknown field ${field}`);
  return field;
}

function fieldsOf(op: string, arg: unknown, path: string): [string, unknown][] {
  if (!isObject(arg) || Object.keys(arg).length === 0) {
    throw new GrammarError(path, `${op} takes an object of field: value`);
  }
  return Object.entries(arg).map(([field, value]) => [checkField(field, `${path}.${field}`), value]);
}

const allOf = (items: RoutingCondition[]): RoutingCondition =>
  items.length === 1 && items[0] ? items[0] : { kind: 'and', items };

function parseOperator(op: string, arg: unknown, path: string, depth: number): RoutingCondition {
  if ((COMPARISON_OPERATORS as readonly string[]).includes(op)) {
    return allOf(
      fieldsOf(op, arg, path).map(([field, value]) => {
        if (!isScalar(value))
          throw new GrammarError(`${path}.${field}`, `${op} compares with a string, number or boolean`);
        return { kind: 'compare', op: op as ComparisonOperator, field, value };
      }),
    );
  }
  if ((SET_OPERATORS as readonly string[]).includes(op)) {
    return allOf(
      fieldsOf(op, arg, path).map(([field, values]) => {
        if (!Array.isArray(values) || !values.every(isScalar)) {
          throw new GrammarError(`${path}.${field}`, `${op} takes a list of values`);
        }
        return { kind: 'set', op: op as SetOperator, field, values };
      }),
    );
  }
  switch (op) {
    case '$contains':
      return allOf(
        fieldsOf(op, arg, path).map(([field, value]) => {
          const keywords = typeof value === 'string' ? [value] : value;
          if (
            !Array.isArray(keywords) ||
            keywords.length === 0 ||
            !keywords.every((k) => typeof k === 'string' && k.trim() !== '')
          ) {
            throw new GrammarError(`${path}.${field}`, '$contains takes a keyword or a list of keywords');
          }
          return { kind: 'contains', field, keywords: keywords.map((k: string) => k.trim()) };
        }),
      );
    case '$and':
    case '$or': {
      if (!Array.isArray(arg) || arg.length === 0)
        throw new GrammarError(path, `${op} takes a non-empty list of expressions`);
      const items = arg.map((item, i) => parseNode(item, `${path}[${i}]`, depth + 1));
      return { kind: op === '$and' ? 'and' : 'or', items };
    }
    case '$not':
      return { kind: 'not', item: parseNode(arg, path, depth + 1) };
    case '$withinWorkingHours': {
      const queueId = isObject(arg) ? arg.queueId : arg;
      if (typeof queueId !== 'string' || !UUID.test(queueId)) {
        throw new GrammarError(path, '$withinWorkingHours takes a queue id');
      }
      return { kind: 'withinWorkingHours', queueId: queueId.toLowerCase() };
    }
    default:
      throw new GrammarError(path, `Unknown operator ${op}`);
  }
}

function parseNode(node: unknown, path: string, depth: number): RoutingCondition {
  if (depth > MAX_EXPRESSION_DEPTH)
    throw new GrammarError(path, `Expressions nest at most ${MAX_EXPRESSION_DEPTH} deep`);
  if (!isObject(node) || Object.keys(node).length === 0) {
    throw new GrammarError(path, 'An expression is an object of one or more operators');
  }
  // Several operators in one object must all hold (the reference's rule).
  return allOf(Object.entries(node).map(([op, arg]) => parseOperator(op, arg, `${path}.${op}`, depth)));
}

/** Parses a routing expression; a refusal names the JSON path of the first problem. */
export function parseRoutingExpression(expression: unknown): ParseResult {
  try {
    return { ok: true, condition: parseNode(expression, '$', 0) };
  } catch (error) {
    if (error instanceof GrammarError) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}

/** A routing expression (JSON); valid when parseRoutingExpression accepts it. */
export const RoutingExpression = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const parsed = parseRoutingExpression(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.path}: ${parsed.message}` });
  })
  .describe('Condition in the reference expression format; grammar in docs/routing.md');
export type RoutingExpression = z.infer<typeof RoutingExpression>;
