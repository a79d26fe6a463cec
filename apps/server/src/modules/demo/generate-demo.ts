import { type Channel, type ConversationStatus, type Gender, INFOBIP_CHANNELS } from '@parley/contracts';
import {
  buildConversation,
  type ConversationPlan,
  type DemoAgent,
  type DemoWorld,
  latestStart,
} from './demo-conversation.ts';
import { buildLongThread } from './demo-long-thread.ts';
import {
  CHANNEL_WEIGHTS,
  COUNTRIES,
  CUSTOMER_TIERS,
  DEMO_QUEUES,
  DEMO_SUPERVISOR_EMAIL,
  DEMO_USERS,
  type DemoCountry,
  type DemoQueueName,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  OUR_ADDRESSES,
  PLANS,
} from './demo-people.ts';
import { CONVERSATION_TAGS, TEMPLATE_TAGS } from './demo-scripts.ts';
import type { DemoCustomer, DemoData } from './demo-types.ts';
import { buildWorkspaceShowcase } from './demo-workspace.ts';
import { createPrng, type Prng } from './prng.ts';

const DAY = 86_400_000;
const CONNECTION_CHANNEL_SET = new Set<Channel>(INFOBIP_CHANNELS);
const HOUR = 3_600_000;

export interface DemoOptions {
  /** The data spans the 30 days before this instant. */
  now: Date;
  seed?: number;
  customers?: number;
  conversations?: number;
  /** An existing Default queue to use instead of creating one. */
  defaultQueueId?: string;
}

/** UUID v4 layout from the seeded PRNG, so the same seed gives the same ids. */
function uuidFrom(prng: Prng): string {
  return `${prng.hex(8)}-${prng.hex(4)}-4${prng.hex(3)}-${prng.pick(['8', '9', 'a', 'b'])}${prng.hex(3)}-${prng.hex(12)}`;
}

/** A fresh address on `channel` that no customer profile owns. */
function makeAddress(
  prng: Prng,
  channel: Channel,
  country: DemoCountry,
  first: string,
  last: string,
): string {
  switch (channel) {
    case 'SMS':
    case 'WHATSAPP':
    case 'VIBER':
    case 'RCS':
      return `${country.dial}7${prng.digits(country.dial.length > 2 ? 8 : 9)}`;
    case 'EMAIL': {
      const local = `${first}.${last}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^a-z.]/g, '');
      return `${local}${prng.int(1, 99)}@${prng.pick(EMAIL_DOMAINS)}`;
    }
    case 'FACEBOOK_MESSENGER':
      return `2${prng.digits(15)}`;
    case 'TELEGRAM':
      return `${prng.int(1, 9)}${prng.digits(9)}`;
    case 'LIVE_CHAT':
      return `visitor-${prng.hex(12)}`;
    case 'INSTAGRAM_MESSAGING':
      return `7${prng.digits(14)}`;
    case 'APPLE_BUSINESS_CHAT':
      return `urn:mbid:AQAA${prng.hex(40)}`;
    case 'LINE':
      return `U${prng.hex(32)}`;
  }
}

function makeCustomers(
  prng: Prng,
  world: DemoWorld,
  count: number,
  now: number,
  out: DemoData,
): DemoCustomer[] {
  const result: DemoCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const gender: Gender = prng.chance(0.5) ? 'FEMALE' : 'MALE';
    const first = prng.pick(FIRST_NAMES[gender]);
    const last = prng.pick(LAST_NAMES);
    const country = prng.pick(COUNTRIES);
    const tier = prng.pick(CUSTOMER_TIERS);
    const id = world.newId();
    const createdAt = new Date(now - prng.int(35, 900) * DAY);
    out.customers.push({
      id,
      name: `${first} ${last}`,
      gender,
      city: prng.pick(country.cities),
      country: country.name,
      attributes: {
        accountNumber: `AC${prng.digits(8)}`,
        tier,
        plan: prng.pick(PLANS),
        customerSince: createdAt.getUTCFullYear(),
        marketingOptIn: prng.chance(0.4),
      },
      createdAt,
      updatedAt: createdAt,
    });
    const addresses: Partial<Record<Channel, string>> = {};
    const phone = makeAddress(prng, 'SMS', country, first, last);
    for (const channel of ['SMS', 'WHATSAPP', 'VIBER'] as const) {
      if (prng.chance(channel === 'VIBER' ? 0.25 : 0.7)) addresses[channel] = phone;
    }
    const extra: [Channel, number][] = [
      ['EMAIL', 0.7],
      ['FACEBOOK_MESSENGER', 0.3],
      ['TELEGRAM', 0.25],
      ['LIVE_CHAT', 0.3],
    ];
    for (const [channel, p] of extra) {
      if (prng.chance(p)) addresses[channel] = makeAddress(prng, channel, country, first, last);
    }
    if (Object.keys(addresses).length === 0) addresses.WHATSAPP = phone;
    for (const [channel, address] of Object.entries(addresses) as [Channel, string][]) {
      out.customerDestinations.push({ id: world.newId(), customerId: id, channel, address, createdAt });
    }
    result.push({ id, name: `${first} ${last}`, firstName: first, premium: tier === 'Premium', addresses });
  }
  return result;
}

/**
 * Builds the whole demo installation in memory: people, queues, tags, customers and conversations
 * that respect D2 threading (per thread key only the latest conversation may be non-CLOSED, and the
 * earlier ones ended before it started).
 */
export function generateDemoData(options: DemoOptions): DemoData {
  const prng = createPrng(options.seed ?? 2026);
  const now = options.now.getTime();
  const out: DemoData = {
    users: [],
    queues: [],
    queueMembers: [],
    tags: [],
    customers: [],
    customerDestinations: [],
    conversations: [],
    conversationTags: [],
    messages: [],
    notes: [],
    conversationLog: [],
    conversationReads: [],
    recentlyViewed: [],
  };
  const newId = () => uuidFrom(prng);
  const setupAt = new Date(now - 31 * DAY);

  for (const u of DEMO_USERS) {
    out.users.push({
      id: newId(),
      email: u.email,
      displayName: u.displayName,
      roles: u.roles,
      createdAt: setupAt,
      updatedAt: setupAt,
    });
  }
  const userId = (email: string): string => {
    const user = out.users.find((u) => u.email === email);
    if (!user) throw new Error(`demo user ${email} missing from DEMO_USERS`);
    return user.id;
  };
  const agents: DemoAgent[] = [1, 2, 3, 4, 5].map((n) => {
    const email = `agent${n}@parley.demo`;
    const displayName = DEMO_USERS.find((u) => u.email === email)?.displayName ?? email;
    return { id: userId(email), firstName: displayName.split(' ')[0] ?? displayName };
  });
  const queueIds = {} as Record<DemoQueueName, string>;
  for (const [name, members] of Object.entries(DEMO_QUEUES) as [DemoQueueName, readonly number[]][]) {
    const existing = name === 'Default' ? options.defaultQueueId : undefined;
    queueIds[name] = existing ?? newId();
    if (!existing) {
      out.queues.push({
        id: queueIds[name],
        name,
        isDefault: name === 'Default',
        createdAt: setupAt,
        updatedAt: setupAt,
      });
    }
    for (const n of members)
      out.queueMembers.push({
        queueId: queueIds[name],
        userId: agents[n - 1]?.id as string,
        createdAt: setupAt,
      });
  }
  const tagIds: Record<string, string> = {};
  for (const [kind, catalogue] of [
    ['conversation', CONVERSATION_TAGS],
    ['template', TEMPLATE_TAGS],
  ] as const) {
    for (const [name, color] of Object.entries(catalogue)) {
      const id = newId();
      if (kind === 'conversation') tagIds[name] = id;
      out.tags.push({ id, name, color, kind, createdAt: setupAt, updatedAt: setupAt });
    }
  }
  const world: DemoWorld = {
    prng,
    newId,
    agents,
    supervisorId: userId(DEMO_SUPERVISOR_EMAIL),
    queueIds,
    tagIds,
  };
  const customers = makeCustomers(prng, world, options.customers ?? 150, now, out);

  const usedKeys = new Set<string>();
  const longThreadCustomer = prng.pick(customers.filter((c) => c.addresses.WHATSAPP));
  usedKeys.add(`WHATSAPP|${longThreadCustomer.addresses.WHATSAPP}`);
  buildLongThread(world, longThreadCustomer, now, out);
  buildWorkspaceShowcase(world, customers, usedKeys, now, out);

  const target = options.conversations ?? 300;
  let planned = out.conversations.length;
  while (planned < target) {
    const channel = prng.weighted(CHANNEL_WEIGHTS);
    const known = customers.filter((c) => c.addresses[channel]);
    const customer = prng.chance(0.9) && known.length > 0 ? prng.pick(known) : null;
    const country = prng.pick(COUNTRIES);
    const customerAddress =
      customer?.addresses[channel] ??
      makeAddress(prng, channel, country, prng.pick(FIRST_NAMES.MALE), prng.pick(LAST_NAMES));
    const key = `${channel}|${customerAddress}`;
    if (usedKeys.has(key)) continue;
    usedKeys.add(key);
    const count = Math.min(target - planned, Number(prng.weighted({ 1: 78, 2: 17, 3: 5 })));
    // Only channels with a (sandbox) connection can be replied to, so the others are history.
    const status = CONNECTION_CHANNEL_SET.has(channel)
      ? prng.weighted<ConversationStatus>({ OPEN: 44, WAITING: 18, SOLVED: 30, CLOSED: 8 })
      : 'CLOSED';
    const lastStart = latestStart(prng, status, now);
    const base = { channel, ourAddress: OUR_ADDRESSES[channel], customerAddress, customer } as const;
    // Earlier conversations on the same thread share the time before the latest one, all CLOSED.
    const earlierFrom = now - 30 * DAY;
    const slot = (lastStart - HOUR - earlierFrom) / (count - 1 || 1);
    for (let i = 0; i < count - 1; i++) {
      const slotStart = earlierFrom + i * slot;
      const plan: ConversationPlan = {
        ...base,
        status: 'CLOSED',
        start: slotStart + prng.next() * slot * 0.3,
        end: slotStart + slot,
      };
      buildConversation(world, plan, out);
    }
    buildConversation(world, { ...base, status, start: lastStart, end: now - 60_000 }, out);
    planned += count;
  }
  out.conversations.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());

  // Each agent (and the supervisor) has recently opened a few conversations, theirs or not.
  for (const viewer of [...agents.map((a) => a.id), world.supervisorId]) {
    const seen = new Set(out.recentlyViewed.filter((v) => v.userId === viewer).map((v) => v.conversationId));
    for (let i = 0; i < 6; i++) {
      const c = prng.pick(out.conversations);
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const viewedAt = new Date(
        Math.min(now - 60_000, (c.updatedAt as Date).getTime() + prng.int(1, 120) * 60_000),
      );
      out.recentlyViewed.push({ userId: viewer, conversationId: c.id, viewedAt });
    }
  }
  return out;
}
