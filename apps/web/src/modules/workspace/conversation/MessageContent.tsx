import type { TimelineMessage } from '@parley/contracts';
import { IconFile, IconMapPin, IconPhoto, IconVideo, IconVolume } from '@tabler/icons-react';
import { AttachmentList } from './AttachmentList.tsx';
import { EmailBody } from './EmailBody.tsx';
import { TemplateMessage } from './TemplateMessage.tsx';
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
          {content.html ? (
            <EmailBody html={content.html} />
          ) : (
            <div className={classes.text}>{content.text ?? ''}</div>
          )}
          {content.attachments?.length ? <AttachmentList files={content.attachments} /> : null}
        </>
      );
    case 'IMAGE':
    case 'VIDEO':
    case 'AUDIO':
    case 'DOCUMENT': {
      const Icon = FILE_ICONS[message.contentType];
      // A file Parley stored is downloaded from Parley (signed in); a provider URL is linked as it came.
      const [stored] = content.attachments ?? [];
      const href = stored ? `/api/attachments/${stored.id}` : content.url;
      return (
        <>
          {stored && message.contentType === 'IMAGE' && (
            <a href={href} target="_blank" rel="noreferrer noopener">
              <img className={classes.preview} src={href} alt={stored.fileName} loading="lazy" />
            </a>
          )}
          <div className={classes.attachment}>
            <Icon size={18} stroke={1.6} aria-hidden />
            <Link href={href}>
              {stored?.fileName ?? content.fileName ?? FILE_LABELS[message.contentType]}
            </Link>
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
      return <TemplateMessage content={content} />;
  }
}
