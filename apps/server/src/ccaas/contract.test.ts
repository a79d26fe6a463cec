import { describe, expect, it } from 'vitest';
import { operationsUnder, requestExamples, validateResponse } from './contract.ts';

describe('operationsUnder', () => {
  it('lists the documented agent operations with their methods and ids', () => {
    const ids = operationsUnder('/ccaas/1/agents').map((o) => `${o.method} ${o.path} ${o.operationId}`);
    expect(ids).toContain('get /ccaas/1/agents get-agents');
    expect(ids).toContain('put /ccaas/1/agents/{agentId}/status update-agent-status');
    expect(ids).toContain('delete /ccaas/1/agents/{agentId}/queues/{queueId} remove-agent-queue');
    expect(ids.every((id) => id.split(' ')[1]?.startsWith('/ccaas/1/agents'))).toBe(true);
  });
});

describe('requestExamples', () => {
  it('returns the named examples of an operation that documents them', () => {
    const examples = requestExamples('create-note');
    expect(examples.map((e) => e.name).sort()).toEqual(['Note with attachments.', 'Text note.']);
  });

  it('falls back to the example of the body schema', () => {
    expect(requestExamples('create-queue')).toEqual([
      { name: 'schema example', value: { name: 'Spanish Support' } },
    ]);
  });

  it('is empty for an operation without a body and refuses an unknown operation', () => {
    expect(requestExamples('get-agents')).toEqual([]);
    expect(() => requestExamples('no-such-operation')).toThrow(/no operation/);
  });
});

describe('validateResponse', () => {
  const agent = {
    id: '97457D13B1FC79AF3C1A1096AE7E77AB',
    displayName: 'Angus Young',
    status: 'ACTIVE',
    availability: 'BUSY',
    role: 'SUPERVISOR',
    enabled: true,
    createdAt: '2019-05-10T09:53:58.463+0000',
    updatedAt: '2026-11-25T09:53:58.463Z',
  };

  it('accepts a body that matches the referenced component schema, with either path style', () => {
    expect(validateResponse('GET', '/ccaas/1/agents/{agentId}', 200, agent)).toEqual([]);
    expect(validateResponse('get', '/ccaas/1/agents/:id', 200, agent)).toEqual([]);
    const page = { agents: [agent], pagination: { totalItems: 1, page: 0, limit: 10, orderBy: 'id:ASC' } };
    expect(validateResponse('GET', '/ccaas/1/agents', 200, page)).toEqual([]);
  });

  it('reports wrong enums, types, formats and missing required fields', () => {
    const bad = {
      ...agent,
      status: 'OFFLINE',
      enabled: 'yes',
      createdAt: 'yesterday',
      displayName: undefined,
    };
    const violations = validateResponse(
      'GET',
      '/ccaas/1/agents/{agentId}',
      200,
      JSON.parse(JSON.stringify(bad)),
    );
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/status: must be equal to one of the allowed values/),
        '/enabled: must be boolean',
        expect.stringMatching(/^\/createdAt: must match format "date-time"/),
        "/: must have required property 'displayName'",
      ]),
    );
  });

  it('validates error envelopes through shared component responses', () => {
    const envelope = {
      requestError: { serviceException: { messageId: 'NOT_FOUND', text: 'Agent not found' } },
    };
    expect(validateResponse('GET', '/ccaas/1/agents/{agentId}', 404, envelope)).toEqual([]);
    expect(validateResponse('GET', '/ccaas/1/agents/{agentId}', 404, { requestError: 'x' })).not.toEqual([]);
  });

  it('trusts the examples over a top-level type they contradict (get-metadata says string)', () => {
    const path = '/ccaas/1/conversations/{conversationId}/metadata';
    expect(validateResponse('GET', path, 200, { key1: 'value1' })).toEqual([]);
    expect(validateResponse('GET', path, 200, 'text')).toEqual(['/: must be object']);
  });

  it('treats an undocumented status or operation as a failure', () => {
    expect(validateResponse('GET', '/ccaas/1/agents/{agentId}', 409, {})).toEqual([
      'status 409 is not documented for GET /ccaas/1/agents/{agentId}',
    ]);
    expect(() => validateResponse('PATCH', '/ccaas/1/agents/{agentId}', 200, {})).toThrow(
      /documents no PATCH/,
    );
  });
});
