import type { FilledTemplateButton, FilledTemplateHeader, TimelineMessage } from '@parley/contracts';
import {
  IconCopy,
  IconExternalLink,
  IconFile,
  IconMapPin,
  IconMessageReply,
  IconPhone,
  IconPhoto,
  IconTemplate,
  IconVideo,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from './TemplateMessage.module.css';

// Plain elements, like the rest of the timeline: a conversation may show many templates.

type Content = TimelineMessage['content'];

const BUTTON_ICONS: Record<string, typeof IconCopy> = {
  URL: IconExternalLink,
  PHONE_NUMBER: IconPhone,
  QUICK_REPLY: IconMessageReply,
  COPY_CODE: IconCopy,
  OTP_COPY_CODE: IconCopy,
};

/** `{{1}}` left unfilled stands out, so a preview shows what is still missing. */
export function withMissing(text: string): ReactNode[] {
  return text.split(/(\{\{\s*\d+\s*\}\})/g).map((part, i) =>
    /^\{\{/.test(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text never move
      <span key={i} className={classes.missing}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

function Header({ header }: { header: FilledTemplateHeader }) {
  if (header.format === 'TEXT') return <div className={classes.header}>{withMissing(header.text ?? '')}</div>;
  if (header.format === 'LOCATION') {
    const where =
      header.latitude !== undefined && header.longitude !== undefined
        ? `${header.latitude}, ${header.longitude}`
        : 'Location';
    return (
      <div className={classes.media}>
        <IconMapPin size={16} aria-hidden /> {where}
      </div>
    );
  }
  const Icon = header.format === 'VIDEO' ? IconVideo : header.format === 'DOCUMENT' ? IconFile : IconPhoto;
  const name = header.fileName ?? `${header.format.toLowerCase()} header`;
  return (
    <div className={classes.media}>
      <Icon size={16} aria-hidden />
      {header.url ? (
        <a href={header.url} target="_blank" rel="noreferrer noopener">
          {name}
        </a>
      ) : (
        <span className={classes.missing}>{name}</span>
      )}
    </div>
  );
}

function Button({ button }: { button: FilledTemplateButton }) {
  const Icon = BUTTON_ICONS[button.type] ?? IconMessageReply;
  return (
    <span className={classes.button} title={button.parameter ? `Sent with “${button.parameter}”` : undefined}>
      <Icon size={12} aria-hidden />
      {button.text}
    </span>
  );
}

/**
 * A WhatsApp template as the customer reads it: header, body, footer and buttons, under the
 * template's name. Used by the timeline and by the composer's preview.
 */
export function TemplateMessage({ content }: { content: Content }) {
  const parts = content.template;
  return (
    <div data-testid="template-message" data-template-name={content.templateName}>
      <div className={classes.label}>
        <IconTemplate size={12} aria-hidden />
        {content.templateName ?? 'Template'}
        {content.language ? ` · ${content.language}` : ''}
      </div>
      {parts?.header && <Header header={parts.header} />}
      <div
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' }}
      >
        {content.text ? withMissing(content.text) : (content.placeholders ?? []).join(' · ')}
      </div>
      {parts?.footer && <div className={classes.footer}>{parts.footer}</div>}
      {parts?.buttons && parts.buttons.length > 0 && (
        <div className={classes.buttons}>
          {parts.buttons.map((button, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a template's buttons never move
            <Button key={i} button={button} />
          ))}
        </div>
      )}
    </div>
  );
}
