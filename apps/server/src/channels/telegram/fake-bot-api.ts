import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the Telegram Bot API (tests and e2e journeys; never the live service): it
// answers the methods Parley calls as Telegram documents them, serves files for getFile, records
// every call, and delivers updates to the webhook registered with setWebhook, secret header included.

export interface FakeBotCall {
  method: string;
  /** JSON parameters, or the text fields of a multipart upload. */
  params: Record<string, unknown>;
  /** Uploaded files of a multipart call, by field. */
  files: Record<string, { name: string; type: string; bytes: Buffer }>;
}

export interface FakeTelegram {
  apiBaseUrl: string;
  botToken: string;
  username: string;
  calls: FakeBotCall[];
  /** The webhook Parley registered (setWebhook). */
  webhook: { url: string; secretToken: string } | undefined;
  /** Makes the next `count` method calls fail with `status` (429, 500 …). */
  failNext(count: number, status: number): void;
  /** A file getFile will name and the file route will serve; returns its file_id. */
  addFile(bytes: Buffer, path: string): string;
  /** Posts an update to the registered webhook, as Telegram would; resolves with the HTTP status. */
  deliver(update: unknown): Promise<number>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readCall(method: string, request: IncomingMessage): Promise<FakeBotCall> {
  const body = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    return {
      method,
      params: body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {},
      files: {},
    };
  }
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  const call: FakeBotCall = { method, params: {}, files: {} };
  for (const [key, value] of form) {
    if (typeof value === 'string') call.params[key] = value;
    else
      call.files[key] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return call;
}

export async function startFakeTelegram(options: { username?: string } = {}): Promise<FakeTelegram> {
  const botToken = `${1000 + Math.floor(Math.random() * 1e6)}:AA${crypto.randomUUID().replaceAll('-', '')}`;
  const username = options.username ?? `parley_test_${Math.floor(Math.random() * 1e6)}_bot`;
  const files = new Map<string, { path: string; bytes: Buffer }>();
  let failures = { count: 0, status: 500 };
  let nextMessageId = 1;
  const fake: FakeTelegram = {
    apiBaseUrl: '',
    botToken,
    username,
    calls: [],
    webhook: undefined,
    failNext(count, status) {
      failures = { count, status };
    },
    addFile(bytes, path) {
      const id = `file-${crypto.randomUUID()}`;
      files.set(id, { path, bytes });
      return id;
    },
    async deliver(update) {
      if (!fake.webhook) throw new Error('No webhook registered with the fake Telegram');
      const res = await fetch(fake.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-telegram-bot-api-secret-token': fake.webhook.secretToken,
        },
        body: JSON.stringify(update),
      });
      return res.status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const answer = (call: FakeBotCall): unknown => {
    const chatId = Number(call.params.chat_id);
    switch (call.method) {
      case 'getMe':
        return { id: Number(botToken.split(':')[0]), is_bot: true, first_name: 'Parley test', username };
      case 'setWebhook':
        fake.webhook = { url: String(call.params.url), secretToken: String(call.params.secret_token ?? '') };
        return true;
      case 'getFile': {
        const file = files.get(String(call.params.file_id));
        return file && { file_id: call.params.file_id, file_path: file.path, file_size: file.bytes.length };
      }
      default:
        return {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: 'private' },
        };
    }
  };

  const server = createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://fake');
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      const file = [...files.values()].find((f) => f.path === fileRoute[2]);
      if (fileRoute[1] !== botToken || !file)
        return send(404, { ok: false, error_code: 404, description: 'Not Found' });
      return response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
    }
    const methodRoute = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!methodRoute || methodRoute[1] !== botToken) {
      return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const call = await readCall(methodRoute[2] as string, request);
    if (failures.count > 0) {
      failures.count--;
      const description =
        failures.status === 429 ? 'Too Many Requests: retry after 1' : 'Internal Server Error';
      return send(failures.status, { ok: false, error_code: failures.status, description });
    }
    fake.calls.push(call);
    const result = answer(call);
    if (result === undefined)
      return send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
    return send(200, { ok: true, result });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.apiBaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
