import { randomBytes } from 'node:crypto';
import type {
  ConnectionTestResult,
  CreateChannelConnectionRequest,
  UpdateChannelConnectionRequest,
} from '@parley/contracts';
import type { ChannelAdapter } from '../../channels/adapter.ts';
import { adapterFor, toAdapterConnection } from '../../channels/adapters.ts';
import { ChannelError } from '../../channels/channel-error.ts';
import { hashWebhookSecret } from '../../channels/webhook-secret.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { Events } from '../../platform/events/types.ts';
import { isUniqueViolation } from '../users/users.repo.ts';
import {
  type ChannelConnectionRow,
  findConnectionForUpdate,
  insertConnection,
  type NewChannelConnection,
  updateConnectionRow,
} from './channel-connections.repo.ts';
import { keepStoredSecrets } from './connection-secrets.ts';

/** 32 random bytes: a password nobody can guess, printable for the provider's settings form. */
function newWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A connection as a write left it, with `webhookSecret` when this write generated one (create,
 * rotate): the only moment the secret exists outside the provider, since only its hash is stored.
 * `needsTest`: the write changed what the provider must know (new, settings, secret, re-enabled).
 */
export type ConnectionWrite = ChannelConnectionRow & { webhookSecret?: string; needsTest: boolean };

function sameSenderTaken(): Error {
  return conflict('Another enabled connection already uses this channel and sender');
}

function parseSettings(adapter: ChannelAdapter, settings: unknown): Record<string, unknown> {
  const parsed = adapter.settings.safeParse(settings);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      400,
      `These are not valid ${adapter.provider} settings`,
      parsed.error.issues.map((i) => ({ path: `/settings/${i.path.join('/')}`, message: i.message })),
    );
  }
  return parsed.data as Record<string, unknown>;
}

// The event carries no settings: handlers and logs must never see secrets.
function eventPayload(row: ChannelConnectionRow) {
  return {
    connectionId: row.id,
    channel: row.channel,
    provider: row.provider,
    sender: row.sender,
    enabled: row.enabled,
  };
}

/** An admin connects a provider account for one channel and sender; the webhook secret is generated. */
export async function createConnection(
  events: Events,
  input: CreateChannelConnectionRequest,
): Promise<ConnectionWrite & { webhookSecret: string }> {
  const adapter = adapterFor(input.provider);
  if (!adapter.channels.includes(input.channel)) {
    throw new AppError('validation_failed', 400, `${input.provider} does not carry ${input.channel}`);
  }
  const settings = parseSettings(adapter, input.settings);
  const webhookSecret = newWebhookSecret();
  try {
    return await events.transact(async ({ tx, emit }) => {
      const row = await insertConnection(tx, {
        channel: input.channel,
        provider: input.provider,
        name: input.name,
        sender: input.sender,
        settings,
        webhookSecretHash: hashWebhookSecret(webhookSecret),
        enabled: true,
      });
      emit('channel_connection.created', eventPayload(row));
      return { ...row, webhookSecret, needsTest: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw sameSenderTaken();
    throw error;
  }
}

/**
 * An admin edits a connection: name, sender, provider settings (a secret left out keeps its stored
 * value), enable/disable or a new webhook secret.
 */
export async function updateConnection(
  events: Events,
  id: string,
  input: UpdateChannelConnectionRequest,
): Promise<ConnectionWrite> {
  const { rotateWebhookSecret, settings: newSettings, ...rest } = input;
  const webhookSecret = rotateWebhookSecret === true ? newWebhookSecret() : undefined;
  try {
    return await events.transact(async ({ tx, emit }) => {
      const current = await findConnectionForUpdate(tx, id);
      if (!current) throw notFound('Channel connection');
      const adapter = adapterFor(current.provider);
      const values: Partial<NewChannelConnection> = {
        ...rest,
        ...(newSettings !== undefined && {
          settings: parseSettings(
            adapter,
            keepStoredSecrets(newSettings, current.settings, adapter.secretFields),
          ),
        }),
        ...(webhookSecret !== undefined && { webhookSecretHash: hashWebhookSecret(webhookSecret) }),
      };
      const row = await updateConnectionRow(tx, id, values);
      if (!row) throw notFound('Channel connection');
      emit('channel_connection.updated', eventPayload(row));
      const needsTest =
        row.enabled &&
        (newSettings !== undefined ||
          webhookSecret !== undefined ||
          (rest.enabled === true && !current.enabled));
      return { ...row, needsTest, ...(webhookSecret !== undefined && { webhookSecret }) };
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

/**
 * Runs the provider's check (credentials, webhook registration) for a connection; undefined when
 * its adapter has none. A provider failure is a result (`ok: false` with the reason), not an error.
 */
export async function testConnection(
  ctx: AppContext,
  row: ChannelConnectionRow,
  origin: string,
): Promise<ConnectionTestResult | undefined> {
  const adapter = adapterFor(row.provider);
  if (!adapter.test) return undefined;
  const checkedAt = new Date().toISOString();
  try {
    const outcome = await adapter.test(toAdapterConnection(row, adapter), ctx, { origin });
    return { ...outcome, checkedAt };
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    return { ok: false, message: error.message, checkedAt };
  }
}
