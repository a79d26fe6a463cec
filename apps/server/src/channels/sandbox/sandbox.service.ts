import { createHash, timingSafeEqual } from 'node:crypto';
import { InfobipSettings } from '@parley/contracts';
import {
  type ChannelConnectionRow,
  listEnabledConnections,
} from '../../modules/channel-connections/channel-connections.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { parleyChannelOf } from '../infobip/channel-names.ts';
import {
  acceptSendRequest,
  destinationCount,
  infobipErrorBody,
  readSendRequest,
  type SendRequestBody,
  tooManyDestinations,
  validateSendRequest,
} from '../infobip/simulated-api.ts';
import { exampleRegistryTemplates, registryAnswer } from '../infobip/simulated-registry.ts';
import { isSandboxBaseUrl } from './sandbox-address.ts';
import { enqueueSandboxReports } from './sandbox-reports.jobs.ts';

/** What the sandbox answers: Infobip's status code and body. */
export interface SandboxAnswer {
  status: number;
  body: unknown;
}

/** Destinations one sandbox request may carry: each queues report jobs, so a key holder cannot flood the job queue. */
export const SANDBOX_MAX_DESTINATIONS = 20;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

// Digests have one length, so the comparison takes the same time whichever key was presented.
function sameKey(presented: string, stored: string): boolean {
  return timingSafeEqual(sha256(presented), sha256(stored));
}

/** Enabled connections pointed at the sandbox whose API key is the presented one. */
async function connectionsOfKey(ctx: AppContext, authorization: string | undefined) {
  const key = /^App\s+(\S+)\s*$/.exec(authorization ?? '')?.[1];
  if (key === undefined) return [];
  const connections = await listEnabledConnections(ctx.db.orm);
  return connections.filter((c) => {
    const settings = InfobipSettings.safeParse(c.settings);
    return (
      c.provider === 'infobip' &&
      settings.success &&
      isSandboxBaseUrl(settings.data.baseUrl) &&
      sameKey(key, settings.data.apiKey)
    );
  });
}

/** The connections of the presented key, for a sandbox call that needs them. */
export type KeyConnections = readonly ChannelConnectionRow[];

/**
 * Answers one sandbox call: authenticates like Infobip (`App <key>` of an enabled connection pointed
 * at the sandbox; 401 with Infobip's E401 body otherwise), then lets `handle` answer with that key's
 * connections.
 */
export async function answerSandboxCall(
  ctx: AppContext,
  authorization: string | undefined,
  handle: (connections: KeyConnections) => Promise<SandboxAnswer> | SandboxAnswer,
): Promise<SandboxAnswer> {
  const connections = await connectionsOfKey(ctx, authorization);
  if (connections.length === 0) return { status: 401, body: infobipErrorBody('E401') };
  return handle(connections);
}

/** Finds the key's connection a message goes out through, by Infobip channel and sender. */
function connectionFinder(connections: KeyConnections) {
  return (channel: unknown, sender: unknown): ChannelConnectionRow | undefined => {
    const ours = parleyChannelOf(String(channel));
    return connections.find((c) => c.channel === ours && c.sender === sender);
  };
}

/** The 403 answer when a message names a channel and sender the key does not carry. */
function uncoveredSender(
  body: SendRequestBody,
  connectionOf: ReturnType<typeof connectionFinder>,
): SandboxAnswer | undefined {
  const uncovered = body.messages.find((m) => connectionOf(m.channel, m.sender) === undefined);
  if (uncovered === undefined) return undefined;
  return {
    status: 403,
    body: infobipErrorBody(
      'E403',
      `This API key has no ${String(uncovered.channel)} sender ${String(uncovered.sender)}.`,
    ),
  };
}

/**
 * `POST /messages-api/1/messages` of the sandbox, for an authenticated key (answerSandboxCall):
 * checks the body against the reference (400
 * with violations), refuses a channel and sender that key does not carry (403), and answers the
 * documented 200 — with message ids of its own (a request's `destinations[].messageId` is ignored)
 * and at most SANDBOX_MAX_DESTINATIONS destinations (else 400). Each destination then gets its
 * delivery report, and a seen report a moment later, posted to Parley's own webhook for that
 * connection. Nothing leaves this machine.
 */
export async function acceptSandboxSend(
  ctx: AppContext,
  connections: KeyConnections,
  raw: string,
): Promise<SandboxAnswer> {
  const request = readSendRequest(raw);
  if (!request.ok) return { status: 400, body: request.error };
  if (destinationCount(request.body) > SANDBOX_MAX_DESTINATIONS) {
    return { status: 400, body: tooManyDestinations(SANDBOX_MAX_DESTINATIONS) };
  }

  const connectionOf = connectionFinder(connections);
  const refused = uncoveredSender(request.body, connectionOf);
  if (refused !== undefined) return refused;
  // Fresh message ids: reports name them, and a key holder must not pick another message's id.
  const { response, accepted } = acceptSendRequest(request.body, { ownMessageIds: true });
  const sentAt = new Date();
  for (const destination of accepted) {
    const connection = connectionOf(destination.channel, destination.sender) as ChannelConnectionRow;
    await enqueueSandboxReports(ctx, connection.id, destination, sentAt);
  }
  return { status: 200, body: response };
}

/**
 * `POST /messages-api/1/messages/validate` of the sandbox, for an authenticated key: the send's
 * checks (the reference's validation answer for the body, 403 for a sender the key does not carry)
 * and nothing sent — what a connection's Test calls.
 */
export function validateSandboxSend(connections: KeyConnections, raw: string): SandboxAnswer {
  const answer = validateSendRequest(raw);
  if (answer.status !== 200) return answer;
  return uncoveredSender(JSON.parse(raw) as SendRequestBody, connectionFinder(connections)) ?? answer;
}

/**
 * `GET /whatsapp/2/senders/{sender}/templates` of the sandbox, for an authenticated key: the
 * reference's example templates, all approved, for a WhatsApp sender of that key (404 for a sender
 * it does not carry), so demo WhatsApp lines have templates to send.
 */
export function listSandboxTemplates(connections: KeyConnections, sender: string): SandboxAnswer {
  if (!connections.some((c) => c.channel === 'WHATSAPP' && c.sender === sender)) {
    return { status: 404, body: infobipErrorBody('E404') };
  }
  return { status: 200, body: registryAnswer(exampleRegistryTemplates()) };
}
