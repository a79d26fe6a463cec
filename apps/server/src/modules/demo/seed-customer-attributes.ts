import type { AttributeType, CardSection, CustomerAttributes, StandardField } from '@parley/contracts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../../platform/db/client.ts';
import {
  insertDefinition,
  listCardFields,
  listDefinitions,
  replaceCardFields,
} from '../customers/customer-attributes.repo.ts';
import { refreshSearchText } from '../customers/customers.repo.ts';
import { customers, customerTags } from '../customers/customers.schema.ts';
import { CUSTOMER_TIERS, PLANS } from './demo-people.ts';
import { createPrng } from './prng.ts';

// The demo's custom attributes (docs/demo-data.md): definitions, a value for every demo customer
// (the generator's raw values renamed, the rest derived from a seeded PRNG) and a configured card.

const LANGUAGES: Readonly<Record<string, string>> = {
  'United Kingdom': 'English',
  Ireland: 'English',
  'United States': 'English',
  Germany: 'German',
  Croatia: 'Croatian',
  Spain: 'Spanish',
  France: 'French',
  Netherlands: 'Dutch',
};

const DEFINITIONS: readonly { name: string; type: AttributeType; options?: readonly string[] }[] = [
  { name: 'Customer tier', type: 'list', options: [...new Set(CUSTOMER_TIERS)] },
  { name: 'VIP', type: 'yes_no' },
  { name: 'Account number', type: 'text' },
  { name: 'Preferred language', type: 'list', options: [...new Set(Object.values(LANGUAGES))] },
  { name: 'Lifetime value', type: 'number' },
  { name: 'Contract renewal', type: 'date' },
  { name: 'Plan', type: 'list', options: PLANS },
  { name: 'Marketing opt-in', type: 'yes_no' },
  { name: 'Customer since', type: 'text' },
];

/** The card: five basic fields, the rest behind "See more"; agents edit language, renewal and opt-in. */
const CARD: readonly { field: string | StandardField; section: CardSection; agentEditable: boolean }[] = [
  { field: 'Customer tier', section: 'basic', agentEditable: false },
  { field: 'VIP', section: 'basic', agentEditable: false },
  { field: 'Account number', section: 'basic', agentEditable: false },
  { field: 'Preferred language', section: 'basic', agentEditable: true },
  { field: 'Lifetime value', section: 'basic', agentEditable: false },
  { field: 'Contract renewal', section: 'additional', agentEditable: true },
  { field: 'Plan', section: 'additional', agentEditable: false },
  { field: 'Marketing opt-in', section: 'additional', agentEditable: true },
  { field: 'Customer since', section: 'additional', agentEditable: false },
  { field: 'city', section: 'additional', agentEditable: true },
  { field: 'country', section: 'additional', agentEditable: true },
];

const DEMO_TAGS = ['Newsletter', 'Business', 'Churn risk', 'Early adopter'];
const DAY = 86_400_000;

/** The generator's raw values as the defined attributes, plus the derived ones. */
function demoValues(
  raw: CustomerAttributes,
  country: string | null,
  createdAt: Date,
  prng: ReturnType<typeof createPrng>,
  now: Date,
): CustomerAttributes {
  const tier = String(raw.tier ?? 'Standard');
  const base = tier === 'Premium' ? 2400 : tier === 'Plus' ? 900 : 250;
  const renewal = new Date(now.getTime() + prng.int(-20, 340) * DAY);
  return {
    'Customer tier': tier,
    VIP: tier === 'Premium',
    'Account number': String(raw.accountNumber ?? ''),
    'Preferred language': LANGUAGES[country ?? ''] ?? 'English',
    'Lifetime value': Math.round((base + prng.int(0, base)) * 100) / 100,
    'Contract renewal': renewal.toISOString().slice(0, 10),
    Plan: String(raw.plan ?? PLANS[0]),
    'Marketing opt-in': raw.marketingOptIn === true,
    'Customer since': String(raw.customerSince ?? createdAt.getUTCFullYear()),
  };
}

/**
 * Why the demo attributes cannot be loaded, or null: an installation whose supervisors already
 * defined attributes of the demo's names, or configured the customer card, keeps its own (the seed
 * never overwrites them).
 */
export async function customerAttributesClash(tx: Orm): Promise<string | null> {
  const wanted = new Set(DEFINITIONS.map((d) => d.name.toLowerCase()));
  const clashing = (await listDefinitions(tx)).filter((d) => wanted.has(d.name.toLowerCase()));
  if (clashing.length > 0)
    return `customer attributes already exist: ${clashing.map((d) => d.name).join(', ')}`;
  if ((await listCardFields(tx)).length > 0) return 'the customer card is already configured';
  return null;
}

/**
 * Defines the demo attributes, gives the demo's own customers (`customerIds`, the ones the seed
 * inserted) their values and a few tags, and configures the card. Refuses (throws) what
 * customerAttributesClash names, so nothing of an installation's own is replaced.
 */
export async function seedCustomerAttributes(
  tx: Orm,
  now: Date,
  customerIds: readonly string[],
): Promise<{ attributes: number }> {
  const clash = await customerAttributesClash(tx);
  if (clash) throw new Error(`demo customer attributes not loaded: ${clash}`);
  const byName = new Map<string, string>();
  for (const d of DEFINITIONS) {
    const row = await insertDefinition(tx, { name: d.name, type: d.type, options: [...(d.options ?? [])] });
    byName.set(d.name, row.id);
  }
  const prng = createPrng(0x5eed_c057);
  const rows =
    customerIds.length === 0
      ? []
      : await tx
          .select({
            id: customers.id,
            attributes: customers.attributes,
            country: customers.country,
            createdAt: customers.createdAt,
          })
          .from(customers)
          .where(inArray(customers.id, [...customerIds]))
          .orderBy(asc(customers.createdAt), asc(customers.name));
  for (const row of rows) {
    const attributes = demoValues(row.attributes, row.country, row.createdAt, prng, now);
    await tx.update(customers).set({ attributes }).where(eq(customers.id, row.id));
    if (prng.chance(0.35))
      await tx.insert(customerTags).values({ customerId: row.id, name: prng.pick(DEMO_TAGS) });
  }
  const positions: Record<CardSection, number> = { basic: 0, additional: 0 };
  await replaceCardFields(
    tx,
    CARD.map((f) => {
      const attributeId = byName.get(f.field) ?? null;
      return {
        attributeId,
        standardField: attributeId ? null : (f.field as StandardField),
        section: f.section,
        position: positions[f.section]++,
        agentEditable: f.agentEditable,
      };
    }),
  );
  await refreshSearchText(
    tx,
    rows.map((r) => r.id),
  );
  // Statistics for the new search column, so the first searches plan with the trigram index.
  await tx.execute(sql`analyze ${customers}`);
  return { attributes: DEFINITIONS.length };
}
