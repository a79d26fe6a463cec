import { z } from 'zod';
import { Availability, Role } from './enums.ts';
import { LIMITS } from './limits.ts';

export const Email = z
  .email()
  .max(LIMITS.email)
  .transform((s) => s.toLowerCase());
export const Password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
export const DisplayName = z.string().trim().min(1).max(LIMITS.displayName);

/** A signed-in user as the web app sees them. */
export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  enabled: z.boolean(),
  availability: Availability,
  /** When the availability last changed (ISO 8601). */
  availabilityChangedAt: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(LIMITS.passwordMax) });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The current session: the user plus the CSRF token to send as `x-csrf-token` on writes. */
export const SessionResponse = z.object({ user: User, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Whether this installation still needs its first admin. */
export const SetupStatus = z.object({ needsFirstAdmin: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatus>;

export const FirstAdminRequest = z.object({ email: Email, displayName: DisplayName, password: Password });
export type FirstAdminRequest = z.infer<typeof FirstAdminRequest>;
