const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * How long ago, as dense lists show it: "now", "5m", "3h", "2d", then the date ("12 Mar", with the
 * year when it is not this year's).
 */
export function formatListTime(iso: string, now: number): string {
  const at = Date.parse(iso);
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)}m`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)}h`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)}d`;
  const date = new Date(at);
  return date.getFullYear() === new Date(now).getFullYear()
    ? dayMonth.format(date)
    : dayMonthYear.format(date);
}

/** The exact time, for a tooltip beside the short form. */
export function formatFullTime(iso: string): string {
  return full.format(new Date(iso));
}
