import type { Channel, ChannelProvider, MessageContentType, WebhookSettings } from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { MappedInboundEvent } from '../modules/messages/inbound-events.processor.ts';
import type { MessageContent } from '../modules/messages/messages.schema.ts';
import type { AppContext } from '../platform/context.ts';

export type { MappedInboundEvent };

// The one interface every provider adapter implements (ARCHITECTURE §3/§4). Adding a channel is a
// folder `channels/<provider>/` with an `adapter.ts` exporting one ChannelAdapter, its line in
// `channels/adapters.ts`, its settings schema in contracts, fixtures and tests. docs/channels.md.

/** A channel connection as an adapter sees it: the row, with its settings parsed by the adapter's schema. */
export interface AdapterConnection<S = Record<string, unknown>> {
  id: string;
  channel: Channel;
  provider: ChannelProvider;
  name: string;
  /** Our address on the channel (number, bot username, e-mail address, widget id). */
  sender: string;
  enabled: boolean;
  /** SHA-256 (hex) of the webhook secret; the secret itself exists only in create/rotate answers. */
  webhookSecretHash: string;
  settings: S;
}

/** An outbound message (agent's or bot's) on its way to the customer, as the send job hands it over. */
export interface OutboundMessage {
  /** Parley's message id: a provider that keeps a client reference should get this one. */
  id: string;
  conversationId: string;
  channel: Channel;
  /** Our address: the connection's sender. */
  from: string;
  /** The customer's address on the channel. */
  to: string;
  contentType: MessageContentType;
  /** Stored content, unchanged (files in `content.attachments`, see modules/attachments). */
  content: MessageContent;
  /** 1 on the first try; retries of a retryable ChannelError count up. */
  attempt: number;
}

export interface SendResult {
  /** The provider's id of the accepted message; its delivery reports name it. */
  providerMessageId: string;
}

/** Where an adapter's webhook or listener hands raw provider events over. */
export interface InboundSink {
  /**
   * Stores the raw event for the connection and schedules its processing: the only work to do
   * before acknowledging the provider. Nothing stored is lost if the process dies afterwards.
   */
  store(connectionId: string, payload: unknown): Promise<void>;
}

/** A provider check's outcome, in words an admin can act on. */
export interface TestOutcome {
  ok: boolean;
  message: string;
}

export interface WebhookContext {
  /** Base URL providers reach Parley at: PUBLIC_URL, else the origin of the admin's request. */
  origin: string;
  /**
   * Set only in the answer of the write that generated the webhook secret (create, rotate): the
   * secret to show once. Absent otherwise, and the response then carries no secret.
   */
  secret?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each adapter narrows its own settings type
export interface ChannelAdapter<S = any> {
  provider: ChannelProvider;
  /** Channels this provider carries; a connection is one of them. */
  channels: readonly Channel[];
  /** The provider's settings schema (from contracts): checks admin input and parses stored settings. */
  settings: z.ZodType<S>;
  /** Dotted paths of write-only settings: responses show their last four characters only. */
  secretFields: readonly string[];
  /** Routes, listeners and jobs of the provider; called once at start-up. */
  register?(app: FastifyInstance, ctx: AppContext, inbound: InboundSink): Promise<void>;
  /** What the admin enters at the provider; absent for providers that need no webhook. */
  webhook?(connection: AdapterConnection<S>, context: WebhookContext): WebhookSettings;
  /**
   * Turns one stored raw event into messages and delivery reports. May be async (e.g. to fetch and
   * store media with modules/attachments); a throw makes the processor retry the event later.
   * Duplicates are ignored by provider message id downstream.
   */
  mapInbound?(
    payload: unknown,
    connection: AdapterConnection<S>,
    ctx: AppContext,
  ): MappedInboundEvent | Promise<MappedInboundEvent>;
  /** Sends one message; provider failures are thrown as ChannelError {code, retryable}. */
  send(message: OutboundMessage, connection: AdapterConnection<S>, ctx: AppContext): Promise<SendResult>;
  /**
   * The admin's "Test": checks the credentials at the provider and (re)registers the webhook where
   * the provider lets Parley do it. Also run after a create, a settings change, a rotate or an enable.
   */
  test?(connection: AdapterConnection<S>, ctx: AppContext, context: WebhookContext): Promise<TestOutcome>;
  /** Shows or clears the agent's typing indicator to the customer, on channels that have one. */
  sendTyping?(
    route: { from: string; to: string },
    typing: boolean,
    connection: AdapterConnection<S>,
    ctx: AppContext,
  ): Promise<void>;
}
