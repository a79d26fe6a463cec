import type { CcaasPageQuery, CcaasPagination } from '@parley/contracts';
import { ccaasBadRequest } from './errors.ts';

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
 * UUIDs give no meaningful order); `id` always ends the order so pages are stable.
 */
export function parsePage<F extends string>(
  query: CcaasPageQuery,
  fields: readonly F[],
  defaultOrder = 'id:asc',
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
  if (!order.some((t) => t.field === 'id')) order.push({ field: 'id', direction: 'asc' });
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
