import sanitizeHtml from 'sanitize-html';

// E-mail HTML is hostile input shown inside the agents' web app. It is cleaned once, when the mail
// is received, with an allow-list (docs/email.md "Sanitising"); the app's Content-Security-Policy
// (no inline scripts, images only from Parley) stands behind it.

/** Largest inline `data:` image kept in the HTML; bigger ones arrive as attachments anyway. */
export const MAX_DATA_IMAGE_CHARS = 200_000;

/** The class quoted reply history gets, inside a closed <details>: shown on a click, never lost. */
export const QUOTE_CLASS = 'parley-quote';

const ALLOWED_TAGS = [
  ...['p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small'],
  ...['blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'a', 'img', 'details'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  ...['caption', 'colgroup', 'col'],
];

const COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.\s,%]+\)$/i, /^[a-z]{3,20}$/i];
const LENGTH = [/^\d{1,3}(\.\d+)?(px|pt|em|rem|%)$/];

/** Styles that format text; nothing that positions, sizes or layers content over the app. */
const ALLOWED_STYLES = {
  '*': {
    color: COLOR,
    'background-color': COLOR,
    'text-align': [/^(left|right|center|justify|start|end)$/],
    'font-weight': [/^(normal|bold|bolder|lighter|[1-9]00)$/],
    'font-style': [/^(normal|italic|oblique)$/],
    'text-decoration': [/^(none|underline|line-through|overline)$/],
    'font-size': LENGTH,
  },
};

const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

/** How the sanitiser treats images that are not attached to the mail. */
export interface SanitizeOptions {
  /** `cid:` references of inline images (Content-ID without brackets) → where Parley serves them. */
  inlineImages?: ReadonlyMap<string, string>;
}

const isQuoteContainer = (tag: string, attribs: sanitizeHtml.Attributes) =>
  tag === 'blockquote' &&
  (attribs.type?.toLowerCase() === 'cite' || /\b(gmail_quote|yahoo_quoted)\b/.test(attribs.class ?? ''));

function imageTag(attribs: sanitizeHtml.Attributes, options: SanitizeOptions): sanitizeHtml.Tag {
  const src = (attribs.src ?? '').trim();
  const alt = (attribs.alt ?? '').trim();
  const kept = { ...(alt && { alt }), ...(attribs.title && { title: attribs.title }) };
  if (/^cid:/i.test(src)) {
    const url = options.inlineImages?.get(src.slice(4).replace(/^<|>$/g, ''));
    if (url) return { tagName: 'img', attribs: { ...kept, src: url } };
  } else if (DATA_IMAGE.test(src) && src.length <= MAX_DATA_IMAGE_CHARS) {
    return { tagName: 'img', attribs: { ...kept, src } };
  } else if (/^https?:\/\//i.test(src)) {
    // Remote images are never fetched by the agent's browser (they tell the sender who read the
    // mail, when and from where); the agent may open one deliberately through the link.
    return {
      tagName: 'a',
      attribs: { href: src, target: '_blank', rel: 'noopener noreferrer nofollow' },
      text: `[image${alt ? `: ${alt}` : ''}]`,
    };
  }
  return { tagName: 'span', attribs: {}, text: alt ? `[image: ${alt}]` : '' };
}

/**
 * The HTML of an e-mail made safe to show inside the web app: an allow-list of formatting tags and
 * attributes; no scripts, event handlers, forms, frames, style sheets, classes or ids; links open
 * in a new tab without referrer; remote images become links; `cid:` images point at their stored
 * attachment; quoted reply history is folded into a closed <details>. Returns '' when nothing
 * visible is left.
 */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): string {
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      img: ['src', 'alt', 'title'],
      td: ['colspan', 'rowspan', 'align', 'valign'],
      th: ['colspan', 'rowspan', 'align', 'valign'],
      details: ['class'],
      '*': ['style', 'dir', 'lang'],
    },
    allowedClasses: { details: [QUOTE_CLASS] },
    allowedStyles: ALLOWED_STYLES,
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['data', 'http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'title',
      'head',
      'template',
      'svg',
      'math',
      'iframe',
      'object',
      'select',
    ],
    nestingLimit: 100,
    transformTags: {
      a: (_tag, attribs) => ({
        tagName: 'a',
        attribs: {
          ...(attribs.href && { href: attribs.href }),
          ...(attribs.title && { title: attribs.title }),
          target: '_blank',
          rel: 'noopener noreferrer nofollow',
        },
      }),
      img: (_tag, attribs) => imageTag(attribs, options),
      blockquote: (tag, attribs) =>
        isQuoteContainer(tag, attribs)
          ? { tagName: 'details', attribs: { class: QUOTE_CLASS } }
          : { tagName: 'blockquote', attribs },
      font: 'span',
      center: 'div',
    },
  });
  // A transform cannot add a child element, so the fold gets its label here.
  const folded = clean.replace(
    new RegExp(`<details class="${QUOTE_CLASS}">`, 'g'),
    `<details class="${QUOTE_CLASS}"><summary>Quoted text</summary>`,
  );
  return hasVisibleContent(folded) ? folded.trim() : '';
}

function hasVisibleContent(html: string): boolean {
  return /<img\b/i.test(html) || html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '') !== '';
}
