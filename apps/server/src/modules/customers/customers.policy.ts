import type { CustomerCardField, StandardField } from '@parley/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../conversations/conversations.policy.ts';

/** The profile fields a write really changes (values equal to the current ones are not changes). */
export interface ChangedFields {
  standard: readonly StandardField[];
  /** Attribute names in their definitions' spelling. */
  attributes: readonly string[];
}

/**
 * D6: supervisors choose per card field whether agents may only view it or also edit it. The
 * labels of the changed fields the card shows view-only; a field not on the card stays editable
 * by agents ("agents can edit profiles"), so the card's word is the only restriction.
 */
export function viewOnlyChanges(card: readonly CustomerCardField[], changed: ChangedFields): string[] {
  return card
    .filter((f) => !f.agentEditable)
    .filter((f) =>
      f.ref.kind === 'standard'
        ? changed.standard.includes(f.ref.field)
        : changed.attributes.includes(f.label),
    )
    .map((f) => f.label);
}

/**
 * Agents may not change a field the card shows view-only (403 `attribute_not_editable`, naming
 * them); supervisors and integrations may change everything.
 */
export function enforceCardEditing(
  actor: Actor,
  card: readonly CustomerCardField[],
  changed: ChangedFields,
): void {
  if (actor.kind !== 'agent') return;
  const refused = viewOnlyChanges(card, changed);
  if (refused.length === 0) return;
  const names = refused.map((l) => `"${l}"`).join(', ');
  throw new AppError(
    'attribute_not_editable',
    403,
    `Agents may only view ${names}: the customer card shows ${refused.length > 1 ? 'them' : 'it'} read-only`,
    { fields: refused },
  );
}
