import { describe, expect, it } from 'vitest';
import { logText } from './log-text.ts';
import { AGENT, inbound, note, outbound, statusLog } from './timeline-fixtures.ts';
import {
  buildTimelineRows,
  dayLabel,
  type OutboxEntry,
  orderTimeline,
  type TimelineRow,
} from './timeline-rows.ts';

const NOW = new Date(2026, 2, 10, 15, 0);
/** A local time on day `d` of March 2026. */
const at = (d: number, h: number, m = 0) => new Date(2026, 2, d, h, m).toISOString();
const describeRow = (row: TimelineRow) =>
  row.kind === 'day'
    ? `day ${row.label}`
    : row.kind === 'outbox'
      ? `outbox ${row.entry.text}${row.continued ? ' +' : ''}`
      : `${row.item.type} ${row.item.id.slice(-2)}${row.continued ? ' +' : ''}`;

const CLIENT = '11111111-1111-4111-8111-111111111111';

describe('orderTimeline', () => {
  it('turns newest-first pages into one oldest-first list without repeats', () => {
    const newest = [inbound(4, at(10, 9)), outbound(3, at(10, 8))];
    // A live insert left an entry in both pages.
    const older = [outbound(3, at(10, 8)), inbound(2, at(9, 9)), inbound(1, at(9, 8))];
    expect(orderTimeline([newest, older]).map((i) => i.id.slice(-1))).toEqual(['1', '2', '3', '4']);
  });
});

describe('buildTimelineRows', () => {
  it('puts a day separator before each local day and groups one author’s messages on one channel within five minutes', () => {
    const items = [
      inbound(1, at(8, 9, 0)),
      inbound(2, at(8, 9, 3)),
      inbound(3, at(8, 9, 20)),
      { ...inbound(9, at(8, 9, 21)), channel: 'EMAIL' as const },
      statusLog(4, at(9, 10, 0)),
      outbound(5, at(10, 8, 0)),
      outbound(6, at(10, 8, 1)),
      note(7, at(10, 8, 2)),
      outbound(8, at(10, 8, 3)),
    ];
    expect(buildTimelineRows(items, [], NOW).map(describeRow)).toEqual([
      `day ${dayLabel(new Date(at(8, 9)), NOW)}`,
      'message 01',
      'message 02 +',
      'message 03',
      'message 09',
      'day Yesterday',
      'log 04',
      'day Today',
      'message 05',
      'message 06 +',
      'note 07',
      'message 08',
    ]);
  });

  it('shows an unconfirmed reply once: as pending, then as the server’s row with its client id', () => {
    const entry: OutboxEntry = {
      clientId: CLIENT,
      text: 'On my way',
      createdAt: at(10, 9, 1),
      state: 'sending',
    };
    const before = buildTimelineRows([inbound(1, at(10, 9))], [entry], NOW);
    expect(before.map(describeRow)).toEqual(['day Today', 'message 01', 'outbox On my way']);

    const stored = outbound(2, at(10, 9, 1), { clientId: CLIENT, deliveryState: 'PENDING' });
    const after = buildTimelineRows([inbound(1, at(10, 9)), stored], [entry], NOW);
    expect(after.map(describeRow)).toEqual(['day Today', 'message 01', 'message 02']);
    // Same key before and after, so the row is updated in place rather than replaced.
    expect(after.at(-1)?.key).toBe(before.at(-1)?.key);
  });

  it('keeps a failed reply where it was sent while later entries come after it', () => {
    const failed: OutboxEntry = {
      clientId: CLIENT,
      text: 'Lost',
      createdAt: at(10, 9, 1),
      state: 'failed',
      error: 'No channel',
    };
    const rows = buildTimelineRows([inbound(1, at(10, 9)), note(2, at(10, 9, 5))], [failed], NOW);
    expect(rows.map(describeRow)).toEqual(['day Today', 'message 01', 'outbox Lost', 'note 02']);
  });
});

describe('change-log lines', () => {
  it('say who changed what', () => {
    expect(logText(statusLog(1, at(10, 9)), 'someone-else')).toBe(
      `${AGENT.displayName} set status to Solved`,
    );
    expect(logText(statusLog(1, at(10, 9)), AGENT.id)).toBe('You set status to Solved');
    const reopened = { ...statusLog(2, at(10, 9), 'OPEN'), actorKind: 'system' as const, actor: null };
    expect(logText(reopened, AGENT.id)).toBe('Reopened by the customer’s message');
    const taken = {
      ...statusLog(3, at(10, 9)),
      kind: 'assignment' as const,
      from: null,
      to: { value: AGENT.id, label: AGENT.displayName },
    };
    expect(logText(taken, 'someone-else')).toBe(`${AGENT.displayName} took the conversation`);
    const tagged = {
      ...statusLog(4, at(10, 9)),
      kind: 'tag' as const,
      from: null,
      to: { value: 'x', label: 'vip' },
      actorKind: 'automation' as const,
      actor: null,
    };
    expect(logText(tagged, AGENT.id)).toBe('Automation added the tag vip');
  });
});
