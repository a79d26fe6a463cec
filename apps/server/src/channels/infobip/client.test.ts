import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../channel-error.ts';
import { sendMessage, validateConnection } from './client.ts';
import { type FakeInfobip, startFakeInfobip } from './fake-provider.ts';
import { referenceViolations } from './reference-schema.ts';
import type { InfobipConnection, OutboundMessage } from './types.ts';

let fake: FakeInfobip;
let connection: Pick<InfobipConnection, 'channel' | 'sender' | 'baseUrl' | 'apiKey'>;

beforeAll(async () => {
  fake = await startFakeInfobip();
});
afterAll(() => fake.close());
beforeEach(() => {
  connection = { channel: 'WHATSAPP', sender: '385100200', baseUrl: fake.baseUrl, apiKey: fake.apiKey };
});

let sequence = 0;
function textMessage(text = 'Your order is ready'): OutboundMessage {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    to: '385911234567',
    contentType: 'TEXT',
    content: { text },
  };
}

async function sendFailure(message = textMessage(), options = {}): Promise<ChannelError> {
  const error = await sendMessage(connection, message, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('sendMessage against the fake Infobip', () => {
  it('returns the provider message id and the fake receives a reference-valid request', async () => {
    const message = textMessage();
    const result = await sendMessage(connection, message, {
      reportUrl: 'https://parley.example/webhooks/infobip',
    });
    expect(result).toEqual({ providerMessageId: message.id });
    const recorded = fake.received.at(-1);
    expect(recorded?.messageIds).toEqual([message.id]);
    expect(referenceViolations('MessagesApiRequest', recorded?.body)).toEqual([]);
    expect(recorded?.body.messages[0]).toMatchObject({
      channel: 'WHATSAPP',
      sender: '385100200',
      destinations: [{ to: '385911234567', messageId: message.id }],
      content: { body: { type: 'TEXT', text: 'Your order is ready' } },
      webhooks: { delivery: { url: 'https://parley.example/webhooks/infobip' } },
    });
  });

  it('accepts a base URL with a trailing slash', async () => {
    const message = textMessage();
    const result = await sendMessage({ ...connection, baseUrl: `${fake.baseUrl}/` }, message);
    expect(result.providerMessageId).toBe(message.id);
  });

  it.each([
    [429, 'rate_limited', 'E429 Too many requests sent.'],
    [500, 'provider_unavailable', 'E500 Something went wrong.'],
    [503, 'provider_unavailable', 'E500 Something went wrong.'],
  ] as const)('turns HTTP %s into a retryable %s error', async (status, code, message) => {
    fake.failNext(1, status);
    const error = await sendFailure();
    expect(error).toMatchObject({ code, retryable: true, status, message });
  });

  it('turns HTTP 400 into a non-retryable error carrying the provider reason', async () => {
    fake.failNext(1, 400);
    const error = await sendFailure();
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      status: 400,
      message: 'E400 Request cannot be processed. (property.path: Violation message.)',
    });
  });

  it('reports the reference violations the fake finds in a request Infobip would refuse', async () => {
    const offTheMap: OutboundMessage = {
      ...textMessage(),
      contentType: 'LOCATION',
      content: { latitude: 123, longitude: 15.98 },
    };
    const error = await sendFailure(offTheMap);
    expect(error).toMatchObject({ code: 'rejected', retryable: false, status: 400 });
    expect(error.message).toContain('/messages/0/content/body/latitude: must be <= 90');
  });

  it('turns a wrong API key into a non-retryable auth error', async () => {
    connection = { ...connection, apiKey: 'not-the-key' };
    const error = await sendFailure();
    expect(error).toMatchObject({ code: 'auth_failed', retryable: false, status: 401 });
  });

  it('turns a connection dropped after the request into a non-retryable "check before retrying"', async () => {
    fake.failNext(1, 'disconnect');
    expect(await sendFailure()).toMatchObject({
      code: 'timeout',
      retryable: false,
      message: 'No answer from Infobip — check before retrying',
    });
  });

  it('turns an unreachable provider into a retryable network error', async () => {
    const gone = await startFakeInfobip();
    await gone.close();
    connection = { ...connection, baseUrl: gone.baseUrl };
    expect(await sendFailure()).toMatchObject({ code: 'network_error', retryable: true });
  });

  it('gives up on a provider that never answers without retrying (the send may have been accepted)', async () => {
    fake.failNext(1, 'hang');
    expect(await sendFailure(textMessage(), { timeoutMs: 200 })).toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });

  it('fails exactly the number of calls it was told to, then accepts again', async () => {
    fake.failNext(2, 429);
    const before = fake.received.length;
    await sendFailure();
    await sendFailure();
    const message = textMessage();
    await expect(sendMessage(connection, message)).resolves.toEqual({ providerMessageId: message.id });
    expect(fake.received.length).toBe(before + 1);
  });
});

describe('the fake against the reference examples', () => {
  const examples = (file: string) =>
    Object.entries(
      JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')) as object,
    );

  it('documents a success answer that matches the reference response schema', () => {
    for (const [, body] of examples('send-responses.json')) {
      expect(referenceViolations('ResponseEnvelopeMessageResponseMessageResponseDetails', body)).toEqual([]);
    }
  });

  it('accepts every documented send request and answers with a reference-valid response', async () => {
    const requests = examples('send-requests.json');
    expect(requests.length).toBeGreaterThan(100);
    for (const [name, body] of requests) {
      const response = await fetch(`${fake.baseUrl}/messages-api/1/messages`, {
        method: 'POST',
        headers: { Authorization: `App ${fake.apiKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer: unknown = await response.json();
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
      expect(referenceViolations('ResponseEnvelopeMessageResponseMessageResponseDetails', answer)).toEqual(
        [],
      );
    }
  });
});

describe('validateConnection (the connection check)', () => {
  /** A one-answer Infobip: replies `status` and `body` to any request, as the reference's examples show. */
  async function answering(status: number, body: unknown) {
    const server = createServer((_request, response) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { baseUrl, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('sends nothing, and the request it validates is a reference-valid text from the sender', async () => {
    const sends = fake.received.length;
    expect(await validateConnection(connection)).toEqual({
      ok: true,
      message: 'Infobip accepts this API key and would send from 385100200',
    });
    expect(fake.received.length).toBe(sends);
    expect(referenceViolations('MessagesApiRequest', fake.validated.at(-1))).toEqual([]);
  });

  it('reports the remarks of a 200 and the violations of a 400 (the reference examples)', async () => {
    const ok = await answering(200, {
      description: "Request can be sent through '/messages' endpoint and should be accepted by our platform.",
      action: 'No action is required, but it is recommended to check and address any violations.',
      skippableViolations: [{ property: 'messages[0].metadata', violation: 'Unknown property' }],
    });
    const bad = await answering(400, {
      description: 'Request cannot be processed.',
      action: 'Check the syntax, violations and adjust the request.',
      violations: [{ property: 'messages[0].content.body', violation: 'invalid value' }],
    });
    try {
      expect(await validateConnection({ ...connection, baseUrl: ok.baseUrl })).toEqual({
        ok: true,
        message:
          'Infobip accepts this API key and would send from 385100200 (remarks: messages[0].metadata: Unknown property)',
      });
      expect(await validateConnection({ ...connection, baseUrl: bad.baseUrl })).toEqual({
        ok: false,
        message: 'Request cannot be processed. (messages[0].content.body: invalid value)',
      });
    } finally {
      await ok.close();
      await bad.close();
    }
  });

  it('throws what a send would for a refused key or an unreachable account', async () => {
    const refused = await validateConnection({ ...connection, apiKey: 'not-the-key' }).catch((e) => e);
    expect(refused).toMatchObject({ code: 'auth_failed', retryable: false });
    const closed = await answering(200, {});
    await closed.close();
    const unreachable = await validateConnection({ ...connection, baseUrl: closed.baseUrl }).catch((e) => e);
    expect(unreachable).toMatchObject({ code: 'network_error' });
  });
});
