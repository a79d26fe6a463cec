import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callBotApi } from './client.ts';

// Never sent twice: a send whose connection drops after the request went out is not retried
// blindly; a refused connection (nothing sent) and a read are.

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A Bot API that reads each request, then drops the connection without an answer. */
async function droppingApi(): Promise<string> {
  const server = createServer((request) => {
    request.resume();
    request.on('end', () => request.socket.destroy());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const bot = (apiBaseUrl: string) => ({ apiBaseUrl, botToken: '123:token' });

describe('Bot API failures without an answer', () => {
  it('fails a send dropped after the request went out, "check before retrying"', async () => {
    const url = await droppingApi();
    await expect(callBotApi(bot(url), 'sendMessage', { chat_id: 1, text: 'Hi' })).rejects.toMatchObject({
      retryable: false,
      message: 'No answer from Telegram — check before retrying',
    });
  });

  it('retries a read dropped the same way, and a send that could not connect', async () => {
    const url = await droppingApi();
    await expect(callBotApi(bot(url), 'getMe', {})).rejects.toMatchObject({ retryable: true });
    const closed = await droppingApi();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    await expect(callBotApi(bot(closed), 'sendMessage', { chat_id: 1, text: 'Hi' })).rejects.toMatchObject({
      code: 'network_error',
      retryable: true,
    });
  });
});
