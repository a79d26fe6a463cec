import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { MAX_PAGE_OFFSET, parsePage } from './pagination.ts';

const FIELDS = ['createdAt'] as const;

describe('parsePage', () => {
  it('accepts pages down to MAX_PAGE_OFFSET rows and refuses one deeper with 400 naming page', () => {
    const deepest = parsePage({ page: MAX_PAGE_OFFSET / 10, limit: 10 }, FIELDS);
    expect(deepest).toMatchObject({ offset: MAX_PAGE_OFFSET, limit: 10, orderBy: 'id:ASC' });
    let refusal: unknown;
    try {
      parsePage({ page: MAX_PAGE_OFFSET / 10 + 1, limit: 10 }, FIELDS);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      status: 400,
      details: { validationErrors: { page: [expect.any(String)] } },
    });
  });

  it('lets any page through when the page size is 0 (nothing is skipped)', () => {
    expect(parsePage({ page: 10 ** 9, limit: 0 }, FIELDS).offset).toBe(0);
  });
});
