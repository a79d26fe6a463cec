import type { VisitorMessage, WidgetConfig, WidgetServerEvent } from '@parley/contracts';
import { backoffDelay } from '../lib/backoff.ts';
import { createTypingSignal } from '../lib/typing-signal.ts';
import {
  confirmOutbox,
  isAfter,
  latestAgentMessage,
  mergeMessages,
  type OutboxEntry,
  seenMessageId,
  unreadAgentMessages,
} from './chat-state.ts';
import { uuid } from './dom.ts';
import type { ChatStorage, StoredChat } from './storage.ts';
import { createView, type ViewState } from './view.ts';
import { connectVisitorSocket } from './visitor-socket.ts';
import { type WidgetApi, WidgetApiError } from './widget-api.ts';

/** Agent typing shows this long unless renewed (CUSTOMER_TYPING_TTL_SECONDS on the agents' side). */
const TYPING_TTL_MS = 8_000;
/** An accepted message the socket has not confirmed by then is looked for with a fetch. */
const CONFIRM_CHECK_MS = 4_000;

/** Runs one widget: its view, session, socket, sending and receipts. */
export function runWidget(shadow: ShadowRoot, config: WidgetConfig, api: WidgetApi, storage: ChatStorage) {
  let chat: StoredChat | null = storage.load();
  let messages: VisitorMessage[] = [];
  let seenUpTo: string | null = null;
  let deliveredUpTo: string | null = null;
  let socket: { close(): void } | null = null;
  let connected = false;
  const ui = {
    open: chat?.open ?? false,
    agentTyping: false,
    attachment: null as ViewState['attachment'],
    pendingUpload: null as { attachmentId: string; fileName: string; mimeType: string } | null,
    error: null as string | null,
    busy: false,
  };
  const timers = { typing: 0, retry: 0, confirm: 0 };
  const typing = createTypingSignal((on) => api.typing(on));
  let retryAttempt = 0;

  const view = createView(shadow, config, {
    toggle() {
      ui.open = !ui.open;
      save();
      render();
      acknowledge();
    },
    startChat: (answers) => void begin(answers),
    send: (text) => void send(text),
    retry(clientId) {
      updateOutbox((entry) =>
        entry.clientId === clientId ? { ...entry, state: 'sending', error: undefined } : entry,
      );
      void flush();
    },
    attach: (file) => void upload(file),
    removeAttachment() {
      ui.attachment = null;
      ui.pendingUpload = null;
      render();
    },
    typed: (text) => {
      if (chat) typing.typed(text);
    },
  });

  function save(): void {
    api.setToken(chat?.token ?? null);
    if (chat) storage.save({ ...chat, open: ui.open });
  }

  function render(): void {
    view.update({
      open: ui.open,
      stage: chat || !config.preChatForm ? 'chat' : 'prechat',
      reconnecting: chat !== null && !connected,
      messages,
      outbox: chat?.outbox ?? [],
      seenId: seenMessageId(messages, seenUpTo),
      agentTyping: ui.agentTyping,
      unread: unreadAgentMessages(messages, chat?.seenAgentUpTo ?? null),
      attachment: ui.attachment,
      error: ui.error,
      busy: ui.busy,
    });
  }

  function updateOutbox(change: (entry: OutboxEntry) => OutboxEntry | null): void {
    if (!chat) return;
    chat = { ...chat, outbox: chat.outbox.flatMap((e) => change(e) ?? []) };
    save();
  }

  function take(incoming: readonly VisitorMessage[]): void {
    const resolved = incoming.map((m) =>
      m.attachment ? { ...m, attachment: { ...m.attachment, url: api.resolve(m.attachment.url) } } : m,
    );
    messages = mergeMessages(messages, resolved);
    if (chat) {
      const outbox = confirmOutbox(chat.outbox, messages);
      if (outbox !== chat.outbox) {
        chat = { ...chat, outbox };
        save();
      }
    }
    if (incoming.some((m) => m.author === 'agent')) ui.agentTyping = false;
    render();
    acknowledge();
  }

  /** Tells the server what reached the visitor (DELIVERED) and what they saw (SEEN: panel open and visible). */
  function acknowledge(): void {
    const last = latestAgentMessage(messages);
    if (!chat || !last) return;
    const seeing = ui.open && document.visibilityState === 'visible';
    if (seeing && isAfter(messages, last.id, chat.seenAgentUpTo)) {
      chat = { ...chat, seenAgentUpTo: last.id };
      deliveredUpTo = last.id;
      save();
      render();
      api.receipt(last.id, 'SEEN').catch(() => {});
    } else if (isAfter(messages, last.id, deliveredUpTo)) {
      deliveredUpTo = last.id;
      api.receipt(last.id, 'DELIVERED').catch(() => {});
    }
  }

  async function fetchMissed(): Promise<void> {
    try {
      for (let more = true; more; ) {
        const after = messages.at(-1)?.id;
        const page = await api.messages(after);
        if (page.seenUpTo) seenUpTo = page.seenUpTo;
        take(page.items);
        more = page.hasMore && messages.at(-1)?.id !== after;
      }
    } catch (error) {
      if (error instanceof WidgetApiError && error.status === 401) forget();
    }
  }

  function onEvent(event: WidgetServerEvent): void {
    if (event.type === 'message') take([event.payload]);
    else if (event.type === 'seen') {
      seenUpTo = event.payload.upTo;
      render();
    } else if (event.type === 'typing') {
      ui.agentTyping = event.payload.typing;
      clearTimeout(timers.typing);
      if (ui.agentTyping) {
        timers.typing = window.setTimeout(() => {
          ui.agentTyping = false;
          render();
        }, TYPING_TTL_MS);
      }
      render();
    }
  }

  function goLive(): void {
    if (!chat || socket) return;
    socket = connectVisitorSocket({
      url: api.socketUrl(),
      token: chat.token,
      onReady: () => {
        void fetchMissed();
        void flush();
      },
      onEvent,
      onStatus: (up) => {
        connected = up;
        render();
      },
      onRejected: forget,
    });
  }

  /** The server no longer knows this visitor (token revoked, widget re-created): start afresh. */
  function forget(): void {
    socket?.close();
    socket = null;
    chat = null;
    messages = [];
    seenUpTo = null;
    api.setToken(null);
    storage.clear();
    render();
  }

  async function begin(answers: { name?: string; email?: string }): Promise<boolean> {
    ui.busy = true;
    ui.error = null;
    render();
    try {
      const session = await api.startSession(answers);
      chat = {
        token: session.token,
        visitor: session.visitor,
        seenAgentUpTo: null,
        outbox: [],
        open: ui.open,
      };
      save();
      goLive();
      return true;
    } catch (error) {
      ui.error = error instanceof Error ? error.message : 'The chat could not start';
      return false;
    } finally {
      ui.busy = false;
      render();
    }
  }

  async function send(text: string): Promise<void> {
    if (!chat && !(await begin({}))) return;
    if (!chat) return;
    const entry: OutboxEntry = {
      clientId: uuid(),
      text: text.trim(),
      attachment: ui.pendingUpload,
      createdAt: new Date().toISOString(),
      state: 'sending',
    };
    ui.attachment = null;
    ui.pendingUpload = null;
    ui.error = null;
    typing.stop(false);
    chat = { ...chat, outbox: [...chat.outbox, entry] };
    save();
    render();
    await flush();
  }

  /** Sends every unconfirmed message, in order, with its own client id (repeats are stored once). */
  async function flush(): Promise<void> {
    clearTimeout(timers.retry);
    for (const entry of chat?.outbox ?? []) {
      if (entry.state !== 'sending') continue;
      try {
        await api.send({
          clientId: entry.clientId,
          text: entry.text,
          ...(entry.attachment && { attachmentId: entry.attachment.attachmentId }),
        });
        retryAttempt = 0;
      } catch (error) {
        if (error instanceof WidgetApiError && !error.retryable) {
          if (error.status === 401) return forget();
          updateOutbox((e) =>
            e.clientId === entry.clientId ? { ...e, state: 'failed', error: error.message } : e,
          );
          render();
          continue;
        }
        // No answer or a busy server: try again later (and at once when the socket comes back).
        timers.retry = window.setTimeout(() => void flush(), backoffDelay(retryAttempt++));
        return;
      }
    }
    clearTimeout(timers.confirm);
    timers.confirm = window.setTimeout(() => {
      if (chat?.outbox.some((e) => e.state === 'sending')) void fetchMissed();
    }, CONFIRM_CHECK_MS);
  }

  async function upload(file: File): Promise<void> {
    if (file.size > config.maxAttachmentBytes) {
      ui.error = `Files can be at most ${Math.floor(config.maxAttachmentBytes / 1024 / 1024)} MB`;
      return render();
    }
    if (!chat && !(await begin({}))) return;
    ui.attachment = 'uploading';
    ui.error = null;
    render();
    try {
      const uploaded = await api.upload(file);
      ui.pendingUpload = uploaded;
      ui.attachment = { fileName: uploaded.fileName };
    } catch (error) {
      ui.attachment = null;
      ui.error = error instanceof Error ? error.message : 'The file could not be uploaded';
    }
    render();
  }

  document.addEventListener('visibilitychange', acknowledge);
  api.setToken(chat?.token ?? null);
  render();
  goLive();
}
