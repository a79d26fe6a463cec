import type { Channel, Person } from '@parley/contracts';
import type { CustomerProfile } from '../modules/customers/customers.service.ts';
import { splitName } from './person-name.ts';

/** `yyyy-MM-ddTHH:mm:ss` in UTC, the reference's timestamp format. */
const peopleTime = (d: Date) => d.toISOString().slice(0, 19);

/** The read-only messaging contacts Parley has, by the reference's contactInformation key. */
const OTT_KEYS = {
  WHATSAPP: 'whatsapp',
  FACEBOOK_MESSENGER: 'facebook',
  TELEGRAM: 'telegram',
  LIVE_CHAT: 'liveChat',
  INSTAGRAM_MESSAGING: 'instagramDm',
  APPLE_BUSINESS_CHAT: 'appleBusinessChat',
  LINE: 'line',
} as const satisfies Partial<Record<Channel, string>>;

/**
 * A profile as the reference's IamPersonV2: `id` is the profile's person number, phone numbers
 * are its SMS addresses, e-mail its EMAIL ones, and WhatsApp, Messenger, Telegram, live-chat,
 * Instagram, Apple Messages and LINE ids are read-only contacts. Absent values are left out, as Infobip does.
 */
export function presentPerson(profile: CustomerProfile): Person {
  const of = (channel: Channel) =>
    profile.destinations.filter((d) => d.channel === channel).map((d) => d.address);
  const contactInformation: Person['contactInformation'] = {
    phone: of('SMS').map((number) => ({ number })),
    email: of('EMAIL').map((address) => ({ address })),
  };
  for (const [channel, key] of Object.entries(OTT_KEYS) as [
    keyof typeof OTT_KEYS,
    (typeof OTT_KEYS)[keyof typeof OTT_KEYS],
  ][]) {
    const ids = of(channel);
    if (ids.length) contactInformation[key] = ids.map((userId) => ({ userId }));
  }
  const customAttributes: Person['customAttributes'] = {};
  for (const [name, value] of Object.entries(profile.attributes))
    if (value !== null) customAttributes[name] = value;
  return {
    id: profile.personNumber,
    ...(profile.externalId !== null && { externalId: profile.externalId }),
    ...splitName(profile.name),
    ...(profile.gender !== null && { gender: profile.gender }),
    ...(profile.city !== null && { city: profile.city }),
    ...(profile.country !== null && { country: profile.country }),
    type: 'CUSTOMER',
    tags: profile.tags,
    customAttributes,
    contactInformation,
    createdAt: peopleTime(profile.createdAt),
    modifiedAt: peopleTime(profile.updatedAt),
  };
}
