import { contentTypeOfFile, type SendMessageRequest } from '@parley/contracts';
import type { Orm } from '../../platform/db/client.ts';
import { attachmentRef, loadDownloadableAttachment } from '../attachments/attachments.service.ts';
import type { ReplyDraft } from '../channel-rules/channel-rules.service.ts';
import { checkLength, enforce } from '../conversations/conversations.policy.ts';
import type { Viewer } from '../conversations/conversations.visibility.ts';

/**
 * What the web app's send request asks for, as a reply draft for the channel rules: a WhatsApp
 * template (filled in by the rules), a stored file with the text as its caption, or a text.
 * The file must be one the agent may download (their upload, or a file of a conversation they
 * see); any other is `not_found`, so no one forwards a file they cannot open.
 */
export async function replyDraftOf(orm: Orm, viewer: Viewer, body: SendMessageRequest): Promise<ReplyDraft> {
  const tag = body.messengerTag === undefined ? {} : { messengerTag: body.messengerTag };
  if (body.template) {
    return { contentType: 'TEMPLATE', content: {}, template: body.template };
  }
  if (body.attachmentId) {
    const attachment = await loadDownloadableAttachment(orm, body.attachmentId, viewer);
    if (body.text !== undefined) enforce(checkLength('messageText', body.text));
    const ref = attachmentRef(attachment);
    return {
      contentType: contentTypeOfFile(attachment.mimeType),
      content: { attachments: [ref], ...(body.text !== undefined && { caption: body.text }), ...tag },
    };
  }
  return { contentType: 'TEXT', content: { text: body.text ?? '', ...tag } };
}
