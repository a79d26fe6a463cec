import { describe, expect, it } from 'vitest';
import { keepStoredSecrets, splitSecrets } from './connection-secrets.ts';

describe('connection secrets', () => {
  it('removes secrets from what responses show, keeping their last four characters', () => {
    expect(
      splitSecrets(
        { baseUrl: 'https://x', apiKey: 'secret-1234', smtp: { host: 'h', password: 'pw-9876' } },
        ['apiKey', 'smtp.password'],
      ),
    ).toEqual({
      settings: { baseUrl: 'https://x', smtp: { host: 'h' } },
      secrets: { apiKey: '1234', 'smtp.password': '9876' },
    });
    expect(splitSecrets({ smtp: { host: 'h' } }, ['smtp.password'])).toEqual({
      settings: { smtp: { host: 'h' } },
      secrets: {},
    });
  });

  it('keeps a stored secret that an update leaves out or sends empty, and takes a new one', () => {
    const stored = {
      baseUrl: 'https://old',
      apiKey: 'old-key-1234',
      smtp: { host: 'h', password: 'old-pw' },
    };
    expect(keepStoredSecrets({ baseUrl: 'https://old/' }, stored, ['apiKey'])).toEqual({
      baseUrl: 'https://old/',
      apiKey: 'old-key-1234',
    });
    expect(keepStoredSecrets({ smtp: { host: 'H', password: '' } }, stored, ['smtp.password'])).toEqual({
      smtp: { host: 'H', password: 'old-pw' },
    });
    expect(keepStoredSecrets({ apiKey: 'new-key-5678' }, stored, ['apiKey'])).toEqual({
      apiKey: 'new-key-5678',
    });
  });

  it('requires the secrets again when the server they go to changes', () => {
    const stored = {
      baseUrl: 'https://old',
      apiKey: 'old-key-1234',
      smtp: { host: 'h', password: 'old-pw' },
    };
    for (const [input, fields] of [
      [{ baseUrl: 'https://evil.example' }, ['apiKey']],
      [{ apiBaseUrl: 'https://bots.example' }, ['apiKey']],
      [{ smtp: { host: 'mail.evil.example', password: '' } }, ['smtp.password']],
    ] as const) {
      let error: unknown;
      try {
        keepStoredSecrets(input, stored, fields);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'secrets_required', status: 400, details: { fields } });
    }
    expect(keepStoredSecrets({ baseUrl: 'https://new', apiKey: 'new-key-5678' }, stored, ['apiKey'])).toEqual(
      { baseUrl: 'https://new', apiKey: 'new-key-5678' },
    );
  });
});
