import type { RegistryTemplate } from '../../modules/whatsapp-templates/whatsapp-templates.repo.ts';
import { ChannelError } from '../channel-error.ts';
import { callInfobip, type InfobipAccount } from './client.ts';
import { channelErrorFromHttp } from './errors.ts';
import { mapRegistryTemplates, RegistryResponse, type SkippedTemplate } from './template-mapper.ts';

/** Path of a sender's WhatsApp template registry (reference: get-whatsapp-templates). */
export function templateRegistryPath(sender: string): string {
  return `/whatsapp/2/senders/${encodeURIComponent(sender)}/templates`;
}

/**
 * Reads every WhatsApp template registered for our `sender`, with its approval state, from
 * `GET /whatsapp/2/senders/{sender}/templates`. Entries Parley cannot read come back in `skipped`;
 * a failed call is a ChannelError (the caller records it for the supervisor).
 */
export async function fetchWhatsAppTemplates(
  account: InfobipAccount & { sender: string },
): Promise<{ templates: RegistryTemplate[]; skipped: SkippedTemplate[] }> {
  const { status, json } = await callInfobip(account, {
    method: 'GET',
    path: templateRegistryPath(account.sender),
  });
  if (status < 200 || status >= 300) throw channelErrorFromHttp(status, json);
  const parsed = RegistryResponse.safeParse(json);
  if (!parsed.success) {
    throw new ChannelError(
      'invalid_response',
      false,
      'Infobip answered with an unreadable template list',
      status,
    );
  }
  return mapRegistryTemplates(parsed.data.templates);
}
