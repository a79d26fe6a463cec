import { randomBytes } from 'node:crypto';
import type { CreateChannelConnectionRequest, UpdateChannelConnectionRequest } from '@parley/contracts';
import { hashWebhookSecret } from '../../channels/infobip/verify.ts';
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

/**
 * A connection as a write left it, with `webhookSecret` when this write generated one (create,
 * rotate): the only moment the secret exists outside the provider, since only its hash is stored.
 */
export type ConnectionWrite = ChannelConnectionRow & { webhookSecret?: string };

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
): Promise<ConnectionWrite & { webhookSecret: string }> {
  const webhookSecret = newWebhookSecret();
  try {
    return await events.transact(async ({ tx, emit }) => {
      const row = await insertConnection(tx, {
        channel: input.channel,
        provider: input.provider,
        name: input.name,
        sender: input.sender,
        baseUrl: input.baseUrl.replace(/\/+$/, ''),
        apiKey: input.apiKey,
        webhookSecretHash: hashWebhookSecret(webhookSecret),
        enabled: true,
      });
      emit('channel_connection.created', eventPayload(row));
      return { ...row, webhookSecret };
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
): Promise<ConnectionWrite> {
  const { rotateWebhookSecret, baseUrl, ...rest } = input;
  const webhookSecret = rotateWebhookSecret === true ? newWebhookSecret() : undefined;
  const values: Partial<NewChannelConnection> = {
    ...rest,
    ...(baseUrl !== undefined && { baseUrl: baseUrl.replace(/\/+$/, '') }),
    ...(webhookSecret !== undefined && { webhookSecretHash: hashWebhookSecret(webhookSecret) }),
  };
  try {
    return await events.transact(async ({ tx, emit }) => {
      const row = await updateConnectionRow(tx, id, values);
      if (!row) throw notFound('Channel connection');
      emit('channel_connection.updated', eventPayload(row));
      return webhookSecret === undefined ? row : { ...row, webhookSecret };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sameSenderTaken();
    throw error;
  }
}

/** Disabling keeps the row (stored events and message history point at it); it stops receiving and sending. */
export function disableConnection(events: Events, id: string): Promise<ConnectionWrite> {
  return updateConnection(events, id, { enabled: false });
}
