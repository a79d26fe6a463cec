import {
  SIMULATED_PROVIDERS,
  type SimulateMessageRequest,
  type SimulatorConnection,
  type SimulatorConnectionList,
  type SimulatorTranscript,
  type SimulatorTranscriptQuery,
} from '@parley/contracts';
import type { InboundSink } from '../../channels/adapter.ts';
import { acceptMail } from '../../channels/email/receive.ts';
import { isSandboxBaseUrl } from '../../channels/sandbox/sandbox-address.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  type ChannelConnectionRow,
  findConnectionById,
  listEnabledConnections,
} from '../channel-connections/channel-connections.repo.ts';
import { emailInbound, infobipInbound, telegramInbound } from './simulator.payloads.ts';
import { findOurEmailIds, findRouteMessages, listChannelCustomers } from './simulator.repo.ts';

const PLAYABLE = new Set<string>(SIMULATED_PROVIDERS);
const invalid = (message: string) => new AppError('validation_failed', 400, message);

function isSandbox(row: ChannelConnectionRow): boolean {
  const baseUrl = (row.settings as { baseUrl?: unknown }).baseUrl;
  return row.provider === 'infobip' && typeof baseUrl === 'string' && isSandboxBaseUrl(baseUrl);
}

/** Every enabled connection the simulator can play (with known customers) and every live-chat widget. */
export async function listSimulatorConnections(ctx: AppContext): Promise<SimulatorConnectionList> {
  const enabled = await listEnabledConnections(ctx.db.orm);
  const rows = enabled.filter((r) => PLAYABLE.has(r.provider));
  const items = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      channel: row.channel,
      provider: row.provider as SimulatorConnection['provider'],
      name: row.name,
      sender: row.sender,
      sandbox: isSandbox(row),
      customers: await listChannelCustomers(ctx.db.orm, row.channel),
    })),
  );
  const widgets = enabled
    .filter((r) => r.provider === 'livechat')
    .map((r) => ({ id: r.id, name: r.name, widgetId: r.sender }));
  return { items, widgets };
}

async function playableConnection(ctx: AppContext, id: string): Promise<ChannelConnectionRow> {
  const row = await findConnectionById(ctx.db.orm, id);
  if (!row || !PLAYABLE.has(row.provider)) throw notFound('Channel connection');
  if (!row.enabled) throw new AppError('conflict', 409, 'This channel connection is disabled');
  return row;
}

/** The customer address as the channel delivers it (docs/simulator.md#addresses); 400 when it cannot. */
export function normaliseAddress(provider: string, address: string): string {
  const value = address.trim();
  if (provider === 'email') {
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value)) throw invalid('Enter an e-mail address');
    return value.toLowerCase();
  }
  if (provider === 'telegram') {
    if (!/^[1-9]\d{0,14}$/.test(value)) throw invalid('A Telegram chat id is a positive number');
    return value;
  }
  if (!/^[\w.+-]{1,64}$/.test(value)) throw invalid('Enter a phone number or messenger id');
  return value.replace(/^\+/, '');
}

/**
 * The played customer writes: the provider's genuine inbound payload goes to the pipeline the
 * webhook or SMTP listener uses (stored, then processed in the background), never into threading.
 */
export async function simulateMessage(
  ctx: AppContext,
  inbound: InboundSink,
  input: SimulateMessageRequest,
): Promise<void> {
  const row = await playableConnection(ctx, input.connectionId);
  const from = normaliseAddress(row.provider, input.customerAddress);
  if (row.provider === 'infobip') {
    await inbound.store(row.id, infobipInbound(row.channel, from, row.sender, input.text));
  } else if (row.provider === 'telegram') {
    await inbound.store(row.id, telegramInbound(Number(from), input.customerName, input.text, new Date()));
  } else {
    const references = await findOurEmailIds(ctx.db.orm, row.sender, from);
    const subject = input.subject ?? (references.length > 0 ? 'Re: our conversation' : 'Question');
    const raw = await emailInbound({
      from,
      ...(input.customerName && { name: input.customerName }),
      to: row.sender,
      subject,
      text: input.text,
      references,
    });
    const mail = {
      raw,
      connectionId: row.id,
      mailFrom: from,
      rcptTo: [row.sender],
      remoteAddress: '127.0.0.1',
    };
    await acceptMail(ctx.db, mail, (connectionId, payload) => inbound.store(connectionId, payload));
  }
}

function textOf(content: Record<string, unknown>, contentType: string): string {
  for (const key of ['text', 'caption', 'fileName', 'name', 'address'] as const) {
    const value = content[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return `[${contentType.toLowerCase()}]`;
}

/** The played customer's side of the route: their messages and the desk's replies with their state. */
export async function simulatorTranscript(
  ctx: AppContext,
  query: SimulatorTranscriptQuery,
): Promise<SimulatorTranscript> {
  const row = await playableConnection(ctx, query.connectionId);
  const rows = await findRouteMessages(ctx.db.orm, {
    channel: row.channel,
    ourAddress: row.sender,
    customerAddress: normaliseAddress(row.provider, query.customerAddress),
  });
  return {
    items: rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      contentType: m.contentType,
      text: textOf(m.content, m.contentType),
      deliveryState: m.deliveryState,
      failureReason: m.failureReason,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}
