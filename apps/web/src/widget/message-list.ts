import type { VisitorMessage } from '@parley/contracts';
import type { OutboxEntry } from './chat-state.ts';
import { h, ICONS, icon } from './dom.ts';

export interface ListState {
  messages: readonly VisitorMessage[];
  outbox: readonly OutboxEntry[];
  /** The visitor message that shows "Seen". */
  seenId: string | null;
}

type Row = { kind: 'message'; message: VisitorMessage } | { kind: 'outbox'; entry: OutboxEntry };

const authorOf = (row: Row) => (row.kind === 'outbox' ? 'visitor' : row.message.author);
const agentNameOf = (row: Row) => (row.kind === 'message' ? row.message.agentName : null);

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function attachmentOf(message: VisitorMessage): Node | null {
  const a = message.attachment;
  if (!a) return null;
  const link = h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' });
  if (a.mimeType.startsWith('image/'))
    link.append(h('img', { src: a.url, alt: a.fileName, loading: 'lazy' }));
  else link.append(h('span', { class: 'file' }, icon(ICONS.file, 16), a.fileName));
  return link;
}

function bubbleOf(row: Row): HTMLElement {
  if (row.kind === 'outbox') {
    const file =
      row.entry.attachment &&
      h('span', { class: 'file' }, icon(ICONS.file, 16), row.entry.attachment.fileName);
    return h(
      'div',
      { class: 'bubble' },
      file,
      file && row.entry.text ? h('br') : null,
      row.entry.text || null,
    );
  }
  const { message } = row;
  const attachment = attachmentOf(message);
  return h('div', { class: 'bubble', title: time(message.createdAt) }, attachment, message.text || null);
}

/**
 * Renders the chat: messages in order, the visitor's unconfirmed ones after them; consecutive
 * messages of one author form a group (the agent's name above it, the time below it).
 */
export function renderMessages(
  container: HTMLElement,
  state: ListState,
  onRetry: (clientId: string) => void,
): void {
  const rows: Row[] = [
    ...state.messages.map((message): Row => ({ kind: 'message', message })),
    ...state.outbox.map((entry): Row => ({ kind: 'outbox', entry })),
  ];
  if (rows.length === 0) {
    container.replaceChildren(
      h('p', { class: 'empty' }, 'Ask us anything — we usually answer within a few minutes.'),
    );
    return;
  }
  const nodes = rows.map((row, i) => {
    const author = authorOf(row);
    const prev = rows[i - 1];
    const next = rows[i + 1];
    const first = !prev || authorOf(prev) !== author || agentNameOf(prev) !== agentNameOf(row);
    const last = !next || authorOf(next) !== author || agentNameOf(next) !== agentNameOf(row);
    const wrapper = h('div', {
      class: `row ${author}${first ? ' first' : ''}`,
      'data-testid': row.kind === 'outbox' ? 'widget-pending' : `widget-${author}-message`,
    });
    if (first && author === 'agent')
      wrapper.append(h('div', { class: 'author' }, agentNameOf(row) ?? 'Support'));
    wrapper.append(bubbleOf(row));
    const meta = metaOf(row, last, state.seenId, onRetry);
    if (meta) wrapper.append(meta);
    return wrapper;
  });
  container.replaceChildren(...nodes);
}

function metaOf(
  row: Row,
  last: boolean,
  seenId: string | null,
  onRetry: (id: string) => void,
): HTMLElement | null {
  if (row.kind === 'outbox') {
    const { entry } = row;
    if (entry.state === 'sending') return h('div', { class: 'meta' }, 'Sending…');
    const retry = h('button', { type: 'button' }, 'Retry');
    retry.addEventListener('click', () => onRetry(entry.clientId));
    return h('div', { class: 'meta' }, h('span', { class: 'failed' }, entry.error ?? 'Not sent'), '·', retry);
  }
  const seen = row.message.id === seenId;
  if (!last && !seen) return null;
  return h(
    'div',
    { class: 'meta' },
    last ? h('span', {}, time(row.message.createdAt)) : null,
    last && seen ? h('span', { 'aria-hidden': 'true' }, '·') : null,
    seen ? h('span', { 'data-testid': 'widget-seen' }, 'Seen') : null,
  );
}
