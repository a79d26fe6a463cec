import { CUSTOMER_LIMITS, type Gender, STANDARD_FIELDS } from '@parley/contracts';
import { eq } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import type { Actor } from '../conversations/conversations.policy.ts';
import { conversations } from '../conversations/conversations.schema.ts';
import { emitConversation } from '../conversations/conversations.service.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { listDefinitions } from './customer-attributes.repo.ts';
import { getCustomerCard } from './customer-card.service.ts';
import { addDestinations, replaceDestinations } from './customer-destinations.ts';
import {
  applyAttributes,
  checkAttributes,
  type Destination,
  distinctDestinations,
  distinctTags,
  refuseProblems,
} from './customer-values.ts';
import { enforceCardEditing } from './customers.policy.ts';
import {
  type CustomerNameKey,
  type CustomerRow,
  type CustomerValues,
  type DestinationRow,
  deleteCustomerRow,
  findCustomerById,
  insertCustomer,
  listDestinations,
  listTags,
  lockCustomers,
  refreshSearchText,
  replaceTags,
  searchCustomerRows,
  updateCustomerRow,
} from './customers.repo.ts';

/** A customer profile with its destinations and tags. */
export interface CustomerProfile extends CustomerRow {
  destinations: DestinationRow[];
  tags: string[];
}

/** Profile fields as a write path gives them; absent ones stay, null clears. */
export interface CustomerInput {
  name?: string | null;
  gender?: Gender | null;
  city?: string | null;
  country?: string | null;
  /** Values by attribute name, checked against the definitions; null clears one. */
  attributes?: Record<string, unknown>;
  /** Replaces the profile's addresses. */
  destinations?: Destination[];
  /** Replaces the profile's tags. */
  tags?: string[];
  /** The People API's external id; unique. */
  externalId?: string | null;
}

export interface NewCustomerInput extends CustomerInput {
  name: string | null;
  destinations: Destination[];
}

/** The profiles with their destinations and tags, in the order given. */
export async function withDetails(orm: Orm, rows: readonly CustomerRow[]): Promise<CustomerProfile[]> {
  const ids = rows.map((r) => r.id);
  const [destinations, tags] = await Promise.all([listDestinations(orm, ids), listTags(orm, ids)]);
  return rows.map((r) => ({
    ...r,
    destinations: destinations.filter((d) => d.customerId === r.id),
    tags: tags.filter((t) => t.customerId === r.id).map((t) => t.name),
  }));
}

async function loadProfile(orm: Orm, id: string): Promise<CustomerProfile> {
  const row = await findCustomerById(orm, id);
  if (!row) throw notFound('Customer');
  const [profile] = await withDetails(orm, [row]);
  if (!profile) throw notFound('Customer');
  return profile;
}

async function unlessExternalIdTaken<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another customer has this external id');
    throw error;
  }
}

/**
 * Checks the input's attribute values and the profile limits (at most CUSTOMER_LIMITS.destinations
 * addresses and CUSTOMER_LIMITS.tags tags, whichever path writes: web, People API, CSV import);
 * every problem reported at once (400). Addresses are taken as given: the boundaries normalise
 * typed ones (contracts, CSV, People API), while the agent's "+" and inbound paths keep the address
 * exactly as the conversation's thread has it.
 */
async function checkInput(tx: Orm, input: CustomerInput) {
  const attributes =
    input.attributes && Object.keys(input.attributes).length > 0
      ? checkAttributes(await listDefinitions(tx), input.attributes)
      : { value: {}, problems: [] };
  const destinations = input.destinations && distinctDestinations(input.destinations);
  const tags = input.tags && distinctTags(input.tags);
  const problems = [...attributes.problems];
  if (destinations && destinations.length > CUSTOMER_LIMITS.destinations)
    problems.push(
      `A profile has at most ${CUSTOMER_LIMITS.destinations} destinations (${destinations.length} given)`,
    );
  if (tags && tags.length > CUSTOMER_LIMITS.tags)
    problems.push(`A profile has at most ${CUSTOMER_LIMITS.tags} tags (${tags.length} given)`);
  refuseProblems(problems);
  return { attributes: attributes.value, destinations, tags };
}

/** A blank place is no place. */
const place = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/** The standard fields of the input as stored: absent stays absent, blank becomes null. */
const standardOf = (input: CustomerInput) => ({
  gender: input.gender,
  city: place(input.city),
  country: place(input.country),
});

/**
 * Creates a profile (D6); an address another profile owns is refused with `conflict` naming it.
 * An agent may not give a value to a field the customer card shows view-only (403
 * `attribute_not_editable`), as when editing. Internal callers that set no card field (inbound
 * recognition, the agent's "+" with a name and an address) pass no actor.
 * Runs inside a caller's transaction when given joined events (the agent's "+", CSV import).
 */
export function createCustomer(
  events: Events,
  input: NewCustomerInput,
  actor?: Actor,
): Promise<CustomerProfile> {
  return events.transact(async ({ tx, emit }) => {
    const checked = await checkInput(tx, input);
    const standard = standardOf(input);
    if (actor) {
      enforceCardEditing(actor, (await getCustomerCard(tx)).fields, {
        standard: STANDARD_FIELDS.filter((f) => standard[f] !== undefined && standard[f] !== null),
        attributes: Object.keys(checked.attributes).filter((name) => checked.attributes[name] !== null),
      });
    }
    const customer = await unlessExternalIdTaken(() =>
      insertCustomer(tx, {
        name: input.name,
        gender: standard.gender ?? null,
        city: standard.city ?? null,
        country: standard.country ?? null,
        attributes: applyAttributes({}, checked.attributes),
        externalId: input.externalId ?? null,
      }),
    );
    await addDestinations(tx, customer.id, checked.destinations ?? []);
    await replaceTags(tx, customer.id, checked.tags ?? []);
    await refreshSearchText(tx, [customer.id]);
    emit('customer.created', { id: customer.id, name: customer.name });
    return loadProfile(tx, customer.id);
  });
}

/**
 * Changes a profile. Agents may not change what the customer card shows view-only
 * (`attribute_not_editable`); values equal to the current ones are no change and need no right.
 * `change` may be computed from the profile as locked in the transaction (the People API's PATCH
 * appends tags and addresses), so concurrent writes cannot lose each other's changes.
 */
export function updateCustomer(
  events: Events,
  actor: Actor,
  id: string,
  change: CustomerInput | ((current: CustomerProfile) => CustomerInput),
): Promise<CustomerProfile> {
  return events.transact(async ({ tx, emit }) => {
    const [current] = await lockCustomers(tx, [id]);
    if (!current) throw notFound('Customer');
    const input =
      typeof change === 'function'
        ? change((await withDetails(tx, [current]))[0] as CustomerProfile)
        : change;
    const checked = await checkInput(tx, input);
    const attributes = applyAttributes(current.attributes, checked.attributes);
    const changedAttributes = Object.keys(checked.attributes).filter(
      (name) => (current.attributes[name] ?? null) !== (attributes[name] ?? null),
    );
    const standard = standardOf(input);
    const changedStandard = STANDARD_FIELDS.filter(
      (f) => standard[f] !== undefined && standard[f] !== current[f],
    );
    enforceCardEditing(actor, (await getCustomerCard(tx)).fields, {
      standard: changedStandard,
      attributes: changedAttributes,
    });
    const values: CustomerValues = { attributes };
    if (input.name !== undefined) values.name = input.name;
    for (const f of changedStandard) Object.assign(values, { [f]: standard[f] });
    if (input.externalId !== undefined) values.externalId = input.externalId;
    await unlessExternalIdTaken(() => updateCustomerRow(tx, id, values));
    if (checked.destinations) await replaceDestinations(tx, id, checked.destinations);
    if (checked.tags) await replaceTags(tx, id, checked.tags);
    await refreshSearchText(tx, [id]);
    emit('customer.updated', { id, actor });
    return loadProfile(tx, id);
  });
}

/**
 * Deletes a profile with its addresses and tags. Its conversations stay, with their addresses, as
 * conversations of an unknown customer (D6); open views hear of it through `conversation.updated`.
 */
export function deleteCustomer(events: Events, actor: Actor, id: string): Promise<void> {
  return events.transact(async (scope) => {
    const [current] = await lockCustomers(scope.tx, [id]);
    if (!current) throw notFound('Customer');
    const orphaned = await scope.tx.select().from(conversations).where(eq(conversations.customerId, id));
    await deleteCustomerRow(scope.tx, id);
    for (const conv of orphaned) {
      emitConversation(scope, 'conversation.updated', { ...conv, customerId: null }, actor, {
        changes: { customerId: null },
      });
    }
    scope.emit('customer.deleted', { id, name: current.name, actor });
  });
}

/** One profile with its destinations and tags. */
export function getCustomer(orm: Orm, id: string): Promise<CustomerProfile> {
  return loadProfile(orm, id);
}

/** Search by part of a name, place, address, tag or attribute value; `after` pages on (keyset). */
export async function searchCustomers(
  orm: Orm,
  query: string,
  limit = 20,
  after?: CustomerNameKey,
): Promise<CustomerProfile[]> {
  return withDetails(orm, await searchCustomerRows(orm, query.trim(), limit, after));
}
