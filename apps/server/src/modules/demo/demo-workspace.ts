import type { Channel, ConnectionChannel, ConversationStatus } from '@parley/contracts';
import { buildConversation, type DemoWorld, latestStart } from './demo-conversation.ts';
import { OUR_ADDRESSES } from './demo-people.ts';
import type { DemoCustomer, DemoData } from './demo-types.ts';

/** One conversation every demo agent gets in MY WORK, so each workspace state can be seen. */
interface ShowcaseItem {
  status: ConversationStatus;
  /** A channel with a (sandbox) connection, so the agent can reply. */
  channel: ConnectionChannel;
  unread?: number;
  note?: boolean;
  failedReply?: boolean;
  /** Omnichannel: part of the conversation happened on this channel. */
  alsoOn?: Channel;
}

/**
 * Per agent: OPEN conversations with 1–4 unread customer messages (one with a note, one
 * omnichannel), a WAITING one whose last reply failed, and a SOLVED one with a note.
 */
const SHOWCASE: readonly ShowcaseItem[] = [
  { status: 'OPEN', channel: 'WHATSAPP', unread: 1 },
  { status: 'OPEN', channel: 'SMS', unread: 2, note: true },
  { status: 'OPEN', channel: 'FACEBOOK_MESSENGER', unread: 3 },
  { status: 'OPEN', channel: 'WHATSAPP', unread: 4, alsoOn: 'EMAIL' },
  { status: 'WAITING', channel: 'VIBER', failedReply: true },
  { status: 'SOLVED', channel: 'WHATSAPP', note: true },
];

const threadKey = (channel: Channel, address: string) => `${channel}|${address}`;

/**
 * Adds the showcase conversations of every agent to `out`, each on a thread key nobody else uses
 * (recorded in `usedKeys`), with a known customer who has the addresses it needs.
 */
export function buildWorkspaceShowcase(
  world: DemoWorld,
  customers: readonly DemoCustomer[],
  usedKeys: Set<string>,
  now: number,
  out: DemoData,
): void {
  for (const agent of world.agents) {
    for (const item of SHOWCASE) {
      const free = customers.filter((c) => {
        const address = c.addresses[item.channel];
        if (address === undefined || usedKeys.has(threadKey(item.channel, address))) return false;
        return item.alsoOn === undefined || c.addresses[item.alsoOn] !== undefined;
      });
      const customer = world.prng.pick(free);
      const customerAddress = customer.addresses[item.channel] as string;
      usedKeys.add(threadKey(item.channel, customerAddress));
      const alsoOn =
        item.alsoOn === undefined
          ? undefined
          : {
              channel: item.alsoOn,
              ourAddress: OUR_ADDRESSES[item.alsoOn],
              customerAddress: customer.addresses[item.alsoOn] as string,
            };
      buildConversation(
        world,
        {
          status: item.status,
          start: latestStart(world.prng, item.status, now),
          end: now - 60_000,
          channel: item.channel,
          ourAddress: OUR_ADDRESSES[item.channel],
          customerAddress,
          customer,
          shape: {
            assignee: agent,
            ...(item.unread !== undefined && { unread: item.unread }),
            ...(item.note && { note: true }),
            ...(item.failedReply && { failedReply: true }),
            ...(alsoOn && { alsoOn }),
          },
        },
        out,
      );
    }
  }
}
