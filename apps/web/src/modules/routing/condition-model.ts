import { parseRoutingExpression, type RoutingCondition, type RoutingExpression } from '@parley/contracts';

// The condition builder's model and its two-way mapping to the contracts' expression format. The
// builder edits "groups of rows": rows of a group are combined with the group's AND/OR, groups with
// the top-level AND/OR. Expressions that do not fit that shape are edited as JSON instead.

export type Combinator = 'and' | 'or';

/** What a row can test; `customer.<name>` fields read a customer attribute. */
export type FieldKey =
  | 'message.channel'
  | 'message.from'
  | 'message.to'
  | 'message.text'
  | 'conversation.tags';
export const WORKING_HOURS_FIELD = 'workingHours';

export type RowOperator =
  | 'eq'
  | 'neq'
  | 'in'
  | 'nin'
  | 'contains'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'within'
  | 'outside';

export interface ConditionRow {
  /** `message.*`, `conversation.tags`, `customer.<name>` or `workingHours`. */
  field: string;
  op: RowOperator;
  /** One value, or several (in/nin/contains); a queue id for working hours. */
  values: string[];
}

export interface ConditionGroup {
  combinator: Combinator;
  rows: ConditionRow[];
}

export interface ConditionModel {
  combinator: Combinator;
  groups: ConditionGroup[];
}

/**
 * How a field's values are written: the server compares a boolean attribute only with a boolean,
 * so yes/no attributes get `true`/`false`, number attributes numbers; everything else strings.
 */
export type ValueKind = 'text' | 'number' | 'boolean';
export type KindOf = (field: string) => ValueKind;
const allText: KindOf = () => 'text';

export const MULTI_VALUE_OPERATORS: readonly RowOperator[] = ['in', 'nin', 'contains'];

export const OPERATOR_LABELS: Record<RowOperator, string> = {
  eq: 'is',
  neq: 'is not',
  in: 'is any of',
  nin: 'is none of',
  contains: 'contains any of',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is greater than',
  gte: 'is at least',
  within: 'are open',
  outside: 'are closed',
};

/** The operators that make sense for a field. */
export function operatorsFor(field: string): RowOperator[] {
  if (field === WORKING_HOURS_FIELD) return ['within', 'outside'];
  if (field === 'message.channel' || field === 'conversation.tags') return ['in', 'nin'];
  if (field === 'message.text') return ['contains', 'eq', 'neq'];
  if (field === 'message.from' || field === 'message.to') return ['eq', 'neq', 'in', 'nin', 'contains'];
  return ['eq', 'neq', 'in', 'nin', 'contains', 'lt', 'lte', 'gt', 'gte'];
}

export const emptyRow = (field = 'message.text'): ConditionRow => ({
  field,
  op: operatorsFor(field)[0] ?? 'eq',
  values: [],
});

export const emptyModel = (): ConditionModel => ({
  combinator: 'and',
  groups: [{ combinator: 'and', rows: [emptyRow()] }],
});

const cleanValues = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== '');

/** A row is complete when it has what its operator needs. */
export function rowProblem(row: ConditionRow): string | null {
  const values = cleanValues(row.values);
  if (row.field === WORKING_HOURS_FIELD) return values[0] ? null : 'Choose a queue';
  if (values.length === 0) return 'Enter a value';
  if (!MULTI_VALUE_OPERATORS.includes(row.op) && values.length > 1) return 'Enter one value';
  return null;
}

function typed(value: string, kind: ValueKind): string | number | boolean {
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (kind === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return value;
}

function rowExpression(row: ConditionRow, kindOf: KindOf): RoutingExpression {
  const kind = kindOf(row.field);
  const values = cleanValues(row.values);
  const first = values[0] ?? '';
  if (row.field === WORKING_HOURS_FIELD) {
    const within = { $withinWorkingHours: { queueId: first } };
    return row.op === 'outside' ? { $not: within } : within;
  }
  switch (row.op) {
    case 'contains':
      return { $contains: { [row.field]: values } };
    case 'in':
    case 'nin':
      return { [`$${row.op}`]: { [row.field]: values.map((v) => typed(v, kind)) } };
    case 'within':
    case 'outside':
      throw new Error(`${row.op} applies to working hours only`);
    default:
      return { [`$${row.op}`]: { [row.field]: typed(first, kind) } };
  }
}

const combine = (combinator: Combinator, items: RoutingExpression[]): RoutingExpression =>
  items.length === 1 && items[0] ? items[0] : { [`$${combinator}`]: items };

/** The expression the builder stands for; null while some row is incomplete or there is none. */
export function modelToExpression(model: ConditionModel, kindOf: KindOf = allText): RoutingExpression | null {
  const groups = model.groups.filter((g) => g.rows.length > 0);
  if (groups.length === 0 || groups.some((g) => g.rows.some((r) => rowProblem(r) !== null))) return null;
  return combine(
    model.combinator,
    groups.map((g) =>
      combine(
        g.combinator,
        g.rows.map((r) => rowExpression(r, kindOf)),
      ),
    ),
  );
}

const str = (v: string | number | boolean) => String(v);

function conditionRow(c: RoutingCondition): ConditionRow | null {
  switch (c.kind) {
    case 'compare':
      return { field: c.field, op: c.op.slice(1) as RowOperator, values: [str(c.value)] };
    case 'set':
      return { field: c.field, op: c.op.slice(1) as RowOperator, values: c.values.map(str) };
    case 'contains':
      return { field: c.field, op: 'contains', values: c.keywords };
    case 'withinWorkingHours':
      return { field: WORKING_HOURS_FIELD, op: 'within', values: [c.queueId] };
    case 'not':
      return c.item.kind === 'withinWorkingHours'
        ? { field: WORKING_HOURS_FIELD, op: 'outside', values: [c.item.queueId] }
        : null;
    default:
      return null;
  }
}

function conditionGroup(c: RoutingCondition): ConditionGroup | null {
  if (c.kind === 'and' || c.kind === 'or') {
    const rows = c.items.map(conditionRow);
    return rows.every((r) => r !== null) ? { combinator: c.kind, rows: rows as ConditionRow[] } : null;
  }
  const row = conditionRow(c);
  return row ? { combinator: 'and', rows: [row] } : null;
}

/**
 * The builder model of an expression, or null when it does not fit groups of rows (or is invalid).
 * A top-level AND/OR of plain rows reads as one group; of groups, as several.
 */
export function expressionToModel(expression: unknown): ConditionModel | null {
  const parsed = parseRoutingExpression(expression);
  if (!parsed.ok) return null;
  const c = parsed.condition;
  const single = conditionGroup(c);
  if (single) return { combinator: 'and', groups: [single] };
  if (c.kind !== 'and' && c.kind !== 'or') return null;
  const groups = c.items.map(conditionGroup);
  return groups.every((g) => g !== null) ? { combinator: c.kind, groups: groups as ConditionGroup[] } : null;
}
