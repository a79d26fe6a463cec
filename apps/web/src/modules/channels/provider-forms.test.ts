import { describe, expect, it } from 'vitest';
import { initialValues, toSettings } from './provider-forms.ts';

describe('provider forms', () => {
  it('starts a new connection with the fields’ defaults and stored settings on edit, secrets empty', () => {
    expect(initialValues('telegram')).toEqual({ botToken: '', apiBaseUrl: 'https://api.telegram.org' });
    expect(initialValues('email', { smtp: { host: 'mx', port: 465, security: 'tls' } })).toMatchObject({
      'smtp.host': 'mx',
      'smtp.port': 465,
      'smtp.security': 'tls',
      'smtp.password': '',
    });
    expect(
      initialValues('livechat', { allowedOrigins: ['https://a.example', 'https://b.example'] }),
    ).toMatchObject({
      allowedOrigins: 'https://a.example\nhttps://b.example',
      preChatForm: false,
    });
  });

  it('builds the nested settings object, leaving out empty fields (an empty secret keeps the stored one)', () => {
    expect(
      toSettings('email', {
        displayName: '',
        'smtp.host': 'mx',
        'smtp.port': 587,
        'smtp.security': 'starttls',
        'smtp.user': 'desk',
        'smtp.password': '',
      }),
    ).toEqual({ smtp: { host: 'mx', port: 587, security: 'starttls', user: 'desk' } });
    expect(
      toSettings('livechat', {
        allowedOrigins: 'https://a.example\n https://b.example ,',
        preChatForm: true,
        title: 'Hi',
        color: '#112233',
      }),
    ).toEqual({
      allowedOrigins: ['https://a.example', 'https://b.example'],
      preChatForm: true,
      title: 'Hi',
      color: '#112233',
    });
  });
});
