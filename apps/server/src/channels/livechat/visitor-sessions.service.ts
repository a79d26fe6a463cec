import { checkDestination, type StartVisitorSessionRequest } from '@parley/contracts';
import { findCustomerByDestination } from '../../modules/customers/customers.repo.ts';
import { createCustomer } from '../../modules/customers/customers.service.ts';
import { randomToken, sha256 } from '../../modules/users/tokens.ts';
import type { Orm } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { joinTransaction } from '../../platform/events/join-transaction.ts';
import type { Events } from '../../platform/events/types.ts';
import { findVisitorByToken, insertVisitor, type VisitorRow } from './visitors.repo.ts';

/**
 * Starts a visitor session on a widget's connection. With pre-chat answers the visitor becomes a
 * customer profile (D6) named as they said, reached on LIVE_CHAT at the visitor id, so their
 * conversations are recognised from the first message. The e-mail joins the profile only when no
 * other profile has it: an unverified address must never make a visitor pass for a known customer.
 * The token is returned once; only its hash is stored.
 */
export function startVisitorSession(
  events: Events,
  connectionId: string,
  answers: StartVisitorSessionRequest,
): Promise<{ token: string; visitor: VisitorRow }> {
  const token = randomToken();
  const id = crypto.randomUUID();
  const email = answers.email ? checkDestination('EMAIL', answers.email) : undefined;
  return events.transact(async (scope) => {
    let customerId: string | null = null;
    if (answers.name !== undefined || email?.ok) {
      const emailFree = email?.ok && !(await findCustomerByDestination(scope.tx, 'EMAIL', email.address));
      const profile = await createCustomer(joinTransaction(events, scope), {
        name: answers.name ?? null,
        destinations: [
          { channel: 'LIVE_CHAT', address: id },
          ...(emailFree && email?.ok ? [{ channel: 'EMAIL' as const, address: email.address }] : []),
        ],
      });
      customerId = profile.id;
    }
    const visitor = await insertVisitor(scope.tx, {
      id,
      connectionId,
      tokenHash: sha256(token),
      name: answers.name ?? null,
      email: email?.ok ? email.address : null,
      customerId,
    });
    return { token, visitor };
  });
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The visitor a `Bearer <token>` header names on this connection; 401 when missing or unknown. */
export async function authenticateVisitor(
  orm: Orm,
  connectionId: string,
  authorization: string | undefined,
): Promise<VisitorRow> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  const visitor = token ? await visitorOfToken(orm, connectionId, token) : undefined;
  if (!visitor) throw new AppError('unauthenticated', 401, 'Start a chat session first');
  return visitor;
}

/** The visitor holding `token` on this connection, if any. */
export function visitorOfToken(
  orm: Orm,
  connectionId: string,
  token: string,
): Promise<VisitorRow | undefined> {
  return findVisitorByToken(orm, connectionId, sha256(token));
}
