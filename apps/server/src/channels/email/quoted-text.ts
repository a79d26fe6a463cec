// Mail clients append the whole conversation under every reply; the timeline already shows it, so
// the text Parley keeps is what the customer wrote this time. Forwarded content and signatures stay.

/** "On Tue, 3 Mar 2026 at 10:00, Ana <ana@example.com> wrote:" and its translations. */
const WROTE = '(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napsal|napisał|kirjoitti)';
const INTRO = /^(on|am|le|el|il|op|em|den|dne|w dniu|på)\b/i;
const ATTRIBUTION = [
  // "On <date>, <name> wrote:" / "Am <date> schrieb <name>:": a date intro, the verb, a final colon.
  new RegExp(`^(on|am|le|el|il|op|em|den|dne|w dniu|på)\\b.{0,300}\\b${WROTE}\\b.{0,200}:\\s*$`, 'i'),
  new RegExp(`^.{0,200}<[^>\\s]+@[^>\\s]+>\\s*${WROTE}\\s*:\\s*$`, 'i'),
];

/** Separators Outlook and others put above the quoted message. */
const SEPARATOR = [
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht)\s*-{2,}\s*$/i,
  /^_{20,}\s*$/,
];

/** The header block Outlook writes above a quoted message: From: then Sent:/Date: within a few lines. */
const HEADER_FROM = /^\*?(from|von|de|da|van|od|från)\s*:\*?\s/i;
const HEADER_DATE =
  /^\*?(sent|date|gesendet|datum|envoyé|enviado|inviato|verzonden|wysłane|skickat)\s*:\*?\s/i;

const isQuoted = (line: string) => /^\s*>/.test(line);

// A real attribution names a date or an address; "On Monday I wrote to you:" is the customer's text.
const isAttributionText = (text: string) => /\d|@/.test(text) && ATTRIBUTION.some((re) => re.test(text));

function isAttribution(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  if (isAttributionText(line)) return true;
  // Clients wrap a long "On <date>, <name>" attribution over two lines.
  const next = (lines[i + 1] ?? '').trim();
  return next !== '' && INTRO.test(line) && isAttributionText(`${line} ${next}`);
}

function isHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test((lines[i] ?? '').trim())) return false;
  return lines.slice(i + 1, i + 5).some((l) => HEADER_DATE.test(l.trim()));
}

/** Where the quoted history starts, or the line count when there is none. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (SEPARATOR.some((re) => re.test(line)) || isAttribution(lines, i) || isHeaderBlock(lines, i)) return i;
  }
  // Without a marker, only a trailing block of "> " lines is history; quotes answered inline stay.
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  let start = end;
  while (start > 0 && (isQuoted(lines[start - 1] ?? '') || (lines[start - 1] ?? '').trim() === '')) start--;
  return start < end ? start : lines.length;
}

/**
 * The text of an e-mail without the quoted reply history under it (attribution line, Outlook
 * separator or header block, or a trailing "> " block). A message that is nothing but a quote is
 * kept whole rather than shown empty.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.slice(0, quoteStart(lines)).join('\n').trim();
  return kept === '' ? text.trim() : kept;
}
