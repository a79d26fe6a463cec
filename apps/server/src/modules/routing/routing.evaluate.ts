import {
  CUSTOMER_FIELD_PREFIX,
  type Priority,
  parseRoutingExpression,
  type RoutingCondition,
  type RuleEvaluation,
  type Scalar,
} from '@parley/contracts';

// The pure D4 routing decision: conditions over the facts of a conversation, first enabled match wins.

/** What the conditions of a rule can see about a conversation. */
export interface RoutingFacts {
  channel: string | null;
  /** The customer's address (sender). */
  from: string | null;
  /** Our address (destination). */
  to: string | null;
  text: string;
  /** The customer's standard fields (name, city, country, gender) and attributes by name; null for an unknown sender. */
  customer: Record<string, unknown> | null;
  /** The conversation's tags, by id and by name. */
  tags: { id: string; name: string }[];
}

/** Answers `$withinWorkingHours` and `routeOnlyDuringWorkingHours` for a queue. */
export type OpenCheck = (queueId: string) => boolean;

type FieldValue = Scalar | Scalar[] | undefined;

function fieldValue(field: string, facts: RoutingFacts): FieldValue {
  switch (field) {
    case 'message.channel':
      return facts.channel ?? undefined;
    case 'message.from':
      return facts.from ?? undefined;
    case 'message.to':
      return facts.to ?? undefined;
    case 'message.text':
      return facts.text;
    case 'conversation.tags':
      return facts.tags.flatMap((t) => [t.id, t.name]);
  }
  const value = facts.customer?.[field.slice(CUSTOMER_FIELD_PREFIX.length)];
  if (Array.isArray(value)) return value.filter(isScalar);
  return isScalar(value) ? value : undefined;
}

const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');

/** Equality: strings ignore case; a numeric string equals its number. */
function equals(a: Scalar, b: Scalar): boolean {
  if (typeof a === 'string' && typeof b === 'string') return fold(a) === fold(b);
  if (typeof a === 'number' || typeof b === 'number')
    return asNumber(a) !== null && asNumber(a) === asNumber(b);
  return a === b;
}

function asNumber(v: Scalar): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Ordering: numbers numerically, strings (ISO dates sort right) by code point; otherwise unordered. */
function order(a: Scalar, b: Scalar): number | null {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x !== null && y !== null) return x - y;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

const ORDER_TESTS = {
  $lt: (c: number) => c < 0,
  $lte: (c: number) => c <= 0,
  $gt: (c: number) => c > 0,
  $gte: (c: number) => c >= 0,
} as const;

const WORD = /[\p{L}\p{N}]/u;

/** A keyword (or phrase) found as whole words in the text, ignoring case. */
export function containsKeyword(text: string, keyword: string): boolean {
  const haystack = fold(text);
  const needle = fold(keyword);
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after)))
      return true;
  }
  return false;
}

/** Evaluates a parsed condition. A list field (tags) matches when any element does; a missing value never equals. */
export function evaluateCondition(cond: RoutingCondition, facts: RoutingFacts, isOpen: OpenCheck): boolean {
  switch (cond.kind) {
    case 'and':
      return cond.items.every((c) => evaluateCondition(c, facts, isOpen));
    case 'or':
      return cond.items.some((c) => evaluateCondition(c, facts, isOpen));
    case 'not':
      return !evaluateCondition(cond.item, facts, isOpen);
    case 'withinWorkingHours':
      return isOpen(cond.queueId);
    case 'contains': {
      const values = asList(fieldValue(cond.field, facts));
      return values.some((v) => cond.keywords.some((k) => containsKeyword(String(v), k)));
    }
    case 'set': {
      const values = asList(fieldValue(cond.field, facts));
      const hit = values.some((v) => cond.values.some((w) => equals(v, w)));
      return cond.op === '$in' ? hit : !hit;
    }
    case 'compare': {
      const values = asList(fieldValue(cond.field, facts));
      if (cond.op === '$eq') return values.some((v) => equals(v, cond.value));
      if (cond.op === '$neq') return !values.some((v) => equals(v, cond.value));
      const test = ORDER_TESTS[cond.op];
      return values.some((v) => {
        const c = order(v, cond.value);
        return c !== null && test(c);
      });
    }
  }
}

const asList = (v: FieldValue): Scalar[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A rule as the decision needs it. */
export interface DecisionRule {
  id: string | null;
  name: string;
  enabled: boolean;
  expression: unknown;
  queueId: string;
  priority: Priority;
  tagIds: string[];
  botId: string | null;
  routeOnlyDuringWorkingHours: boolean;
}

export interface RuleOutcome<R extends DecisionRule> {
  /** The first enabled matching rule, or null (the Default queue, NORMAL priority). */
  matched: R | null;
  matchedOrder: number | null;
  evaluations: RuleEvaluation[];
}

/**
 * D4: rules are tried in order; a disabled rule is skipped, a rule limited to working hours is
 * skipped while its queue is closed, the first whose condition holds wins. A stored expression
 * that no longer parses (grammar changed) never matches.
 */
export function decideRoute<R extends DecisionRule>(
  rules: readonly R[],
  facts: RoutingFacts,
  isOpen: OpenCheck,
): RuleOutcome<R> {
  let matched: R | null = null;
  let matchedOrder: number | null = null;
  const evaluations = rules.map((rule, i): RuleEvaluation => {
    const base = { order: i + 1, ruleId: rule.id, name: rule.name };
    if (matched) return { ...base, outcome: 'NOT_TRIED' };
    if (!rule.enabled) return { ...base, outcome: 'DISABLED' };
    if (rule.routeOnlyDuringWorkingHours && !isOpen(rule.queueId)) {
      return { ...base, outcome: 'OUTSIDE_WORKING_HOURS' };
    }
    const parsed = parseRoutingExpression(rule.expression);
    if (!parsed.ok || !evaluateCondition(parsed.condition, facts, isOpen)) {
      return { ...base, outcome: 'NOT_MATCHED' };
    }
    matched = rule;
    matchedOrder = i + 1;
    return { ...base, outcome: 'MATCHED' };
  });
  return { matched, matchedOrder, evaluations };
}
