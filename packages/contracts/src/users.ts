import { z } from 'zod';
import { DisplayName, Email, Password, User } from './auth.ts';
import { Availability, Role } from './enums.ts';
import { LIMITS } from './limits.ts';

export const UserList = z.object({ items: z.array(User) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.object({
  email: Email,
  displayName: DisplayName,
  roles: z.array(Role).min(1),
  password: Password,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({ displayName: DisplayName, roles: z.array(Role).min(1), enabled: z.boolean() })
  .partial();
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({ password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const SetAvailabilityRequest = z.object({ availability: Availability });
export type SetAvailabilityRequest = z.infer<typeof SetAvailabilityRequest>;

export const ApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  /** First characters of the key, to recognise it; the key itself is shown once. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;
export const ApiKeyList = z.object({ items: z.array(ApiKey) });
export const CreateApiKeyRequest = z.object({ name: z.string().trim().min(1).max(LIMITS.apiKeyName) });
export const CreatedApiKey = z.object({ apiKey: ApiKey, key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

/** A colleague's live availability, as shown on the Team board. */
export const TeamMember = z.object({
  id: z.uuid(),
  displayName: z.string(),
  roles: z.array(Role),
  availability: Availability,
  availabilityChangedAt: z.string(),
});
export type TeamMember = z.infer<typeof TeamMember>;
export const TeamList = z.object({ items: z.array(TeamMember) });
export type TeamList = z.infer<typeof TeamList>;
