import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  acceptSendRequest,
  infobipErrorBody,
  MESSAGES_API_SEND_PATH,
  readSendRequest,
  type SendRequestBody,
} from './simulated-api.ts';

// A local stand-in for Infobip's Messages API, built from the reference (simulated-api.ts, shared
// with the built-in sandbox): it checks the API key and the request body against the reference
// schema, records what it accepted and answers as the reference documents, and can be told to fail.
// Tests, integration tests and benches use it; production never imports it.

/** Failures the fake can be told to produce instead of accepting a send. */
export type FakeFailure = 429 | 500 | 503 | 400 | 'disconnect' | 'hang';

export interface RecordedSend {
  /** The request body exactly as received. */
  body: SendRequestBody;
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

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeInfobip(options: { apiKey?: string } = {}): Promise<FakeInfobip> {
  const apiKey = options.apiKey ?? `fake-${randomUUID()}`;
  const received: RecordedSend[] = [];
  const failures: FakeFailure[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'POST' || request.url !== MESSAGES_API_SEND_PATH) {
      sendJson(response, 404, infobipErrorBody('E404'));
      return;
    }
    const raw = await readBody(request);
    if (request.headers.authorization !== `App ${apiKey}`) {
      sendJson(response, 401, infobipErrorBody('E401'));
      return;
    }
    const failure = failures.shift();
    if (failure === 'disconnect') {
      request.socket.destroy();
      return;
    }
    if (failure === 'hang') return;
    if (failure === 429) return sendJson(response, 429, infobipErrorBody('E429'));
    if (failure === 500 || failure === 503) return sendJson(response, failure, infobipErrorBody('E500'));
    if (failure === 400) return sendJson(response, 400, infobipErrorBody('E400'));

    const sendRequest = readSendRequest(raw);
    if (!sendRequest.ok) {
      sendJson(response, 400, sendRequest.error);
      return;
    }
    const { response: answer, accepted } = acceptSendRequest(sendRequest.body);
    received.push({ body: sendRequest.body, messageIds: accepted.map((a) => a.messageId) });
    sendJson(response, 200, answer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, infobipErrorBody('E500', String(error)));
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
