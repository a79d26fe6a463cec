import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.ts';
import { notifyError } from './notify.ts';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows this mutation's error itself, so no toast. */
      inlineError?: boolean;
    };
  }
}

/**
 * One client for the app. Client errors (4xx) are answers, not glitches, so they are not retried;
 * every failed mutation shows a toast unless its form displays the error inline.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.inlineError) notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
}
