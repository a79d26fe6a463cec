import {
  CHANNEL_LABELS,
  type Channel,
  carriesTemplates,
  fillWhatsAppTemplate,
  hasReplyWindow,
  type MessageContentType,
  replyWindow,
  type TemplateParameters,
  templateParameterProblems,
} from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { MessageContent } from '../messages/messages.schema.ts';
import { componentsOf } from '../whatsapp-templates/whatsapp-templates.presenter.ts';
import { findSenderTemplate, type TemplateRef } from '../whatsapp-templates/whatsapp-templates.repo.ts';
import { lastCustomerMessageOn } from './reply-window.repo.ts';

// D7 channel rules, enforced on every reply whichever way it comes (web app, `/ccaas/1`, retry):
// WhatsApp's 24-hour window and approved templates, Messenger's message tags, Instagram's window and
// the channels only a customer can open (Instagram, Apple Messages for Business).

/** The route a reply goes out on: the channel, our sender and the customer's address. */
export interface RuleRoute {
  channel: Channel;
  ourAddress: string;
  customerAddress: string;
}

/** A reply as the agent wrote it, before the channel rules have had their say. */
export interface ReplyDraft {
  contentType: MessageContentType;
  content: MessageContent;
  /** A WhatsApp template chosen in the web app: our template id and the values the agent filled. */
  template?: { id: string; parameters: TemplateParameters };
}

const invalid = (message: string, details?: unknown) =>
  new AppError('validation_failed', 400, message, details);

const timeOf = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 16);

/**
 * Refuses a free-form reply (anything but a template) that the channel's rule does not allow at
 * `now`: on WhatsApp for a first contact or after 24 hours (`whatsapp_window_closed`), on Messenger
 * then without a message tag (`messenger_tag_required`), on Instagram after 24 hours
 * (`instagram_window_closed`), on Instagram and Apple Messages before the customer has written
 * (`customer_must_write_first`).
 */
export async function checkFreeFormReply(
  orm: Orm,
  conversationId: string,
  route: RuleRoute,
  content: MessageContent,
  now: Date,
): Promise<void> {
  if (!hasReplyWindow(route.channel)) return;
  const window = replyWindow(route.channel, await lastCustomerMessageOn(orm, conversationId, route), now);
  const since =
    'closedAt' in window
      ? window.closedAt
        ? `the window closed at ${timeOf(window.closedAt)} UTC, 24 hours after the customer's last message`
        : 'the customer has not written on this channel yet'
      : '';
  if (window.state === 'TEMPLATE_ONLY') {
    throw new AppError(
      'whatsapp_window_closed',
      422,
      `WhatsApp allows free text only within 24 hours of the customer's last message, and ${since}: send an approved template`,
    );
  }
  if (window.state === 'TAG_REQUIRED' && content.messengerTag === undefined) {
    throw new AppError(
      'messenger_tag_required',
      422,
      `Messenger needs a message tag here: ${since}. Choose CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE or ACCOUNT_UPDATE`,
    );
  }
  if (window.state === 'CLOSED') {
    const label = CHANNEL_LABELS[route.channel];
    throw window.closedAt
      ? new AppError(
          'instagram_window_closed',
          422,
          `${label} allows replies only within 24 hours of the customer's last message, and ${since}: wait for the customer to write again`,
        )
      : new AppError(
          'customer_must_write_first',
          422,
          `Only the customer can start a conversation on ${label}, and ${since}`,
        );
  }
}

function templateRef(draft: ReplyDraft): TemplateRef {
  if (draft.template) return { id: draft.template.id };
  const { templateName, language } = draft.content;
  if (!templateName || !language) throw invalid('A template reply needs the template name and language');
  return { name: templateName, language };
}

/**
 * A WhatsApp template reply: the template must be registered for our sender and APPROVED, and the
 * values must fill exactly its placeholders. Returns the content to store (the filled template).
 * Templates elsewhere (Viber over `/ccaas/1`) are not in Parley's registry and pass unchanged.
 */
async function resolveTemplateReply(
  orm: Orm,
  route: RuleRoute,
  draft: ReplyDraft,
): Promise<{ contentType: 'TEMPLATE'; content: MessageContent }> {
  if (route.channel !== 'WHATSAPP') {
    if (draft.template) throw invalid('Pre-registered templates are sent on WhatsApp only');
    return { contentType: 'TEMPLATE', content: draft.content };
  }
  const row = await findSenderTemplate(orm, route.ourAddress, templateRef(draft));
  if (!row) throw notFound(`WhatsApp template of ${route.ourAddress}`);
  if (row.status !== 'APPROVED') {
    throw new AppError(
      'whatsapp_template_not_approved',
      422,
      `Template ${row.name} (${row.language}) is ${row.status}: only APPROVED templates can be sent`,
    );
  }
  if (row.unsupportedReason) throw new AppError('validation_failed', 422, row.unsupportedReason);
  // `/ccaas/1` names body values by position, as Infobip's parameters do.
  const parameters =
    draft.template?.parameters ??
    Object.fromEntries((draft.content.placeholders ?? []).map((value, i) => [`body.${i + 1}`, value]));
  const problems = templateParameterProblems(row.placeholders, parameters);
  if (problems.length > 0) throw invalid(problems.join('; '), { problems });
  const filled = fillWhatsAppTemplate(
    { ...componentsOf(row), name: row.name, language: row.language },
    parameters,
  );
  return { contentType: 'TEMPLATE', content: filled };
}

/**
 * Applies the D7 channel rules to a reply on `route` inside the reply's transaction and returns
 * what to store: a WhatsApp template filled in, or the free-form content once the window allows it.
 * A message tag is for Messenger only.
 */
export async function applyChannelRules(
  orm: Orm,
  conversationId: string,
  route: RuleRoute,
  draft: ReplyDraft,
  now = new Date(),
): Promise<{ contentType: MessageContentType; content: MessageContent }> {
  if (draft.content.messengerTag !== undefined && route.channel !== 'FACEBOOK_MESSENGER') {
    throw invalid('Message tags are for Messenger only');
  }
  if (draft.contentType === 'TEMPLATE') {
    if (!carriesTemplates(route.channel)) {
      throw invalid(
        `${CHANNEL_LABELS[route.channel]} has no message templates: send text, a file or a location`,
      );
    }
    // A template is the way past WhatsApp's window and Apple Messages' "customer writes first" (the
    // reference); Viber and RCS have no window.
    return resolveTemplateReply(orm, route, draft);
  }
  await checkFreeFormReply(orm, conversationId, route, draft.content, now);
  return { contentType: draft.contentType, content: draft.content };
}
