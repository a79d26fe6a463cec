import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../channel-error.ts';
import { downloadMedia } from './inbound-media.ts';

// The media download fetches only the account's own origin and never reads past the byte cap.

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A server that records its requests and streams `chunks` of 1 KiB without a Content-Length (endless: until the client leaves). */
async function mediaServer(chunks = Number.POSITIVE_INFINITY) {
  const requests: string[] = [];
  let clientLeft = false;
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' });
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent += 1;
        if (!response.write(Buffer.alloc(1024, 7))) return void response.once('drain', pump);
      }
      response.end();
    };
    response.on('close', () => {
      clientLeft = true;
    });
    pump();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { baseUrl, requests, clientLeft: () => clientLeft };
}

const settings = (baseUrl: string) => ({ baseUrl, apiKey: 'media-key-0123456789' });

describe('downloadMedia', () => {
  it('reads a file within the cap', async () => {
    const server = await mediaServer(4);
    const file = await downloadMedia(`${server.baseUrl}/media/a`, settings(server.baseUrl), 8 * 1024);
    expect(file.bytes.length).toBe(4096);
    expect(file.type).toBe('image/png');
  });

  it('refuses a URL off the connection origin without fetching it', async () => {
    const account = await mediaServer(1);
    const elsewhere = await mediaServer(1);
    const download = downloadMedia(`${elsewhere.baseUrl}/media/a`, settings(account.baseUrl), 8 * 1024);
    await expect(download).rejects.toMatchObject({ code: 'unsupported_content', retryable: false });
    expect(elsewhere.requests).toEqual([]);
  });

  it('aborts an endless body without a length once past the cap', async () => {
    const server = await mediaServer();
    const error = await downloadMedia(`${server.baseUrl}/media/a`, settings(server.baseUrl), 64 * 1024).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ code: 'unsupported_content', retryable: false });
    await expect.poll(server.clientLeft).toBe(true);
  });
});
