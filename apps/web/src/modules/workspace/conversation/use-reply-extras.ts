import {
  type Attachment,
  type Channel,
  contentTypeOfFile,
  fillWhatsAppTemplate,
  type MessengerTag,
  type ReplyWindow,
} from '@parley/contracts';
import { useState } from 'react';
import type { FilledTemplateChoice } from '../../whatsapp-templates/WhatsAppTemplateForm.tsx';
import { useAttachmentUpload } from './AttachmentPicker.tsx';
import type { OutboxEntry } from './timeline-rows.ts';

/** What the agent sends to the customer: a text, a stored file (the text is its caption) or a WhatsApp template. */
export interface ComposedReply {
  text?: string;
  attachment?: Attachment;
  /** Messenger after the 24-hour window (D7). */
  messengerTag?: MessengerTag;
  template?: FilledTemplateChoice;
}

/**
 * The reply's extras beside its text, under D7's rules: the file being attached, the Messenger
 * tag a closed window asks for, and whether the WhatsApp template form replaces the text box
 * (always once the window is closed; on request inside it).
 */
export function useReplyExtras(channel: Channel | null, window: ReplyWindow) {
  const upload = useAttachmentUpload();
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [tag, setTag] = useState<MessengerTag | null>(null);
  const [templateChosen, setTemplateChosen] = useState(false);
  const tagNeeded = window.state === 'TAG_REQUIRED';

  const attach = (file: File) => {
    setUploading(file.name);
    upload.reset();
    upload.mutate(file, {
      onSuccess: (stored) => setAttachment(stored),
      onSettled: () => setUploading(null),
    });
  };

  return {
    attachment,
    uploading,
    uploadError: upload.error?.message ?? null,
    attach,
    removeAttachment: () => setAttachment(null),
    tag,
    setTag,
    tagNeeded,
    /** The template form shows instead of the text box. */
    templateForm: window.state === 'TEMPLATE_ONLY' || (channel === 'WHATSAPP' && templateChosen),
    /** Inside the window the agent may still choose a template. */
    templateOptional: channel === 'WHATSAPP' && window.state === 'OPEN' && !templateChosen,
    openTemplateForm: () => setTemplateChosen(true),
    closeTemplateForm: window.state === 'TEMPLATE_ONLY' ? undefined : () => setTemplateChosen(false),
    /** The extras a free-form reply carries; then they are cleared for the next one. */
    take(text: string): ComposedReply {
      const reply: ComposedReply = {
        ...(text.trim() !== '' && { text }),
        ...(attachment && { attachment }),
        ...(tagNeeded && tag && { messengerTag: tag }),
      };
      setAttachment(null);
      return reply;
    },
    /** Whether a free-form reply may go: something to send, and the tag when Messenger asks for one. */
    ready: (text: string) =>
      (text.trim() !== '' || attachment !== null) && !uploading && (!tagNeeded || tag !== null),
  };
}

/** A composed reply as the outbox keeps it: the request's extras and how the pending row shows. */
export function pendingReply(reply: ComposedReply): Pick<OutboxEntry, 'extras' | 'preview'> {
  const { text, attachment, messengerTag, template } = reply;
  if (template) {
    return {
      extras: { template: { id: template.template.id, parameters: template.parameters } },
      preview: {
        contentType: 'TEMPLATE',
        content: fillWhatsAppTemplate(template.template, template.parameters),
      },
    };
  }
  const tag = messengerTag ? { messengerTag } : {};
  if (attachment) {
    const { createdAt: _, ...ref } = attachment;
    return {
      extras: { attachmentId: attachment.id, ...tag },
      preview: {
        contentType: contentTypeOfFile(attachment.mimeType),
        content: { attachments: [ref], ...(text && { caption: text }), ...tag },
      },
    };
  }
  return messengerTag
    ? { extras: tag, preview: { contentType: 'TEXT', content: { text: text ?? '', ...tag } } }
    : {};
}
