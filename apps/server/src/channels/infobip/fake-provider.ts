import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { referenceViolations } from './reference-schema.ts';

// A local stand-in for Infobip's Messages API, built from the reference: it checks the API key and
// the request body against the reference schema, records what it accepted and answers as the
// reference documents. Tests, integration tests and benches use it; production never imports it.

const SEND_PATH = '/messages-api/1/messages';

/** Failures the fake can be told to produce instead of accepting a send. */
export type FakeFailure = 429 | 500 | 503 | 400 | 'disconnect' | 'hang';

export interface RecordedSend {
  /** The request body exactly as received. */
  body: { messages: Array<Record<string, unknown>> };
  /** The provider message ids the fake answered with, one per destination. */
  messageIds: string[];
}

export interface FakeInfobip {
  /** Base URL to configure on a connection, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  apiKey: string;
  /** Sends accepted so far, oldest first. */
  received: RecordedSend[];
  /** Makes the next `count` sends fail with `failure` (in addition to any already queued). */
  failNext(count: number, failure: FakeFailure): void;
  /** Posts a webhook body (incoming message or report) to `url` the way Infobip does. */
  postToWebhook(
    url: string,
    payload: unknown,
    authorization?: string,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

type ExampleSet = Record<string, unknown>;
function loadExamples(file: string): ExampleSet {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as ExampleSet;
}
const errorBodies = loadExamples('error-responses.json');

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function badRequest(violations: Array<{ property: string; violation: string }>): unknown {
  return { ...(errorBodies.E400 as object), violations };
}

// The documented 200 answer: one entry per destination, status PENDING/MESSAGE_ACCEPTED. A
// destination that brought its own messageId keeps it, as Infobip does.
function acceptedResponse(body: RecordedSend['body']): { response: unknown; messageIds: string[] } {
  const entries = body.messages.flatMap((message) =>
    ((message.destinations as Array<{ to: string; messageId?: string }> | undefined) ?? []).map(
      (destination) => ({
        messageId: destination.messageId ?? randomUUID(),
        status: {
          groupId: 1,
          groupName: 'PENDING',
          id: 26,
          name: 'MESSAGE_ACCEPTED',
          description: 'Message sent to next instance',
        },
        destination: destination.to,
      }),
    ),
  );
  return {
    response: { bulkId: randomUUID(), messages: entries },
    messageIds: entries.map((e) => e.messageId),
  };
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeInfobip(options: { apiKey?: string } = {}): Promise<FakeInfobip> {
  const apiKey = options.apiKey ?? `fake-${randomUUID()}`;
  const received: RecordedSend[] = [];
  const failures: FakeFailure[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || request.url !== SEND_PATH) {
      sendJson(response, 404, { errorCode: 'E404', description: 'Not found', violations: [], resources: [] });
      return;
    }
    const raw = await readBody(request);
    if (request.headers.authorization !== `App ${apiKey}`) {
      sendJson(response, 401, errorBodies.E401);
      return;
    }
    const failure = failures.shift();
    if (failure === 'disconnect') {
      request.socket.destroy();
      return;
    }
    if (failure === 'hang') return;
    if (failure === 429) return sendJson(response, 429, errorBodies.E429);
    if (failure === 500 || failure === 503) return sendJson(response, failure, errorBodies.E500);
    if (failure === 400) return sendJson(response, 400, errorBodies.E400);

    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(response, 400, badRequest([{ property: 'body', violation: 'Malformed JSON.' }]));
      return;
    }
    const violations = referenceViolations('MessagesApiRequest', body);
    if (violations.length > 0) {
      const list = violations.map((line) => {
        const [property = '', ...rest] = line.split(': ');
        return { property, violation: rest.join(': ') };
      });
      sendJson(response, 400, badRequest(list));
      return;
    }
    const accepted = body as RecordedSend['body'];
    const { response: answer, messageIds } = acceptedResponse(accepted);
    received.push({ body: accepted, messageIds });
    sendJson(response, 200, answer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { ...(errorBodies.E500 as object), description: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    received,
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    async postToWebhook(url, payload, authorization) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
        body: JSON.stringify(payload),
      });
      return { status: response.status, body: await response.text() };
    },
    close() {
      // Hung requests would keep close() waiting forever.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
