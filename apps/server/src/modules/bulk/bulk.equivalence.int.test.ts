import type { BulkAction } from '@parley/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/app.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type ConversationPatchInput,
  updateConversation,
} from '../conversations/conversation-commands.service.ts';
import { personActor } from '../conversations/conversations.policy.ts';
import { findConversationById } from '../conversations/conversations.repo.ts';
import { createReadDesk } from '../conversations/read-test-desk.ts';
import type { TestSession } from '../users/test-helpers.ts';
import { applyBulkAction } from './bulk.service.ts';

// Bulk actions write set-wise (bulk.writes.ts) but must leave exactly what a single change through
// `updateConversation` leaves: the row, the change-log entries, the events and the refusal.

let app: App;
let ctx: AppContext;
let db: Db;
let desk: Awaited<ReturnType<typeof createReadDesk>>;

beforeAll(async () => {
  ({ app, ctx, db } = await buildTestApp());
  desk = await createReadDesk(app, ctx, db);
});

afterAll(async () => {
  await app.close();
});

/** Everything written about a conversation, with its own id blanked so two can be compared. */
async function trace(id: string) {
  const row = await findConversationById(db.orm, id);
  const log = await db.orm.execute<Record<string, unknown>>(sql`
    select kind, "from", "to", actor_kind, actor_user_id from conversation_log
    where conversation_id = ${id} order by created_at, kind`);
  const events = await db.orm.execute<{ type: string; payload: Record<string, unknown> }>(sql`
    select type, payload from outbox_events where payload->>'conversationId' = ${id} order by type, occurred_at`);
  return {
    row: row && {
      status: row.status,
      priority: row.priority,
      queueId: row.queueId,
      assigneeUserId: row.assigneeUserId,
      closed: row.closedAt !== null,
      pending: row.pendingSince !== null,
    },
    log: log.rows,
    events: events.rows.map((e) => ({ type: e.type, payload: { ...e.payload, conversationId: 'X' } })),
  };
}

type Setup = (conversationId: string) => Promise<unknown>;

/** Two conversations set up alike; one changed singly, the other in bulk; both traces compared. */
async function compare(who: TestSession, setup: Setup, patch: ConversationPatchInput, action: BulkAction) {
  const single = (await desk.receive(desk.address())).conversationId;
  const bulk = (await desk.receive(desk.address())).conversationId;
  await setup(single);
  await setup(bulk);
  await ctx.events.drain();
  // Only what the change itself writes is compared (the setup differs in ids and times).
  const before = { single: await trace(single), bulk: await trace(bulk) };
  const actor = personActor(who.user);
  const viewer = { userId: who.user.id, roles: who.user.roles };
  let singleRefusal: { code: string; message: string } | null = null;
  try {
    await updateConversation(ctx.events, actor, single, patch);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    singleRefusal = { code: error.code, message: error.message };
  }
  const result = await applyBulkAction({ orm: db.orm, events: ctx.events }, viewer, actor, [bulk], action);
  await ctx.events.drain();
  const bulkRefusal = result.refused[0]
    ? { code: result.refused[0].code, message: result.refused[0].message }
    : null;
  expect(bulkRefusal).toEqual(singleRefusal);
  type Trace = Awaited<ReturnType<typeof trace>>;
  const since = ({ row, log, events }: Trace, earlier: Trace) => ({
    row,
    log: log.slice(earlier.log.length),
    events: events.filter((e) => !earlier.events.some((b) => JSON.stringify(b) === JSON.stringify(e))),
  });
  const a = since(await trace(single), before.single);
  const b = since(await trace(bulk), before.bulk);
  expect(b).toEqual(a);
  return { result, trace: b };
}

const nothing: Setup = async () => {};

describe('bulk actions write what single changes write', () => {
  it('reassign, unassign and a refused reassignment', async () => {
    const { result, trace } = await compare(
      desk.supervisor,
      (id) => desk.moveToSales(id),
      { assigneeUserId: desk.member.user.id },
      { type: 'reassign', userId: desk.member.user.id },
    );
    expect(result.changed).toBe(1);
    expect(trace.events.map((e) => e.type)).toContain('conversation.assigned');
    await compare(
      desk.supervisor,
      (id) => desk.assign(id, desk.member.user.id),
      { assigneeUserId: null },
      { type: 'reassign', userId: null },
    );
    const refused = await compare(
      desk.member,
      (id) => desk.assign(id, desk.outsider.user.id),
      { assigneeUserId: desk.member.user.id },
      { type: 'reassign', userId: desk.member.user.id },
    );
    expect(refused.result.refused.map((r) => r.code)).toEqual(['assignment_forbidden']);
    const notInQueue = await compare(
      desk.supervisor,
      (id) => desk.moveToSales(id),
      { assigneeUserId: desk.outsider.user.id },
      { type: 'reassign', userId: desk.outsider.user.id },
    );
    expect(notInQueue.result.refused.map((r) => r.code)).toEqual(['assignee_not_in_queue']);
  });

  it('priority and status, closing included', async () => {
    await compare(desk.supervisor, nothing, { priority: 'URGENT' }, { type: 'priority', priority: 'URGENT' });
    const { trace } = await compare(
      desk.supervisor,
      nothing,
      { status: 'CLOSED' },
      { type: 'status', status: 'CLOSED' },
    );
    expect(trace.row).toMatchObject({ status: 'CLOSED', closed: true, pending: false });
    const closed = await compare(
      desk.supervisor,
      (id) => updateConversation(ctx.events, personActor(desk.supervisor.user), id, { status: 'CLOSED' }),
      { priority: 'LOW' },
      { type: 'priority', priority: 'LOW' },
    );
    expect(closed.result.refused.map((r) => r.code)).toEqual(['conversation_closed']);
  });

  it('queue changes, taking the conversation from an assignee outside the new queue', async () => {
    const { trace } = await compare(
      desk.supervisor,
      (id) => desk.assign(id, desk.outsider.user.id),
      { queueId: desk.sales.id },
      { type: 'queue', queueId: desk.sales.id },
    );
    expect(trace.row).toMatchObject({ queueId: desk.sales.id, assigneeUserId: null });
    expect(trace.log.map((e) => e.kind)).toEqual(['assignment', 'queue']);
    await compare(
      desk.supervisor,
      (id) => desk.moveToSales(id),
      { queueId: null },
      { type: 'queue', queueId: null },
    );
    const forbidden = await compare(
      desk.member,
      nothing,
      { queueId: desk.sales.id },
      { type: 'queue', queueId: desk.sales.id },
    );
    expect(forbidden.result.refused.map((r) => r.code)).toEqual(['queue_change_forbidden']);
  });
});
