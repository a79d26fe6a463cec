import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { buildTestApp } from '../../test/app.ts';
import type { App } from '../app.ts';
import { connectTestSender, createDesk, type Desk } from '../modules/conversations/test-fixtures.ts';
import { createApiKeyRecord } from '../modules/users/api-keys.service.ts';
import type { AppContext } from '../platform/context.ts';
import type { Db } from '../platform/db/client.ts';
import { validateResponse } from './contract.ts';

export interface CcaasCall {
  status: number;
  // Tests read into reference shapes freely; the reference schema check is what guards them.
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked against the reference, not typed
  body: any;
}

/** The SMS sender of the reference's message examples, connected by ccaasHarness so replies may go out. */
export const EXAMPLE_SENDER = '447492263897';

/**
 * A built app on a fresh database, the conversation-test desk, EXAMPLE_SENDER connected, an API key
 * and a reference-checked caller.
 */
export async function ccaasHarness() {
  const { app, ctx, db } = await buildTestApp();
  const desk: Desk = await createDesk(db);
  await connectTestSender(db, 'SMS', EXAMPLE_SENDER);
  const { key, row } = await createApiKeyRecord(db.orm, 'ccaas test', null);
  const authorization = `App ${key}`;

  /** Calls `/ccaas/1` with the key; every answer must match the reference schema of `template` and status. */
  async function call(
    method: InjectOptions['method'],
    url: string,
    template: string,
    options: { payload?: unknown; headers?: Record<string, string> } = {},
  ): Promise<CcaasCall> {
    const res = await app.inject({
      method,
      url,
      headers: { authorization, ...options.headers },
      ...(options.payload !== undefined && { payload: options.payload as InjectOptions['payload'] }),
    });
    const body = res.body ? res.json() : undefined;
    expect(validateResponse(String(method), template, res.statusCode, body)).toEqual([]);
    return { status: res.statusCode, body };
  }

  return { app, ctx, db, desk, authorization, apiKeyId: row.id, call };
}

export type CcaasHarness = Awaited<ReturnType<typeof ccaasHarness>> & { app: App; ctx: AppContext; db: Db };

/** The Infobip error envelope a test expects. */
export function serviceException(messageId: string, text?: string) {
  return { requestError: { serviceException: { messageId, ...(text !== undefined && { text }) } } };
}
