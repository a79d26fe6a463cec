import { CONNECTION_CHANNELS } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { LONG_THREAD_MESSAGES, LONG_THREAD_TOPIC } from './demo-long-thread.ts';
import { generateDemoData } from './generate-demo.ts';

const now = new Date('2026-03-01T12:00:00Z');
const data = generateDemoData({ now });
const time = (d: Date | undefined | null) => (d as Date).getTime();

describe('generateDemoData', () => {
  it('is deterministic for a seed', () => {
    expect(generateDemoData({ now })).toEqual(data);
    expect(generateDemoData({ now, seed: 7 }).conversations[0]).not.toEqual(data.conversations[0]);
  });

  it('makes the documented installation', () => {
    expect(data.users.map((u) => u.email)).toContain('supervisor@parley.demo');
    expect(data.users).toHaveLength(7);
    expect(data.queues.map((q) => q.name).sort()).toEqual(['Billing', 'Default', 'Sales', 'Support']);
    expect(data.customers).toHaveLength(150);
    expect(data.conversations).toHaveLength(300);
    const statuses = new Set(data.conversations.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['CLOSED', 'OPEN', 'SOLVED', 'WAITING']);
    expect(new Set(data.conversations.map((c) => c.channel)).size).toBe(7);
    expect(data.conversations.some((c) => c.assigneeUserId === null)).toBe(true);
  });

  it('uses an existing Default queue instead of creating one', () => {
    const other = generateDemoData({ now, defaultQueueId: '00000000-0000-4000-8000-000000000001' });
    expect(other.queues.map((q) => q.name)).not.toContain('Default');
    expect(
      other.queueMembers.filter((m) => m.queueId === '00000000-0000-4000-8000-000000000001'),
    ).toHaveLength(5);
  });

  it('keeps per thread key only the latest conversation non-CLOSED, after every earlier one ended', () => {
    const byKey = new Map<string, typeof data.conversations>();
    for (const c of data.conversations) {
      const key = `${c.channel}|${c.ourAddress}|${c.customerAddress}`;
      byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
    for (const list of byKey.values()) {
      list.sort((a, b) => time(a.createdAt) - time(b.createdAt));
      for (const earlier of list.slice(0, -1)) expect(earlier.status).toBe('CLOSED');
      for (let i = 1; i < list.length; i++) {
        expect(time(list[i - 1]?.closedAt)).toBeLessThan(time(list[i]?.createdAt));
      }
    }
  });

  it('leaves open work only on channels a connection can reply on', () => {
    const replyable = new Set<string>(CONNECTION_CHANNELS);
    for (const c of data.conversations) {
      if (c.status !== 'CLOSED') expect(replyable.has(c.channel as string)).toBe(true);
    }
  });

  it('makes one 5,000-message conversation for agent1, in timeline order, ending on unread customer messages', () => {
    const agent1 = data.users.find((u) => u.email === 'agent1@parley.demo')?.id;
    const [long, ...others] = data.conversations.filter((c) => c.topic === LONG_THREAD_TOPIC);
    expect(others).toEqual([]);
    expect(long).toMatchObject({ status: 'OPEN', assigneeUserId: agent1, channel: 'WHATSAPP' });
    const msgs = data.messages.filter((m) => m.conversationId === long?.id);
    expect(msgs).toHaveLength(LONG_THREAD_MESSAGES);
    for (let i = 1; i < msgs.length; i++) {
      expect(time(msgs[i]?.createdAt)).toBeGreaterThan(time(msgs[i - 1]?.createdAt));
    }
    expect(msgs.slice(-3).map((m) => m.direction)).toEqual(['INBOUND', 'INBOUND', 'INBOUND']);
    const read = data.conversationReads.find((r) => r.conversationId === long?.id && r.userId === agent1);
    expect(read?.lastReadMessageId).toBe(msgs.at(-4)?.id);
    expect(data.notes.filter((n) => n.conversationId === long?.id).length).toBeGreaterThan(3);
    expect(data.conversationLog.filter((l) => l.conversationId === long?.id).length).toBeGreaterThan(10);
  });

  it('keeps every conversation consistent with its messages and log', () => {
    const members = new Map(data.queues.map((q) => [q.id, new Set<string>()]));
    for (const m of data.queueMembers) members.get(m.queueId)?.add(m.userId);
    const queueNames = new Map(data.queues.map((q) => [q.id, q.name]));
    for (const c of data.conversations) {
      const msgs = data.messages
        .filter((m) => m.conversationId === c.id)
        .sort((a, b) => time(a.createdAt) - time(b.createdAt));
      expect(msgs.length).toBeGreaterThanOrEqual(2);
      expect(msgs.length).toBeLessThanOrEqual(c.topic === LONG_THREAD_TOPIC ? LONG_THREAD_MESSAGES : 15);
      expect(msgs[0]?.direction).toBe('INBOUND');
      expect(time(c.createdAt)).toBe(time(msgs[0]?.createdAt));
      const last = msgs.at(-1);
      expect(time(last?.createdAt)).toBeLessThanOrEqual(now.getTime());
      expect(c.closedAt !== null).toBe(c.status === 'CLOSED');
      if (c.closedAt) expect(time(c.closedAt)).toBeLessThanOrEqual(now.getTime());
      if (last?.direction === 'INBOUND') {
        expect(c.status).toBe('OPEN');
        const lastOut = msgs.findLastIndex((m) => m.direction === 'OUTBOUND');
        expect(c.pendingSince).toEqual(msgs[lastOut + 1]?.createdAt);
      } else {
        expect(c.pendingSince).toBeNull();
      }
      if (c.assigneeUserId) {
        expect(members.get(c.queueId as string)?.has(c.assigneeUserId)).toBe(true);
      }
      expect(queueNames.has(c.queueId as string)).toBe(true);
      const log = data.conversationLog.filter((l) => l.conversationId === c.id);
      const statusChanges = log
        .filter((l) => l.kind === 'status')
        .sort((a, b) => time(a.createdAt) - time(b.createdAt));
      expect(statusChanges.at(-1)?.to ?? 'OPEN').toBe(c.status);
      const assignments = log
        .filter((l) => l.kind === 'assignment')
        .sort((a, b) => time(a.createdAt) - time(b.createdAt));
      const lastAssignee = assignments.at(-1)?.to as { userId: string } | undefined;
      expect(lastAssignee?.userId ?? null).toBe(c.assigneeUserId);
    }
  });
});
