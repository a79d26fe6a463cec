import { randomBytes } from 'node:crypto';
import type { CreateChannelConnectionRequest, UpdateChannelConnectionRequest } from '@parley/contracts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  type ChannelConnectionRow,
  insertConnection,
  type NewChannelConnection,
  updateConnectionRow,
} from './channel-connections.repo.ts';

/** 32 random bytes: a password nobody can guess, printable for the provider's settings form. */
function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSenderTaken(): Error {
  return conflict('Another enabled connection already uses this channel and sender');
}

// The event carries no secrets: handlers and logs must never see the API key or webhook secret.
function eventPayload(row: ChannelConnectionRow) {
  return { connectionId: row.id, channel: row.channel, sender: row.sender, enabled: row.enabled };
}

/** An admin connects a provider account for one channel and sender; the webhook secret is generated. */
export async function createConnection(
  events: Events,
  input: CreateChannelConnectionRequest,
): Promise<ChannelConnectionRow> {
  try {
    return await events.transact(async ({ tx, emit }) => {
      const row = await insertConnection(tx, {
        channel: input.channel,
        provider: input.provider,
        name: input.name,
        sender: input.sender,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
        apiKey: input.apiKey,
        webhookSecret: newWebhookSecret(),
        enabled: true,
      });
      emit('channel_connection.created', eventPayload(row));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sameSenderTaken();
    throw error;
  }
}

/** An admin edits a connection: settings, a new API key, enable/disable or a new webhook secret. */
export async function updateConnection(
  events: Events,
  id: string,
  input: UpdateChannelConnectionRequest,
): Promise<ChannelConnectionRow> {
  const { rotateWebhookSecret, baseUrl, ...rest } = input;
  const values: Partial<NewChannelConnection> = {
    ...rest,
    ...(baseUrl !== undefined && { baseUrl: baseUrl.replace(/\/+$/, '') }),
    ...(rotateWebhookSecret === true && { webhookSecret: newWebhookSecret() }),
  };
  try {
    return await events.transact(async ({ tx, emit }) => {
      const row = await updateConnectionRow(tx, id, values);
      if (!row) throw notFound('Channel connection');
      emit('channel_connection.updated', eventPayload(row));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sameSenderTaken();
    throw error;
  }
}

/** Disabling keeps the row (stored events and message history point at it); it stops receiving and sending. */
export function disableConnection(events: Events, id: string): Promise<ChannelConnectionRow> {
  return updateConnection(events, id, { enabled: false });
}
