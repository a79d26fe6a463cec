import { AppError } from '../../platform/errors.ts';

// Secret provider settings are write-only: responses carry only their last four characters, and a
// settings update that leaves a secret out keeps the stored one — unless it changes where the
// secrets are sent (a host field): then they must be entered again, so changing only the address
// never hands the stored key to another server. Secret fields are dotted paths into the settings
// object ("apiKey", "smtp.password").

/** Settings naming the server the secrets are sent to. */
const HOST_FIELDS = ['baseUrl', 'apiBaseUrl', 'smtp.host'] as const;

const normalHost = (value: unknown) =>
  typeof value === 'string' ? value.trim().replace(/\/+$/, '').toLowerCase() : value;

type Settings = Record<string, unknown>;

const isObject = (value: unknown): value is Settings =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readPath(settings: Settings, path: string): unknown {
  let value: unknown = settings;
  for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined;
  return value;
}

function writePath(settings: Settings, path: string, value: unknown): Settings {
  const [key, ...rest] = path.split('.');
  if (key === undefined) return settings;
  if (rest.length === 0) {
    const { [key]: _removed, ...others } = settings;
    return value === undefined ? others : { ...others, [key]: value };
  }
  const inner = isObject(settings[key]) ? settings[key] : {};
  return { ...settings, [key]: writePath(inner, rest.join('.'), value) };
}

/** Stored settings as responses show them: without the secrets, which come back as last-4 hints. */
export function splitSecrets(
  settings: Settings,
  secretFields: readonly string[],
): { settings: Settings; secrets: Record<string, string> } {
  let visible = settings;
  const secrets: Record<string, string> = {};
  for (const path of secretFields) {
    const value = readPath(settings, path);
    if (typeof value === 'string' && value !== '') secrets[path] = value.slice(-4);
    visible = writePath(visible, path, undefined);
  }
  return { settings: visible, secrets };
}

/**
 * An admin's new settings with each secret they left out (or sent empty) taken from the stored
 * ones; 400 `secrets_required` when a host field changed and a secret would be kept.
 */
export function keepStoredSecrets(
  input: Settings,
  stored: Settings,
  secretFields: readonly string[],
): Settings {
  const hostChanged = HOST_FIELDS.some((path) => {
    const given = readPath(input, path);
    return given !== undefined && normalHost(given) !== normalHost(readPath(stored, path));
  });
  let merged = input;
  const missing: string[] = [];
  for (const path of secretFields) {
    const given = readPath(input, path);
    if (given !== undefined && given !== '') continue;
    const kept = readPath(stored, path);
    if (hostChanged && kept !== undefined && kept !== '') missing.push(path);
    merged = writePath(merged, path, kept);
  }
  if (missing.length > 0) {
    throw new AppError(
      'secrets_required',
      400,
      `The server address changed: enter ${missing.join(', ')} again (stored secrets only go to the address they were entered for)`,
      { fields: missing },
    );
  }
  return merged;
}
