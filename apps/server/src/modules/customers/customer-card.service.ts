import {
  type CardFieldSetting,
  type CustomerCardConfig,
  type CustomerCardField,
  standardFieldRule,
} from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { listCardFields, listDefinitions, replaceCardFields } from './customer-attributes.repo.ts';

/** The customer card configuration as the card shows it: each field with its label, type and options. */
export async function getCustomerCard(orm: Orm): Promise<CustomerCardConfig> {
  const [rows, definitions] = await Promise.all([listCardFields(orm), listDefinitions(orm)]);
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const fields = rows.flatMap((row): CustomerCardField[] => {
    const common = { section: row.section, agentEditable: row.agentEditable };
    if (row.standardField) {
      const rule = standardFieldRule(row.standardField);
      return [
        {
          ...common,
          ref: { kind: 'standard', field: row.standardField },
          label: rule.name,
          type: rule.type,
          options: rule.options,
        },
      ];
    }
    const definition = row.attributeId ? byId.get(row.attributeId) : undefined;
    if (!definition) return [];
    return [
      {
        ...common,
        ref: { kind: 'custom', attributeId: definition.id },
        label: definition.name,
        type: definition.type,
        options: definition.options,
      },
    ];
  });
  return { fields };
}

/**
 * A supervisor replaces the card configuration (D6): at most five basic fields (the contract
 * checks it), any number of additional ones, each view-only or editable by agents.
 */
export function setCustomerCard(events: Events, fields: readonly CardFieldSetting[]): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const known = new Set((await listDefinitions(tx)).map((d) => d.id));
    const missing = fields.flatMap((f) =>
      f.ref.kind === 'custom' && !known.has(f.ref.attributeId) ? [f.ref.attributeId] : [],
    );
    if (missing.length > 0) {
      throw new AppError('validation_failed', 400, `No attribute with id ${missing.join(', ')}`);
    }
    const positions = { basic: 0, additional: 0 };
    await replaceCardFields(
      tx,
      fields.map((f) => ({
        attributeId: f.ref.kind === 'custom' ? f.ref.attributeId : null,
        standardField: f.ref.kind === 'standard' ? f.ref.field : null,
        section: f.section,
        position: positions[f.section]++,
        agentEditable: f.agentEditable,
      })),
    );
    emit('customer_card.configured', { fields: fields.length });
  });
}
