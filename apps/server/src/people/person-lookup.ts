import {
  type Channel,
  checkDestination,
  type PeopleIdentifierType,
  type PersonLookupQuery,
} from '@parley/contracts';
import { ccaasBadRequest, ccaasFieldError } from '../ccaas/errors.ts';
import {
  type CustomerRow,
  findCustomerByDestination,
  findCustomerByExternalId,
  findCustomerByPersonNumber,
} from '../modules/customers/customers.repo.ts';
import type { Orm } from '../platform/db/client.ts';
import { AppError } from '../platform/errors.ts';

/** The channel whose address an identifier type names. */
const CHANNEL_OF: Partial<Record<PeopleIdentifierType, Channel>> = {
  PHONE: 'SMS',
  EMAIL: 'EMAIL',
  WHATSAPP: 'WHATSAPP',
  FACEBOOK: 'FACEBOOK_MESSENGER',
  TELEGRAM: 'TELEGRAM',
  LIVE_CHAT: 'LIVE_CHAT',
  INSTAGRAM_DM: 'INSTAGRAM_MESSAGING',
  APPLE_BUSINESS_CHAT: 'APPLE_BUSINESS_CHAT',
  LINE: 'LINE',
};

/** Types the reference requires a `sender` for (every one but ID, EXTERNAL_ID, PHONE and EMAIL). */
const NEEDS_SENDER: ReadonlySet<PeopleIdentifierType> = new Set([
  'WHATSAPP',
  'FACEBOOK',
  'TELEGRAM',
  'LIVE_CHAT',
  'INSTAGRAM_DM',
  'APPLE_BUSINESS_CHAT',
  'LINE',
]);

const personNotFound = () => new AppError('not_found', 404, 'Person not found');

/**
 * The profile an `identifier` of `type` names: ID is the person number, EXTERNAL_ID the external
 * id, PHONE an SMS number, EMAIL an e-mail address, the channel types an address on that channel.
 * Parley's addresses are not per application, so `sender` is required as the reference says but
 * does not narrow the match.
 */
export async function findPerson(orm: Orm, query: PersonLookupQuery): Promise<CustomerRow> {
  const { identifier, type } = query;
  if (identifier === undefined || identifier.trim() === '')
    throw ccaasFieldError('identifier', 'must not be blank');
  if (type === 'ID') {
    const n = Number(identifier);
    const row =
      /^\d+$/.test(identifier) && Number.isSafeInteger(n)
        ? await findCustomerByPersonNumber(orm, n)
        : undefined;
    if (!row) throw personNotFound();
    return row;
  }
  if (type === 'EXTERNAL_ID') {
    const row = await findCustomerByExternalId(orm, identifier);
    if (!row) throw personNotFound();
    return row;
  }
  const channel = CHANNEL_OF[type];
  if (!channel) throw ccaasBadRequest(`Identifier type ${type} is not supported by Parley`);
  if (NEEDS_SENDER.has(type) && !query.sender)
    throw ccaasFieldError('sender', `is required for type ${type}`);
  const address = checkDestination(channel, identifier);
  const row = address.ok ? await findCustomerByDestination(orm, channel, address.address) : undefined;
  if (!row) throw personNotFound();
  return row;
}
