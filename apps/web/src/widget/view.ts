import type { VisitorMessage, WidgetConfig } from '@parley/contracts';
import type { OutboxEntry } from './chat-state.ts';
import { h, ICONS, icon, textColorOn } from './dom.ts';
import { renderMessages } from './message-list.ts';
import { WIDGET_CSS } from './styles.ts';

export interface ViewState {
  open: boolean;
  /** `prechat`: the form first; `chat`: messages and composer. */
  stage: 'prechat' | 'chat';
  /** A session exists but its socket is down: "Reconnecting…". */
  reconnecting: boolean;
  messages: readonly VisitorMessage[];
  outbox: readonly OutboxEntry[];
  seenId: string | null;
  agentTyping: boolean;
  unread: number;
  /** The file attached to the next message, or an upload in progress. */
  attachment: { fileName: string } | 'uploading' | null;
  /** The last problem to tell the visitor about (pre-chat or upload). */
  error: string | null;
  busy: boolean;
}

export interface ViewActions {
  toggle(): void;
  startChat(answers: { name: string; email?: string }): void;
  send(text: string): void;
  retry(clientId: string): void;
  attach(file: File): void;
  removeAttachment(): void;
  /** The visitor typed in the composer. */
  typed(text: string): void;
}

/** Builds the launcher and panel in the shadow root and returns what updates them. */
export function createView(shadow: ShadowRoot, config: WidgetConfig, actions: ViewActions) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(WIDGET_CSS);
  shadow.adoptedStyleSheets = [sheet];

  const badge = h('span', { class: 'badge', hidden: true, 'data-testid': 'widget-unread' });
  const launcher = h(
    'button',
    {
      class: 'launcher',
      type: 'button',
      'aria-label': `Open chat: ${config.title}`,
      'data-testid': 'widget-launcher',
    },
    icon(ICONS.chat, 28),
    badge,
  );
  const close = h(
    'button',
    { class: 'icon-button', type: 'button', 'aria-label': 'Minimise chat' },
    icon(ICONS.minimize, 22),
  );
  const header = h(
    'div',
    { class: 'header' },
    h('div', { class: 'titles' }, h('h2', {}, config.title), h('p', {}, 'We reply as soon as we can')),
    close,
  );
  const banner = h('div', { class: 'banner', role: 'status', hidden: true }, 'Reconnecting…');

  const nameInput = h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '200' });
  const emailInput = h('input', { name: 'email', type: 'email', autocomplete: 'email', maxlength: '320' });
  const startButton = h('button', { class: 'primary', type: 'submit' }, 'Start chat');
  const prechatError = h('p', { class: 'error', role: 'alert', hidden: true });
  const prechat = h(
    'form',
    { class: 'prechat', 'data-testid': 'widget-prechat' },
    h('p', {}, 'Tell us who you are and we will be right with you.'),
    h('label', { class: 'field' }, 'Name', nameInput),
    h('label', { class: 'field' }, 'E-mail (optional)', emailInput),
    prechatError,
    startButton,
  );

  const list = h('div', {
    class: 'messages',
    role: 'log',
    'aria-live': 'polite',
    'data-testid': 'widget-messages',
  });
  const typing = h(
    'div',
    { class: 'typing', hidden: true, 'data-testid': 'widget-agent-typing' },
    h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
    'Agent is typing…',
  );
  const fileInput = h('input', { type: 'file', hidden: true, 'data-testid': 'widget-file' });
  const attachButton = h(
    'button',
    { class: 'icon-button', type: 'button', 'aria-label': 'Attach a file' },
    icon(ICONS.attach),
  );
  const textarea = h('textarea', {
    rows: '1',
    placeholder: 'Write a message…',
    'aria-label': 'Message',
    maxlength: String(config.maxTextLength),
    'data-testid': 'widget-input',
  });
  const sendButton = h(
    'button',
    { class: 'send', type: 'submit', 'aria-label': 'Send', 'data-testid': 'widget-send' },
    icon(ICONS.send, 18),
  );
  const chipName = h('span');
  const chipRemove = h(
    'button',
    { class: 'icon-button', type: 'button', 'aria-label': 'Remove attachment' },
    icon(ICONS.close, 14),
  );
  const chip = h('div', { class: 'chip', hidden: true }, chipName, chipRemove);
  const composerError = h('p', { class: 'error', role: 'alert', hidden: true });
  const composer = h(
    'form',
    { class: 'composer' },
    chip,
    composerError,
    h('div', { class: 'compose-row' }, attachButton, textarea, sendButton, fileInput),
  );
  const chat = h('div', { class: 'body' }, list, typing, composer);
  const body = h('div', { class: 'body' }, prechat);
  const panel = h(
    'div',
    {
      class: 'panel',
      role: 'dialog',
      'aria-label': config.title,
      hidden: true,
      'data-testid': 'widget-panel',
    },
    header,
    banner,
    body,
    chat,
  );
  const root = h('div', { class: 'root' }, panel, launcher);
  root.style.setProperty('--accent', config.color);
  root.style.setProperty('--on-accent', textColorOn(config.color));
  shadow.append(root);

  launcher.addEventListener('click', () => actions.toggle());
  close.addEventListener('click', () => actions.toggle());
  prechat.addEventListener('submit', (event) => {
    event.preventDefault();
    const email = emailInput.value.trim();
    actions.startChat({ name: nameInput.value.trim(), ...(email && { email }) });
  });
  const submit = () => {
    if (sendButton.disabled) return;
    actions.send(textarea.value);
    textarea.value = '';
    fit();
  };
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  const fit = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 120)}px`;
    sendButton.disabled =
      current?.attachment === 'uploading' || (textarea.value.trim() === '' && !current?.attachment);
  };
  textarea.addEventListener('input', () => {
    fit();
    actions.typed(textarea.value);
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  attachButton.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) actions.attach(file);
  });
  chipRemove.addEventListener('click', () => actions.removeAttachment());

  let current: ViewState | null = null;
  return {
    update(state: ViewState): void {
      const before = current;
      current = state;
      root.classList.toggle('open', state.open);
      panel.hidden = !state.open;
      launcher.setAttribute('aria-expanded', String(state.open));
      badge.hidden = state.open || state.unread === 0;
      badge.textContent = state.unread > 9 ? '9+' : String(state.unread);
      banner.hidden = !state.reconnecting;
      body.hidden = state.stage !== 'prechat';
      chat.hidden = state.stage !== 'chat';
      startButton.disabled = state.busy;
      for (const [el, visible] of [
        [prechatError, state.stage === 'prechat'],
        [composerError, state.stage === 'chat'],
      ] as const) {
        el.hidden = !(visible && state.error);
        el.textContent = state.error ?? '';
      }
      typing.hidden = !state.agentTyping;
      chip.hidden = state.attachment === null;
      chipName.textContent =
        state.attachment === 'uploading' ? 'Uploading…' : state.attachment ? state.attachment.fileName : '';
      fit();
      const listChanged =
        !before ||
        before.messages !== state.messages ||
        before.outbox !== state.outbox ||
        before.seenId !== state.seenId ||
        before.stage !== state.stage;
      if (listChanged) {
        const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
        renderMessages(list, state, actions.retry);
        if (atBottom || before?.outbox !== state.outbox || !before?.open) list.scrollTop = list.scrollHeight;
      }
      if (state.open && (!before?.open || before.stage !== state.stage)) {
        list.scrollTop = list.scrollHeight;
        (state.stage === 'prechat' ? nameInput : textarea).focus();
      }
    },
  };
}
