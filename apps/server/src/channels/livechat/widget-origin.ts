/** What the CORS layer answers a browser calling from `origin`. */
export type OriginDecision =
  /** `allowOrigin`: the Access-Control-Allow-Origin value; null when the request carried no Origin. */
  { allowed: true; allowOrigin: string | null } | { allowed: false };

/**
 * May a page on `origin` use this widget? Exact match against the admin's list (scheme, host and
 * port, as browsers send Origin); the single entry `*` admits every site. A request without an
 * Origin header (not a browser's cross-origin call) is let through: CORS protects visitors'
 * browsers, it is no credential — the visitor token is.
 */
export function decideOrigin(allowedOrigins: readonly string[], origin: string | undefined): OriginDecision {
  if (origin === undefined) return { allowed: true, allowOrigin: null };
  if (allowedOrigins.length === 1 && allowedOrigins[0] === '*') return { allowed: true, allowOrigin: '*' };
  return allowedOrigins.includes(origin) ? { allowed: true, allowOrigin: origin } : { allowed: false };
}

/** Methods and request headers the widget uses; the token travels in Authorization, never in cookies. */
export const CORS_ALLOW_METHODS = 'GET, POST';
export const CORS_ALLOW_HEADERS = 'authorization, content-type';
/** Browsers cache a preflight answer this long (seconds); Chromium caps it at 7200. */
export const CORS_MAX_AGE = 600;
