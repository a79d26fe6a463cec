import { timestamp } from 'drizzle-orm/pg-core';

/** Every time column is a timestamptz: instants, never wall-clock times of an unknown zone. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
