import type { Template, TemplateContext } from '@parley/contracts';

const tag = (name: string, color = '#228be6') => ({ id: crypto.randomUUID(), name, color });
const orderTag = tag('order');

function template(name: string, text: string, overrides: Partial<Template> = {}): Template {
  return {
    id: crypto.randomUUID(),
    name,
    text,
    language: 'en',
    channel: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A small catalogue as `GET /api/templates` answers it (by name). */
export const TEST_TEMPLATES: Template[] = [
  template('Greeting', 'Hi {{customer.firstName|there}}, I am {{agent.firstName}}.', {
    tags: [tag('greeting')],
  }),
  template('Order shipped', 'Order #{{conversation.number}} has shipped.', { tags: [orderTag] }),
  template('Order status: checking', 'Let me check your order, {{customer.name}}.', { tags: [orderTag] }),
  template('Saludo', '¡Hola {{customer.firstName}}!', { language: 'es' }),
];

export const TEST_CONTEXT: TemplateContext = {
  customer: { name: 'Emma Walsh' },
  agent: { displayName: "Liam O'Connor" },
  conversation: { number: 1042 },
};
