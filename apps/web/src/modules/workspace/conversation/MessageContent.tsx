import type { TimelineMessage } from '@parley/contracts';
import { IconFile, IconMapPin, IconPhoto, IconTemplate, IconVideo, IconVolume } from '@tabler/icons-react';
import classes from './Timeline.module.css';

// Plain elements rather than Mantine components: a timeline draws many of these, and each themed
// component costs more to render than the whole row.

const FILE_ICONS = { IMAGE: IconPhoto, VIDEO: IconVideo, AUDIO: IconVolume, DOCUMENT: IconFile } as const;
const FILE_LABELS = { IMAGE: 'Image', VIDEO: 'Video', AUDIO: 'Audio', DOCUMENT: 'Document' } as const;

function Link({ href, children }: { href: string | undefined; children: string }) {
  return href ? (
    <a className={classes.link} href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

function mapUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

/** The body of a message by content type: text (with an e-mail subject), a file, a place or a template. */
export function MessageContent({ message }: { message: Pick<TimelineMessage, 'contentType' | 'content'> }) {
  const { content } = message;
  switch (message.contentType) {
    case 'TEXT':
      return (
        <>
          {content.subject && <div className={classes.subject}>{content.subject}</div>}
          <div className={classes.text}>{content.text ?? ''}</div>
        </>
      );
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'DOCUMENT': {
      const Icon = FILE_ICONS[message.contentType];
      return (
        <>
          <div className={classes.attachment}>
            <Icon size={18} stroke={1.6} aria-hidden />
            <Link href={content.url}>{content.fileName ?? FILE_LABELS[message.contentType]}</Link>
          </div>
          {content.caption && <div className={classes.text}>{content.caption}</div>}
        </>
      );
    }
    case 'LOCATION': {
      const place = [content.name, content.address].filter(Boolean).join(', ') || 'Shared location';
      const { latitude, longitude } = content;
      return (
        <div className={classes.attachment}>
          <IconMapPin size={18} stroke={1.6} aria-hidden />
          <Link
            href={latitude !== undefined && longitude !== undefined ? mapUrl(latitude, longitude) : undefined}
          >
            {place}
          </Link>
        </div>
      );
    }
    case 'TEMPLATE':
      return (
        <>
          <div className={classes.attachment}>
            <IconTemplate size={18} stroke={1.6} aria-hidden />
            <span className={classes.subject}>
              {content.templateName ?? 'Template'}
              {content.language ? ` (${content.language})` : ''}
            </span>
          </div>
          {content.text ? (
            <div className={classes.text}>{content.text}</div>
          ) : (
            content.placeholders?.length && (
              <div className={classes.muted}>{content.placeholders.join(' · ')}</div>
            )
          )}
        </>
      );
  }
}
