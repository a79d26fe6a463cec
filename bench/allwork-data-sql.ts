import {
  AGENTS,
  BASE_TAG_NAMES,
  BULK_QUEUE,
  BULK_TAG,
  QUEUE_NAMES,
  QUEUES,
  TRANSCRIPT_TAG,
} from './allwork-fixture.ts';
import { CITIES, FIRST, INBOUND, LAST, OUTBOUND, TOPICS } from './allwork-words.ts';

// The set-based SQL of the ALL WORK data set (allwork-data.ts runs it on one connection). Every
// random choice is `pg_temp.rnd(n, salt)`, a hash of the row number, so the same size always yields
// the same data. Numbers in the text are the generator's own integers, never user input.

/** The shape of one data set: sizes and the fixed "now" its two years end at. */
export interface DataSetShape {
  conversations: number;
  customers: number;
  /** ISO time the data set ends at (stored, so a resumed run continues the same timeline). */
  now: string;
  defaultQueueId: string;
  botId: string;
}

const CHANNEL_LIST = `'SMS','WHATSAPP','VIBER','FACEBOOK_MESSENGER','TELEGRAM','EMAIL','LIVE_CHAT'`;
const list = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');

/** Helper functions of the generator's session (temporary: nothing is left in the database). */
export const HELPERS = `
create or replace function pg_temp.buuid(t text) returns uuid language sql immutable as
  $$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5(t) as h $$;
create or replace function pg_temp.rnd(n bigint, salt int) returns float8 language sql immutable as
  $$ select (hashint8extended(n, salt) & 9007199254740991)::float8 / 9007199254740992 $$;
create or replace function pg_temp.pick(items text[], r float8) returns text language sql immutable as
  $$ select items[1 + least(cardinality(items) - 1, floor(r * cardinality(items))::int)] $$;
create or replace function pg_temp.addr(ch text, known boolean, k bigint) returns text language sql immutable as $$
  select case
    when ch in ('SMS', 'WHATSAPP', 'VIBER') then (case when known then '3859' else '3851' end) || lpad(k::text, 8, '0')
    when ch = 'EMAIL' then case when known then 'customer' || k || '@example.test' else 'visitor' || k || '@example.net' end
    when ch = 'FACEBOOK_MESSENGER' then (case when known then '1' else '2' end) || lpad(k::text, 15, '0')
    when ch = 'TELEGRAM' then (case when known then '5' else '6' end) || lpad(k::text, 9, '0')
    else (case when known then 'lc-' else 'lv-' end) || k
  end $$;
create or replace function pg_temp.ours(ch text) returns text language sql immutable as $$
  select case
    when ch in ('SMS', 'WHATSAPP', 'VIBER') then '385911000000' when ch = 'EMAIL' then 'support@parley.bench'
    when ch = 'FACEBOOK_MESSENGER' then '100200300400500' when ch = 'TELEGRAM' then 'parley_support_bot'
    else 'widget-main' end $$;
create or replace function pg_temp.say(direction text, r float8, n bigint) returns text language sql immutable as $$
  select replace(pg_temp.pick(case when direction = 'INBOUND' then array[${list(INBOUND)}]
    else array[${list(OUTBOUND)}] end, r), '#', (100000 + (n * 7919) % 900000)::text) $$;`;

/** The people ($1: the password hash everyone shares). */
export const STATIC_PEOPLE = `
insert into users (id, email, display_name, roles, password_hash, availability)
select pg_temp.buuid('agent:' || a), 'agent' || a || '@parley.bench',
  pg_temp.pick(array[${list(FIRST)}], pg_temp.rnd(a, 101)) || ' ' || pg_temp.pick(array[${list(LAST)}], pg_temp.rnd(a, 102)),
  array['agent'], $1, case when a % 3 = 0 then 'OFFLINE' else 'ACTIVE' end
from generate_series(0, ${AGENTS - 1}) as a
union all select pg_temp.buuid('supervisor'), 'supervisor@parley.bench', 'Sam Supervisor', array['supervisor'], $1, 'ACTIVE'
on conflict do nothing`;

/** Queues, their members and the tags. */
export const STATIC_PLACES = `
insert into queues (id, name)
select pg_temp.buuid('queue:' || (q - 1)), name from unnest(array[${list(QUEUE_NAMES)}]) with ordinality as t(name, q)
on conflict do nothing;
insert into queue_members (queue_id, user_id)
select distinct pg_temp.buuid('queue:' || q), pg_temp.buuid('agent:' || a)
from generate_series(0, ${AGENTS - 1}) as a, unnest(array[a % ${QUEUES}, (a / 5) % ${QUEUES}]) as q
on conflict do nothing;
insert into tags (id, name, color, kind)
select pg_temp.buuid('tag:' || name), name, '#' || substr(md5(name), 1, 6), 'conversation'
from unnest(array[${list([...BASE_TAG_NAMES, BULK_TAG, TRANSCRIPT_TAG])}]) as name
on conflict do nothing;`;

/** 200k-style customer profiles with a destination on every channel. */
export function staticCustomers(customers: number, now: string): string {
  return `
insert into customers (id, name, gender, city, country, search_text, created_at, updated_at)
select id, name, gender, city, country,
  lower(concat_ws(' ', name, city, country, pg_temp.addr('SMS', true, k), pg_temp.addr('EMAIL', true, k),
    pg_temp.addr('FACEBOOK_MESSENGER', true, k), pg_temp.addr('TELEGRAM', true, k), pg_temp.addr('LIVE_CHAT', true, k))),
  created, created
from (
  select k, pg_temp.buuid('cust:' || k) as id,
    case when pg_temp.rnd(k, 201) < 0.05 then null
      else pg_temp.pick(array[${list(FIRST)}], pg_temp.rnd(k, 202)) || ' ' || pg_temp.pick(array[${list(LAST)}], pg_temp.rnd(k, 203)) end as name,
    case when pg_temp.rnd(k, 202) < 0.5 then 'FEMALE' else 'MALE' end as gender,
    pg_temp.pick(array[${list(CITIES.map(([c]) => c as string))}], pg_temp.rnd(k, 204)) as city,
    pg_temp.pick(array[${list(CITIES.map(([, c]) => c as string))}], pg_temp.rnd(k, 204)) as country,
    '${now}'::timestamptz - interval '800 days' * pg_temp.rnd(k, 205) as created
  from generate_series(1, ${customers}) as k
) c
on conflict do nothing;
insert into customer_destinations (id, customer_id, channel, address, created_at)
select pg_temp.buuid('dest:' || k || ':' || ch), pg_temp.buuid('cust:' || k), ch, pg_temp.addr(ch, true, k),
  '${now}'::timestamptz - interval '800 days'
from generate_series(1, ${customers}) as k, unnest(array[${CHANNEL_LIST}]) as ch
on conflict do nothing;`;
}

/** Which rows are the bulk set and the transcript set (see allwork-fixture.ts). */
export function specialSets(conversations: number) {
  const customers = conversations / 5;
  const bulk = Math.min(1000, conversations / 50);
  return { bulk, bulkStride: Math.floor(customers / bulk), transcriptStride: conversations / 100 };
}

/** Statements of one chunk of conversations `from..to` (inclusive), run in one transaction. */
export function chunkStatements(shape: DataSetShape, from: number, to: number): string[] {
  const { conversations: N, customers: C, now } = shape;
  const T = `'${now}'::timestamptz`;
  const { bulk: B, bulkStride, transcriptStride } = specialSets(N);
  const prime = C % 7919 === 0 ? 7927 : 7919;
  return [
    `create temp table gen_conv on commit drop as
with b as (
  select n, ${N} - n as back, (${N} - n) * 730.0 / ${N} as age_days,
    ((${N} - n) % ${bulkStride} = 0 and ${N} - n < ${bulkStride * B}) as bulk,
    (n % ${transcriptStride} = ${transcriptStride - 7}) as transcript
  from generate_series(${from}::bigint, ${to}::bigint) as n
), s as (
  select b.*, bulk or (back < ${C} and pg_temp.rnd(n, 1) < case when age_days < 3 then 0.85
    when age_days < 14 then 0.5 when age_days < 60 then 0.08 else 0.02 end) as live
  from b
), t as (
  select s.*,
    case when not live then 'CLOSED' when bulk then (case when pg_temp.rnd(n, 2) < 0.7 then 'OPEN' else 'WAITING' end)
      when pg_temp.rnd(n, 2) < 0.55 then 'OPEN' when pg_temp.rnd(n, 2) < 0.75 then 'WAITING' else 'SOLVED' end as status,
    case when bulk then ${BULK_QUEUE} when pg_temp.rnd(n, 3) < 0.1 then -1
      else least(${QUEUES - 1}, floor(${QUEUES} * power((pg_temp.rnd(n, 3) - 0.1) / 0.9, 1.5)))::int end as qi,
    pg_temp.rnd(n, 9) >= 0.05 as known
  from s
), u as (
  select t.*,
    bulk or pg_temp.rnd(n, 4) < case status when 'CLOSED' then 0.92 when 'OPEN' then 0.7 else 0.95 end as assigned,
    case when qi < 0 then floor(${AGENTS} * pg_temp.rnd(n, 5))::int else qi + ${QUEUES} * floor(5 * pg_temp.rnd(n, 5))::int end as ai,
    case when pg_temp.rnd(n, 7) < 0.34 then 'WHATSAPP' when pg_temp.rnd(n, 7) < 0.54 then 'EMAIL'
      when pg_temp.rnd(n, 7) < 0.70 then 'LIVE_CHAT' when pg_temp.rnd(n, 7) < 0.82 then 'SMS'
      when pg_temp.rnd(n, 7) < 0.91 then 'FACEBOOK_MESSENGER' when pg_temp.rnd(n, 7) < 0.96 then 'VIBER' else 'TELEGRAM' end as channel,
    case when not known then n when live then (n * ${prime}) % ${C} + 1
      else 1 + floor(${C} * power(pg_temp.rnd(n, 10), 2))::bigint end as ckey,
    case when transcript then 50 else greatest(case when status in ('WAITING', 'SOLVED') or bulk then 2 else 1 end,
      least(80, 1 + floor(-9.5 * ln(1 - pg_temp.rnd(n, 11)))::int)) end as m,
    ${T} - age_days * interval '1 day' - pg_temp.rnd(n, 14) * interval '20 minutes' as created_at
  from t
)
select n, pg_temp.buuid('conv:' || n) as id, status, bulk, transcript, known, ckey, m, channel, created_at,
  case when channel <> 'EMAIL' and pg_temp.rnd(n, 8) < 0.03 then 'EMAIL' end as channel2,
  case when qi < 0 then '${shape.defaultQueueId}'::uuid else pg_temp.buuid('queue:' || qi) end as queue_id,
  case when assigned then pg_temp.buuid('agent:' || ai) end as assignee,
  pg_temp.buuid('agent:' || ai) as writer,
  case when pg_temp.rnd(n, 6) < 0.10 then 'LOW' when pg_temp.rnd(n, 6) < 0.78 then 'NORMAL'
    when pg_temp.rnd(n, 6) < 0.94 then 'HIGH' else 'URGENT' end as priority,
  case when known then pg_temp.buuid('cust:' || ckey) end as customer_id,
  replace(pg_temp.pick(array[${list(TOPICS)}], pg_temp.rnd(n, 12)), '#', (100000 + (n * 7919) % 900000)::text) as topic,
  case status when 'OPEN' then pg_temp.rnd(n, 13) < 0.65 when 'CLOSED' then pg_temp.rnd(n, 13) < 0.3 else false end as ends_in,
  least(interval '1 minute' * (2 + 30 * pg_temp.rnd(n, 15)) * m, (${T} - created_at) * 0.95) as span,
  interval '1 hour' * (1 + 47 * pg_temp.rnd(n, 16)) as close_after,
  case when pg_temp.rnd(n, 17) < 0.5 then 0 when pg_temp.rnd(n, 17) < 0.8 then 1 when pg_temp.rnd(n, 17) < 0.95 then 2 else 3 end as tags_n,
  status = 'OPEN' and not assigned and not bulk and pg_temp.rnd(n, 18) < 0.15 as bot
from u`,
    `create temp table gen_msg on commit drop as
select c.n, g.i, pg_temp.buuid('msg:' || c.n || ':' || g.i) as id, c.id as conversation_id,
  case when g.i = 1 then 'INBOUND' when g.i = c.m then (case when c.ends_in then 'INBOUND' else 'OUTBOUND' end)
    when pg_temp.rnd(c.n * 128 + g.i, 21) < 0.5 then 'INBOUND' else 'OUTBOUND' end as direction,
  case when c.channel2 is not null and g.i > c.m / 2 then c.channel2 else c.channel end as channel,
  c.created_at + case when g.i = 1 then interval '0' else c.span * ((g.i - 1 + 0.4 * pg_temp.rnd(c.n * 128 + g.i, 22)) / c.m) end as created_at,
  pg_temp.rnd(c.n * 128 + g.i, 23) as r
from gen_conv c cross join lateral generate_series(1, c.m) as g(i)`,
    `create temp table gen_agg on commit drop as
select a.*, least(${T}, a.last_at + c.close_after) as closed_at, null::timestamptz as pending
from (
  select n, max(created_at) as last_at, max(created_at) filter (where direction = 'INBOUND') as last_in,
    max(created_at) filter (where direction = 'OUTBOUND') as last_out, max(i) as last_i,
    max(i) filter (where direction = 'OUTBOUND') as last_out_i
  from gen_msg group by n
) a join gen_conv c using (n)`,
    // Pending since the first customer message after the last reply (none when the reply is last).
    `update gen_agg a set pending = p.first_in
from (
  select m.n, min(m.created_at) as first_in from gen_msg m join gen_agg a using (n)
  where m.direction = 'INBOUND' and m.created_at > coalesce(a.last_out, '-infinity')
  group by m.n
) p, gen_conv c
where p.n = a.n and c.n = a.n and c.status <> 'CLOSED'`,
    `insert into conversations (id, number, topic, status, priority, queue_id, assignee_user_id, customer_id, channel,
  our_address, customer_address, channels, created_at, updated_at, last_customer_message_at, pending_since, closed_at)
overriding system value
select c.id, c.n, c.topic, c.status, c.priority, c.queue_id, c.assignee, c.customer_id, c.channel,
  pg_temp.ours(c.channel), pg_temp.addr(c.channel, c.known, c.ckey),
  case when c.channel2 is null then array[c.channel] else array[c.channel, c.channel2] end,
  c.created_at, case when c.status = 'CLOSED' then a.closed_at else a.last_at end, a.last_in,
  case when c.status <> 'CLOSED' then a.pending end, case when c.status = 'CLOSED' then a.closed_at end
from gen_conv c join gen_agg a using (n)`,
    `insert into messages (id, conversation_id, direction, channel, from_address, to_address, author_kind, author_user_id,
  content_type, content, delivery_state, failure_reason, provider_message_id, created_at, updated_at)
select m.id, m.conversation_id, m.direction, m.channel,
  case when inbound then pg_temp.addr(m.channel, c.known, c.ckey) else pg_temp.ours(m.channel) end,
  case when inbound then pg_temp.ours(m.channel) else pg_temp.addr(m.channel, c.known, c.ckey) end,
  case when inbound then 'CUSTOMER' else 'AGENT' end, case when not inbound then c.writer end,
  case when image then 'IMAGE' else 'TEXT' end,
  case when image then jsonb_build_object('url', 'https://files.example.test/' || m.id || '.jpg', 'caption', 'Photo ' || m.i)
    else jsonb_build_object('text', pg_temp.say(m.direction, m.r, m.n))
      || case when m.channel = 'EMAIL' and m.i = 1 then jsonb_build_object('subject', c.topic) else '{}'::jsonb end end,
  case when inbound then 'RECEIVED' when m.r < 0.01 then 'FAILED' when m.r < 0.6 then 'SEEN' else 'DELIVERED' end,
  case when not inbound and m.r < 0.01 then 'Destination unreachable' end,
  'bench-' || m.n || '-' || m.i, m.created_at, m.created_at
from (select gen_msg.*, direction = 'INBOUND' as inbound, direction = 'INBOUND' and r < 0.03 as image from gen_msg) m
join gen_conv c using (n)`,
    `insert into conversation_log (id, conversation_id, kind, "from", "to", actor_kind, actor_user_id, created_at)
select pg_temp.buuid('log:a:' || n), id, 'assignment', null, jsonb_build_object('userId', assignee), 'automation', null,
  created_at + interval '30 seconds'
from gen_conv where assignee is not null
union all
select pg_temp.buuid('log:p:' || n), id, 'priority', to_jsonb('NORMAL'::text), to_jsonb(priority), 'agent', writer,
  created_at + interval '45 seconds'
from gen_conv where priority <> 'NORMAL' and assignee is not null
union all
select pg_temp.buuid('log:s:' || n), c.id, 'status', to_jsonb('SOLVED'::text), to_jsonb('CLOSED'::text), 'system', null, a.closed_at
from gen_conv c join gen_agg a using (n) where c.status = 'CLOSED'`,
    `insert into conversation_tags (conversation_id, tag_id, created_at)
select distinct c.id, pg_temp.buuid('tag:' || pg_temp.pick(array[${list(BASE_TAG_NAMES)}],
  power(pg_temp.rnd(c.n * 4 + j, 24), 1.7))), c.created_at
from gen_conv c cross join lateral generate_series(1, c.tags_n) as j
union select id, pg_temp.buuid('tag:${BULK_TAG}'), created_at from gen_conv where bulk
union select id, pg_temp.buuid('tag:${TRANSCRIPT_TAG}'), created_at from gen_conv where transcript`,
    `insert into conversation_reads (user_id, conversation_id, last_read_message_id, last_read_message_at, updated_at)
select c.assignee, c.id, m.id, m.created_at, m.created_at
from gen_conv c join gen_agg a using (n)
join gen_msg m on m.n = c.n and m.i = case when a.pending is not null then a.last_out_i else a.last_i end
where c.assignee is not null`,
    `insert into bot_sessions (conversation_id, bot_id, started_at, last_customer_message_at)
select c.id, '${shape.botId}'::uuid, c.created_at, coalesce(a.last_in, c.created_at)
from gen_conv c join gen_agg a using (n) where c.bot`,
    `insert into notes (id, conversation_id, author_user_id, text, created_at)
select pg_temp.buuid('note:' || n), id, writer, 'Customer also called about this; order ' || (100000 + (n * 7919) % 900000),
  created_at + span * 0.5
from gen_conv where n % 20 = 3`,
  ];
}
