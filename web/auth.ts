import type { NextFunction, Request, Response } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { verifyApiToken } from '../tools/access/api-tokens.ts';
import type { Principal } from '../tools/registry/runner.ts';

export interface AuthenticatedLocals {
  principal: Principal;
}

/** Bearer-token authentication: the token decides organisation, user and role. */
export function requireToken(prisma: PrismaClient) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const identity = match ? await verifyApiToken(prisma, match[1]!) : null;
    if (!identity) {
      response
        .status(401)
        .set('WWW-Authenticate', `Bearer realm="crescendo"${match ? ', error="invalid_token"' : ''}`)
        .json({ error: { code: 'unauthenticated', message: match ? 'The token is unknown, revoked or expired.' : 'Send Authorization: Bearer <api token> (create one with `crescendo token create`).' } });
      return;
    }
    (response.locals as AuthenticatedLocals).principal = {
      orgId: identity.organizationId,
      userId: identity.userId,
      role: identity.role,
      surface: 'HTTP',
    };
    next();
  };
}
