import { type AttributeRule, CustomerTagName, type PersonBody } from '@parley/contracts';
import { checkDestinations, type Destination, refuseProblems } from '../modules/customers/customer-values.ts';
import type { CustomerInput, CustomerProfile } from '../modules/customers/customers.service.ts';
import { joinName, splitName } from './person-name.ts';

/** How a write treats what the body leaves out (the reference's POST, PUT and PATCH). */
export type PersonWrite = 'create' | 'replace' | 'patch';

/** The body's phone numbers as SMS addresses and e-mail addresses as EMAIL ones, normalised (400 if one is not). */
function contactsOf(body: PersonBody): Destination[] {
  const checked = checkDestinations([
    ...(body.contactInformation?.phone ?? []).map((p) => ({ channel: 'SMS' as const, address: p.number })),
    ...(body.contactInformation?.email ?? []).map((e) => ({ channel: 'EMAIL' as const, address: e.address })),
  ]);
  refuseProblems(checked.problems);
  return checked.value;
}

function checkTags(tags: string[]): string[] {
  const problems = tags.flatMap((t) => {
    const parsed = CustomerTagName.safeParse(t);
    return parsed.success ? [] : [`Tag "${t}": ${parsed.error.issues[0]?.message ?? 'invalid'}`];
  });
  refuseProblems(problems);
  return tags;
}

function nameOf(body: PersonBody, mode: PersonWrite, current?: CustomerProfile): string | null | undefined {
  if (mode !== 'patch') return joinName(body);
  const given = [body.firstName, body.middleName, body.lastName].some((p) => p !== undefined);
  if (!given || !current) return undefined;
  const parts = splitName(current.name);
  return joinName({
    firstName: body.firstName !== undefined ? body.firstName : parts.firstName,
    middleName: body.middleName,
    lastName: body.lastName !== undefined ? body.lastName : parts.lastName,
  });
}

/**
 * A People API body as a profile write. create and replace (PUT) set what the body leaves out to
 * empty — replace keeps the read-only messaging contacts — while patch keeps it, appends tags and
 * contacts, and changes the name parts it gives.
 */
export function personInput(
  body: PersonBody,
  mode: PersonWrite,
  definitions: readonly AttributeRule[],
  current?: CustomerProfile,
): CustomerInput {
  const patch = mode === 'patch';
  const keep = <T>(v: T | undefined, empty: T) => (patch ? v : (v ?? empty));
  const given = body.customAttributes ?? {};
  refuseProblems(
    Object.entries(given).flatMap(([name, v]) =>
      typeof v === 'object' && v !== null
        ? [`${name}: list-of-objects attributes are not supported by Parley`]
        : [],
    ),
  );
  const attributes: Record<string, unknown> = {};
  if (mode === 'replace') for (const d of definitions) attributes[d.name] = null;
  Object.assign(attributes, given);
  const tags = checkTags(body.tags ?? []);
  const contacts = contactsOf(body);
  const currentDestinations = (current?.destinations ?? []).map((d) => ({
    channel: d.channel,
    address: d.address,
  }));
  return {
    name: nameOf(body, mode, current),
    gender: keep(body.gender, null),
    city: keep(body.city, null),
    country: keep(body.country, null),
    externalId: keep(body.externalId, null),
    attributes,
    tags: patch ? [...(current?.tags ?? []), ...tags] : tags,
    destinations: patch
      ? [...currentDestinations, ...contacts]
      : mode === 'replace'
        ? [...currentDestinations.filter((d) => d.channel !== 'SMS' && d.channel !== 'EMAIL'), ...contacts]
        : contacts,
  };
}
