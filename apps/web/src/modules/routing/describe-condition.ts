import { CHANNEL_LOOKS } from '../workspace/channel-icon.tsx';
import {
  type ConditionModel,
  type ConditionRow,
  expressionToModel,
  OPERATOR_LABELS,
  WORKING_HOURS_FIELD,
} from './condition-model.ts';
import type { RoutingChoices } from './use-routing-choices.ts';

type Names = Pick<RoutingChoices, 'fields' | 'queueName' | 'tagName' | 'optionsOf'>;

function fieldLabel(field: string, names: Names): string {
  for (const group of names.fields) {
    const hit = group.items.find((o) => o.value === field);
    if (hit) return hit.label;
  }
  return field;
}

function valueLabel(row: ConditionRow, value: string, names: Names): string {
  if (row.field === 'message.channel')
    return CHANNEL_LOOKS[value as keyof typeof CHANNEL_LOOKS]?.label ?? value;
  if (row.field === 'conversation.tags')
    return names.tagName(value) === 'unknown' ? value : names.tagName(value);
  const option = names.optionsOf(row.field)?.find((o) => o.value === value);
  return option ? option.label : `“${value}”`;
}

function describeRow(row: ConditionRow, names: Names): string {
  if (row.field === WORKING_HOURS_FIELD) {
    return `${names.queueName(row.values[0] ?? '')} is ${row.op === 'outside' ? 'closed' : 'open'}`;
  }
  const values = row.values.map((v) => valueLabel(row, v, names)).join(', ');
  return `${fieldLabel(row.field, names)} ${OPERATOR_LABELS[row.op]} ${values}`;
}

/** One line for a rule list: "Message text contains any word of “invoice” AND …". */
export function describeModel(model: ConditionModel, names: Names): string {
  const groups = model.groups.map((g) => {
    const text = g.rows.map((r) => describeRow(r, names)).join(g.combinator === 'and' ? ' and ' : ' or ');
    return model.groups.length > 1 && g.rows.length > 1 ? `(${text})` : text;
  });
  return groups.join(model.combinator === 'and' ? ' AND ' : ' OR ');
}

export function describeExpression(expression: unknown, names: Names): string {
  const model = expressionToModel(expression);
  return model ? describeModel(model, names) : JSON.stringify(expression);
}
