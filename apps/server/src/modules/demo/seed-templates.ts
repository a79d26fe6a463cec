import type { Channel, TemplateLanguage } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { tags } from '../tags/tags.schema.ts';
import { templates, templateTags } from '../templates/templates.schema.ts';

/** Template tags the demo templates add to the catalogue's greeting, closing and apology. */
const EXTRA_TEMPLATE_TAGS: Readonly<Record<string, string>> = {
  order: '#228be6',
  refund: '#fab005',
  billing: '#fd7e14',
  technical: '#7950f2',
};

interface DemoTemplate {
  name: string;
  language?: TemplateLanguage;
  channel?: Channel;
  tags: string[];
  text: string;
}

/** What agents of a phone and electronics shop answer every day (docs/demo-data.md). */
export const DEMO_TEMPLATES: DemoTemplate[] = [
  {
    name: 'Greeting',
    tags: ['greeting'],
    text: "Hi {{customer.firstName|there}}, thanks for getting in touch! I'm {{agent.firstName}} and I'll be helping you today.",
  },
  {
    name: 'Saludo',
    language: 'es',
    tags: ['greeting'],
    text: '¡Hola {{customer.firstName|y bienvenido}}! Gracias por contactarnos. Soy {{agent.firstName}} y le ayudaré hoy.',
  },
  {
    name: 'Order status: checking',
    tags: ['order'],
    text: 'Thanks {{customer.firstName|for waiting}}! Let me check your order right away. Could you send me the order number from your confirmation e-mail?',
  },
  {
    name: 'Order shipped',
    tags: ['order'],
    text: 'Good news: your order has shipped and should arrive within 2–3 working days. You will get a tracking link by SMS as soon as the courier scans it.',
  },
  {
    name: 'Delivery delayed',
    tags: ['order', 'apology'],
    text: "I'm sorry your delivery is running late, {{customer.firstName|and thank you for your patience}}. The courier has it and we expect it within 2 working days. I'll keep an eye on it for you.",
  },
  {
    name: 'Refund issued',
    tags: ['refund'],
    text: 'I have issued your refund. It will be back on your original payment method within 5–7 working days. Your reference is #{{conversation.number}}.',
  },
  {
    name: 'Return policy',
    tags: ['refund'],
    text: 'You can return any device within 30 days of delivery, in its original box with all accessories. Start a return at shop.example.com/returns and we will e-mail you a prepaid label.',
  },
  {
    name: 'Bill explained',
    tags: ['billing'],
    text: 'Your bill covers your monthly plan plus any usage outside your allowance (roaming, premium numbers). You can see every item under My Account → Bills.',
  },
  {
    name: 'SIM activation steps',
    tags: ['technical'],
    text: 'To activate your SIM: 1) insert it with the phone switched off, 2) switch on and enter the PIN from the SIM card holder, 3) wait up to 30 minutes for the network. If it still shows "No service", restart once more.',
  },
  {
    name: 'Store opening hours',
    channel: 'WHATSAPP',
    tags: [],
    text: 'Our stores are open Monday to Saturday 9:00–20:00 and Sunday 11:00–17:00. Reply with your town and I will send you the nearest one.',
  },
  {
    name: 'Appointment confirmed',
    channel: 'SMS',
    tags: [],
    text: 'Your store appointment is confirmed. Ref #{{conversation.number}}. Reply STOP to opt out.',
  },
  {
    name: 'Anything else?',
    tags: ['closing'],
    text: 'Is there anything else I can help you with? If not, I will close this conversation. Thanks for chatting with us, {{customer.firstName|and have a great day}}!',
  },
  {
    name: 'E-mail sign-off',
    channel: 'EMAIL',
    tags: ['closing'],
    text: 'Kind regards,\n{{agent.name}}\nCustomer Care',
  },
];

/**
 * Adds the demo's user-defined templates (and the template tags they use beyond the catalogue's
 * greeting, closing and apology), created when the demo catalogue was set up.
 */
export async function insertDemoTemplates(
  tx: Orm,
  catalogue: readonly (typeof tags.$inferInsert)[],
): Promise<void> {
  const setupAt = catalogue.find((t) => t.kind === 'template')?.createdAt ?? new Date();
  const extra = Object.entries(EXTRA_TEMPLATE_TAGS).map(([name, color]) => ({
    id: crypto.randomUUID(),
    name,
    color,
    kind: 'template' as const,
    createdAt: setupAt,
    updatedAt: setupAt,
  }));
  await tx.insert(tags).values(extra);
  const tagIds = new Map(
    [...catalogue, ...extra].filter((t) => t.kind === 'template').map((t) => [t.name, t.id as string]),
  );
  const rows = DEMO_TEMPLATES.map((t) => ({
    id: crypto.randomUUID(),
    name: t.name,
    text: t.text,
    language: t.language ?? ('en' as const),
    channel: t.channel ?? null,
    createdAt: setupAt,
    updatedAt: setupAt,
  }));
  await tx.insert(templates).values(rows);
  const links = DEMO_TEMPLATES.flatMap((t, i) =>
    t.tags.map((name) => {
      const tagId = tagIds.get(name);
      if (!tagId) throw new Error(`demo template ${t.name} names unknown template tag ${name}`);
      return { templateId: rows[i]?.id as string, tagId };
    }),
  );
  await tx.insert(templateTags).values(links);
}
