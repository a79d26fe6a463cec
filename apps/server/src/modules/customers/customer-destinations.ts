import type { Orm } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import { type Destination, destinationKey } from './customer-values.ts';
import {
  deleteDestinations,
  findCustomersByDestinations,
  insertDestinations,
  listDestinations,
} from './customers.repo.ts';

/** Refuses with `conflict` when another profile owns one of these addresses, naming that profile. */
export async function refuseTakenDestinations(
  tx: Orm,
  customerId: string | null,
  destinations: readonly Destination[],
): Promise<void> {
  const owners = await findCustomersByDestinations(tx, destinations);
  const taken = owners.find((o) => o.customer.id !== customerId);
  if (!taken) return;
  const owner = taken.customer.name ?? 'an unnamed customer';
  throw conflict(`${taken.channel} ${taken.address} already belongs to ${owner}`, {
    channel: taken.channel,
    address: taken.address,
    customerId: taken.customer.id,
    customerName: taken.customer.name,
  });
}

/**
 * Gives the profile these addresses (normalised, distinct), refusing one another profile owns; a
 * concurrent claim of the same address loses on the unique index and is refused the same way.
 */
export async function addDestinations(
  tx: Orm,
  customerId: string,
  destinations: readonly Destination[],
): Promise<void> {
  await refuseTakenDestinations(tx, customerId, destinations);
  try {
    await insertDestinations(tx, customerId, destinations);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('One of these addresses already belongs to another customer');
    throw error;
  }
}

/** Makes the profile's addresses exactly `wanted`: the missing ones are claimed, the others removed. */
export async function replaceDestinations(
  tx: Orm,
  customerId: string,
  wanted: readonly Destination[],
): Promise<void> {
  const current = await listDestinations(tx, [customerId]);
  const wantedKeys = new Set(wanted.map(destinationKey));
  const currentKeys = new Set(current.map(destinationKey));
  await deleteDestinations(
    tx,
    customerId,
    current.filter((d) => !wantedKeys.has(destinationKey(d))),
  );
  await addDestinations(
    tx,
    customerId,
    wanted.filter((d) => !currentKeys.has(destinationKey(d))),
  );
}
