import { z } from 'zod';
import { Channel } from '../conversations-enums.ts';
import { CcaasPageQuery, CcaasPagination } from './common.ts';

/** Of the reference's MessageChannel values, Parley's own channels. */
const BotChannel = Channel;

/** A webhook bot as the reference's Bot shows it. */
export const CcaasBot = z.object({
  id: z.string(),
  displayName: z.string(),
  webhookUrl: z.string().optional(),
  destination: z.string(),
  enabled: z.boolean(),
  /** Parley keeps every message (PERSIST_ALL): agents who take over see the whole thread. */
  messagePersistencePolicy: z.literal('PERSIST_ALL'),
  channel: z.string(),
  sessionTimeoutInSec: z.number().int(),
});
export type CcaasBot = z.infer<typeof CcaasBot>;

export const CcaasBotPage = z.object({ bots: z.array(CcaasBot), pagination: CcaasPagination });
export type CcaasBotPage = z.infer<typeof CcaasBotPage>;

export const CcaasBotListQuery = CcaasPageQuery;

/** `POST`/`PUT /ccaas/1/bots` (BotApiModel): an external bot Parley forwards customer messages to. */
export const CcaasSaveBotRequest = z.object({
  displayName: z.string().trim().min(1).max(255),
  webhookUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
  destination: z.string().trim().min(1).max(255),
  enabled: z.boolean().default(true),
  messagePersistencePolicy: z
    .literal('PERSIST_ALL', { error: 'Parley persists every message' })
    .default('PERSIST_ALL'),
  channel: BotChannel,
  sessionTimeoutInSec: z.number().int().min(60).max(86400).default(86400),
  /** Deprecated in the reference; not supported. */
  webhookHeaders: z.record(z.string(), z.string()).optional(),
});
export type CcaasSaveBotRequest = z.input<typeof CcaasSaveBotRequest>;
