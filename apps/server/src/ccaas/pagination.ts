import type { CcaasPageQuery, CcaasPagination } from '@parley/contracts';
import { type AnyColumn, asc, desc, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { ccaasBadRequest, ccaasFieldError } from './errors.ts';

/**
 * The deepest a client may page (`page × limit`). An OFFSET makes the database read and discard
 * every skipped row, so an unbounded `page` would let one request scan a whole table (and a huge
 * one overflows the offset); narrowing the filters reaches any row within this.
 */
export const MAX_PAGE_OFFSET = 100_000;

/** One ordering term: a field of the API shape and its direction. */
export interface OrderTerm<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

/** A parsed page request: what to skip and take, the order to apply, and its echo for the response. */
export interface PageRequest<F extends string> {
  offset: number;
  limit: number;
  page: number;
  order: OrderTerm<F>[];
  /** The order as the response states it, e.g. `id:ASC`. */
  orderBy: string;
}

/**
 * Parses `page`/`limit`/`orderBy`. `orderBy` is `field:asc|desc`, several comma-separated; fields
 * outside `fields` are refused with 400 (ordering by an unknown property would silently lie).
 * Without `orderBy` the reference's default `id:asc` applies (timelines pass `createdAt:asc`: random
 * UUIDs give no meaningful order); `id` always ends the order so pages are stable — ascending, or
 * with `tieBreak: 'last'` in the direction of the last term (conversations: ties then fall as in the
 * /api lists, whose keyset order is the sort key and id in one direction). Pages deeper than
 * MAX_PAGE_OFFSET rows are refused with 400.
 */
export function parsePage<F extends string>(
  query: CcaasPageQuery,
  fields: readonly F[],
  defaultOrder = 'id:asc',
  tieBreak: 'asc' | 'last' = 'asc',
): PageRequest<F | 'id'> {
  const order: OrderTerm<F | 'id'>[] = [];
  for (const term of (query.orderBy || defaultOrder).split(',')) {
    const [rawField = '', rawDirection = 'asc', ...rest] = term.trim().split(':');
    const direction = rawDirection.toLowerCase();
    if (rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
      throw ccaasBadRequest(`Invalid orderBy '${term}': use field:asc or field:desc`);
    }
    const field = rawField as F | 'id';
    if (field !== 'id' && !fields.includes(field as F)) {
      throw ccaasBadRequest(`Invalid orderBy field '${rawField}'`);
    }
    order.push({ field, direction });
  }
  if (!order.some((t) => t.field === 'id')) {
    order.push({ field: 'id', direction: tieBreak === 'last' ? (order.at(-1)?.direction ?? 'asc') : 'asc' });
  }
  if (query.page * query.limit > MAX_PAGE_OFFSET) {
    throw ccaasFieldError(
      'page',
      `page × limit must be at most ${MAX_PAGE_OFFSET}: narrow the filters instead`,
    );
  }
  return {
    offset: query.page * query.limit,
    limit: query.limit,
    page: query.page,
    order,
    orderBy: order.map((t) => `${t.field}:${t.direction.toUpperCase()}`).join(','),
  };
}

/** The `pagination` block of a result page. */
export function paginationOf(request: PageRequest<string>, totalItems: number): CcaasPagination {
  return { totalItems, page: request.page, limit: request.limit, orderBy: request.orderBy };
}

/**
 * One page of `query` in the requested order, and how many rows `countQuery` (the same filters,
 * unpaged) finds overall. `columns` maps every orderable field to its column or expression.
 */
export async function pageOf<Q extends PgSelect, F extends string>(
  query: Q,
  countQuery: PromiseLike<{ total: number }[]>,
  page: PageRequest<F>,
  columns: Record<F, AnyColumn | SQL>,
): Promise<{ rows: Awaited<Q>; total: number }> {
  const order = page.order.map((t) =>
    t.direction === 'asc' ? asc(columns[t.field]) : desc(columns[t.field]),
  );
  const [rows, [counted]] = await Promise.all([
    query
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    countQuery,
  ]);
  return { rows: rows as Awaited<Q>, total: counted?.total ?? 0 };
}
