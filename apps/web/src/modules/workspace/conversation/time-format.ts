const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
const medium = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" for a timeline entry. */
export const formatClock = (iso: string) => clock.format(new Date(iso));

/** "Tuesday, 3 March 2026 at 14:05" for a tooltip. */
export const formatFull = (iso: string) => full.format(new Date(iso));

/** "3 Mar 2026, 14:05" where space is short. */
export const formatDateTime = (iso: string) => medium.format(new Date(iso));
