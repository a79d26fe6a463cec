import type { Channel, ChannelProvider } from '@parley/contracts';
import { PROVIDER_CHANNELS, TELEGRAM_API_BASE_URL } from '@parley/contracts';

// What the add/edit form asks for each provider. Field keys are (dotted) paths into the provider's
// settings; secret fields are write-only: left empty on edit, the stored value stays.

export type FieldKind = 'text' | 'secret' | 'number' | 'select' | 'switch' | 'list';

export interface SettingsField {
  key: string;
  label: string;
  description?: string;
  kind: FieldKind;
  options?: readonly string[];
  placeholder?: string;
  initial?: string | number | boolean;
}

export interface ProviderForm {
  label: string;
  channels: readonly Channel[];
  /** What the sender is for this provider. */
  senderLabel: string;
  senderDescription: string;
  fields: readonly SettingsField[];
}

export const PROVIDER_FORMS: Record<ChannelProvider, ProviderForm> = {
  infobip: {
    label: 'Infobip',
    channels: PROVIDER_CHANNELS.infobip,
    senderLabel: 'Sender',
    senderDescription:
      'Our number or sender id (RCS agent id, Instagram account id, Apple business id, LINE channel) as Infobip shows it: customers write to it and replies go out from it.',
    fields: [
      { key: 'baseUrl', label: 'API base URL', kind: 'text', placeholder: 'https://xyz.api.infobip.com' },
      { key: 'apiKey', label: 'API key', kind: 'secret' },
    ],
  },
  telegram: {
    label: 'Telegram',
    channels: PROVIDER_CHANNELS.telegram,
    senderLabel: 'Bot username',
    senderDescription: 'The bot’s username from @BotFather, e.g. acme_support_bot.',
    fields: [
      { key: 'botToken', label: 'Bot token', kind: 'secret', placeholder: '123456789:AAH…' },
      {
        key: 'apiBaseUrl',
        label: 'Bot API server',
        kind: 'text',
        initial: TELEGRAM_API_BASE_URL,
        description: 'Leave as is unless you run your own Bot API server.',
      },
    ],
  },
  email: {
    label: 'E-mail',
    channels: PROVIDER_CHANNELS.email,
    senderLabel: 'Our address',
    senderDescription: 'Mail to this address becomes conversations; replies go out from it.',
    fields: [
      { key: 'displayName', label: 'From name', kind: 'text', placeholder: 'Acme Support' },
      { key: 'smtp.host', label: 'SMTP server', kind: 'text', placeholder: 'smtp.example.com' },
      { key: 'smtp.port', label: 'SMTP port', kind: 'number', initial: 587 },
      {
        key: 'smtp.security',
        label: 'Security',
        kind: 'select',
        options: ['starttls', 'tls', 'none'],
        initial: 'starttls',
      },
      { key: 'smtp.user', label: 'SMTP user', kind: 'text' },
      { key: 'smtp.password', label: 'SMTP password', kind: 'secret' },
    ],
  },
  livechat: {
    label: 'Live chat',
    channels: PROVIDER_CHANNELS.livechat,
    senderLabel: 'Widget id',
    senderDescription: 'Letters, digits, "-" and "_"; it goes into the snippet on your site.',
    fields: [
      { key: 'title', label: 'Panel title', kind: 'text', initial: 'Chat with us' },
      { key: 'color', label: 'Colour', kind: 'text', initial: '#1c7ed6' },
      {
        key: 'allowedOrigins',
        label: 'Allowed sites',
        kind: 'list',
        description: 'One origin per line, e.g. https://shop.example.com, or * for any site.',
      },
      { key: 'preChatForm', label: 'Ask name and e-mail first', kind: 'switch', initial: false },
    ],
  },
};

export type FormValues = Record<string, string | number | boolean>;

function read(settings: Record<string, unknown>, path: string): unknown {
  let value: unknown = settings;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** Form values from stored settings (edit) or the fields' initial values (add); secrets start empty. */
export function initialValues(provider: ChannelProvider, settings: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const field of PROVIDER_FORMS[provider].fields) {
    const stored = field.kind === 'secret' ? undefined : read(settings, field.key);
    const value = stored ?? field.initial ?? (field.kind === 'switch' ? false : '');
    values[field.key] = Array.isArray(value) ? value.join('\n') : (value as string | number | boolean);
  }
  return values;
}

/** The settings object the API takes: nested by dotted keys; empty fields (and empty secrets) left out. */
export function toSettings(provider: ChannelProvider, values: FormValues): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of PROVIDER_FORMS[provider].fields) {
    const raw = values[field.key];
    if (raw === '' || raw === undefined) continue;
    const value =
      field.kind === 'list'
        ? String(raw)
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : field.kind === 'number'
          ? Number(raw)
          : raw;
    const path = field.key.split('.');
    let target = settings;
    for (const key of path.slice(0, -1)) {
      target[key] = (target[key] as Record<string, unknown> | undefined) ?? {};
      target = target[key] as Record<string, unknown>;
    }
    target[path.at(-1) as string] = value;
  }
  return settings;
}
