import type { AttributeType } from '@parley/contracts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  countAttributeValues,
  type DefinitionRow,
  deleteDefinitionRow,
  findDefinitionForUpdate,
  insertDefinition,
  removeAttributeValues,
  renameAttributeValues,
  updateDefinitionRow,
} from './customer-attributes.repo.ts';
import { refreshSearchText } from './customers.repo.ts';

async function unlessNameTaken<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An attribute named "${name}" already exists`);
    throw error;
  }
}

const payload = (d: DefinitionRow) => ({ id: d.id, name: d.name, type: d.type, options: d.options });

/** A supervisor defines a custom attribute (D6); names are unique ignoring case. */
export function createAttributeDefinition(
  events: Events,
  input: { name: string; type: AttributeType; options: string[] },
): Promise<DefinitionRow> {
  return events.transact(async ({ tx, emit }) => {
    const created = await unlessNameTaken(input.name, () => insertDefinition(tx, input));
    emit('customer_attribute.created', payload(created));
    return created;
  });
}

/**
 * Renames an attribute — every profile's value moves to the new name in the same transaction — or
 * replaces a list's options. Removing an option some profile still holds is refused with `conflict`
 * (naming how many), so no profile is left with a value outside its list.
 */
export function updateAttributeDefinition(
  events: Events,
  id: string,
  patch: { name?: string; options?: string[] },
): Promise<DefinitionRow> {
  return events.transact(async ({ tx, emit }) => {
    const current = await findDefinitionForUpdate(tx, id);
    if (!current) throw notFound('Attribute');
    if (patch.options && current.type !== 'list') {
      throw new AppError('validation_failed', 400, `"${current.name}" is not a list: it has no options`);
    }
    if (patch.options) {
      const removed = current.options.filter((o) => !patch.options?.includes(o));
      const used = await countAttributeValues(tx, current.name, removed);
      if (used.size > 0) {
        const list = [...used].map(([option, n]) => `"${option}" (${n} customers)`).join(', ');
        throw conflict(`Options still in use cannot be removed: ${list}`, { options: [...used.keys()] });
      }
    }
    const name = patch.name ?? current.name;
    const updated = await unlessNameTaken(name, () =>
      updateDefinitionRow(tx, id, { name, options: patch.options ?? current.options }),
    );
    if (name !== current.name) await renameAttributeValues(tx, current.name, name);
    emit('customer_attribute.updated', payload(updated));
    return updated;
  });
}

/** Deletes an attribute with every profile's value of it; the card stops showing it. */
export function deleteAttributeDefinition(events: Events, id: string): Promise<void> {
  return events.transact(async ({ tx, emit }) => {
    const current = await findDefinitionForUpdate(tx, id);
    if (!current) throw notFound('Attribute');
    const touched = await removeAttributeValues(tx, current.name);
    await refreshSearchText(tx, touched);
    await deleteDefinitionRow(tx, id);
    emit('customer_attribute.deleted', { id, name: current.name });
  });
}
