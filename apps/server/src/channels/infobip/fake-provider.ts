import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  acceptSendRequest,
  infobipErrorBody,
  MESSAGES_API_SEND_PATH,
  MESSAGES_API_VALIDATE_PATH,
  readSendRequest,
  type SendRequestBody,
  validateSendRequest,
} from './simulated-api.ts';
import {
  exampleRegistryTemplates,
  type RegistryEntry,
  registryAnswer,
  TEMPLATE_REGISTRY_PATH,
} from './simulated-registry.ts';

// A local stand-in for Infobip's Messages API and WhatsApp template registry, built from the
// references (simulated-api.ts and simulated-registry.ts, shared with the built-in sandbox): it
// checks the API key and the request body against the reference schema, records what it accepted
// and answers as the reference documents, and can be told to fail.
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
  /** Bodies of the validate calls (connection checks) so far, oldest first; nothing was sent. */
  validated: unknown[];
  /** Makes the next `count` sends fail with `failure` (in addition to any already queued). */
  failNext(count: number, failure: FakeFailure): void;
  /** Makes the next `count` template registry reads fail with `failure`. */
  failNextRegistryReads(count: number, failure: FakeFailure): void;
  /** Senders whose template registry was read, oldest first. */
  registryReads: string[];
  /**
   * Replaces the template registry of `sender`; until then every sender lists the reference's
   * example templates (exampleRegistryTemplates).
   */
  setTemplates(sender: string, templates: RegistryEntry[]): void;
  /** Serves a customer's media file at `path` (as Infobip does: only with the API key); returns its URL. */
  serveMedia(path: string, file: { bytes: Buffer; type: string }): string;
  /** Media downloads (any GET of a `/media/` path), oldest first, with whether they carried the API key. */
  mediaReads: Array<{ path: string; authorized: boolean }>;
  /** Posts a webhook body (incoming message or report) to `url` the way Infobip does. */
  postToWebhook(
    url: string,
    payload: unknown,
    authorization?: string,
  ): Promise<{ status: number; body: string }>;
  /** Stops accepting connections (callers get "connection refused") until `listenAgain`. */
  stopListening(): Promise<void>;
  /** Accepts connections again on the same port. */
  listenAgain(): Promise<void>;
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
  const validated: unknown[] = [];
  const failures: FakeFailure[] = [];
  const registryFailures: FakeFailure[] = [];
  const registryReads: string[] = [];
  const registries = new Map<string, RegistryEntry[]>();
  const media = new Map<string, { bytes: Buffer; type: string }>();
  const mediaReads: Array<{ path: string; authorized: boolean }> = [];

  /** Answers with the next queued failure; false when none is queued. */
  const failed = (queue: FakeFailure[], request: IncomingMessage, response: ServerResponse): boolean => {
    const failure = queue.shift();
    if (failure === undefined) return false;
    if (failure === 'disconnect') request.socket.destroy();
    else if (failure === 429) sendJson(response, 429, infobipErrorBody('E429'));
    else if (failure === 500 || failure === 503) sendJson(response, failure, infobipErrorBody('E500'));
    else if (failure === 400) sendJson(response, 400, infobipErrorBody('E400'));
    return true;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method === 'GET' && /\/media\//.test(request.url ?? '')) {
      const file = media.get(request.url ?? '');
      const authorized = request.headers.authorization === `App ${apiKey}`;
      mediaReads.push({ path: request.url ?? '', authorized });
      if (!authorized) return sendJson(response, 401, infobipErrorBody('E401'));
      if (!file) return sendJson(response, 404, infobipErrorBody('E404'));
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.bytes.length });
      response.end(file.bytes);
      return;
    }
    const registry = request.method === 'GET' ? TEMPLATE_REGISTRY_PATH.exec(request.url ?? '') : null;
    const post = request.method === 'POST' ? request.url : undefined;
    if (!registry && post !== MESSAGES_API_SEND_PATH && post !== MESSAGES_API_VALIDATE_PATH) {
      sendJson(response, 404, infobipErrorBody('E404'));
      return;
    }
    const raw = await readBody(request);
    if (request.headers.authorization !== `App ${apiKey}`) {
      sendJson(response, 401, infobipErrorBody('E401'));
      return;
    }
    if (post === MESSAGES_API_VALIDATE_PATH) {
      const answer = validateSendRequest(raw);
      if (answer.status === 200) validated.push(JSON.parse(raw));
      sendJson(response, answer.status, answer.body);
      return;
    }
    if (failed(registry ? registryFailures : failures, request, response)) return;
    if (registry) {
      const sender = decodeURIComponent(registry[1] ?? '');
      registryReads.push(sender);
      sendJson(response, 200, registryAnswer(registries.get(sender) ?? exampleRegistryTemplates()));
      return;
    }

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
    validated,
    registryReads,
    mediaReads,
    failNext(count, failure) {
      for (let i = 0; i < count; i += 1) failures.push(failure);
    },
    failNextRegistryReads(count, failure) {
      for (let i = 0; i < count; i += 1) registryFailures.push(failure);
    },
    setTemplates(sender, templates) {
      registries.set(sender, templates);
    },
    serveMedia(path, served) {
      media.set(path, served);
      return `http://127.0.0.1:${port}${path}`;
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
    stopListening() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
    listenAgain() {
      return new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
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
