import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import { ChannelError } from '../channel-error.ts';
import { infobipAdapter } from './adapter.ts';

// Infobip fetches an agent's file from Parley's signed URL, so media needs a public address.

const message = {
  id: crypto.randomUUID(),
  conversationId: crypto.randomUUID(),
  channel: 'WHATSAPP' as const,
  from: '447700900001',
  to: '385911000111',
  contentType: 'IMAGE' as const,
  content: { attachments: [{ id: crypto.randomUUID(), fileName: 'a.png', mimeType: 'image/png', size: 10 }] },
  attempt: 1,
};

const connection = {
  id: crypto.randomUUID(),
  channel: 'WHATSAPP' as const,
  sender: '447700900001',
  webhookSecretHash: 'hash',
  settings: { baseUrl: 'https://xyz.api.infobip.com', apiKey: 'key-0123456789' },
};

describe('Infobip media sends', () => {
  it('refuses media without PUBLIC_URL on a real provider, final (not retried)', async () => {
    const ctx = { config: { PUBLIC_URL: undefined } } as unknown as AppContext;
    const sending = infobipAdapter.send(
      message,
      connection as unknown as Parameters<typeof infobipAdapter.send>[1],
      ctx,
    );
    await expect(sending).rejects.toBeInstanceOf(ChannelError);
    await expect(sending).rejects.toMatchObject({
      code: 'unsupported_content',
      retryable: false,
      message: expect.stringContaining('Set PUBLIC_URL'),
    });
  });
});
