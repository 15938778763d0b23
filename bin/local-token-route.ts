import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type RequestHandler } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { ToolError } from '../tools/registry/errors.ts';
import { resolveCliPrincipal } from './command-context.ts';
import { LOCAL_TOKEN_PATH } from './local-credential.ts';
import { UsageError } from './usage.ts';

/** The name of the tokens this route issues; each start revokes those of the previous run. */
export const LOCAL_TOKEN_NAME = 'local CLI (crescendo on this machine)';
/** A backstop: a server that died without revoking its tokens leaves none valid for long. */
const LOCAL_TOKEN_LIFETIME_MS = 7 * 86_400_000;

/**
 * POST /local/cli-token: the CLI on this machine (it proved so with the local credential file)
 * exchanges `{org, as, role}`, read from its flags with the CLI's own rules, for an API token of
 * exactly that member and role. It then uses the ordinary tool API and /mcp, so a command run
 * against the server passes the same authorisation, validation and audit as any client.
 */
export async function localTokenRoute(prisma: PrismaClient, secret: string, now: () => Date = () => new Date()): Promise<Router> {
  await prisma.apiToken.updateMany({ where: { name: LOCAL_TOKEN_NAME, revokedAt: null }, data: { revokedAt: now() } });
  const issued = new Map<string, string>();
  const router = Router();
  router.post(LOCAL_TOKEN_PATH, requireLocalCredential(secret), express.json(), async (request, response) => {
    try {
      const identity = readIdentity(request.body);
      const principal = await resolveCliPrincipal(prisma, identity);
      if (!principal.userId) throw new UsageError(`--org: ${identity.org} has no owner to act as; pass --as EMAIL`);
      const key = `${principal.orgId}:${principal.userId}:${principal.role}`;
      let token = issued.get(key);
      if (!token) {
        const user = await prisma.user.findUniqueOrThrow({ where: { id: principal.userId } });
        token = (await createApiToken(prisma, { organizationId: principal.orgId, email: user.email, role: principal.role, name: LOCAL_TOKEN_NAME, expiresAt: new Date(now().getTime() + LOCAL_TOKEN_LIFETIME_MS) })).token;
        issued.set(key, token);
      }
      response.json({ token, organization_id: principal.orgId, role: principal.role });
    } catch (error) {
      if (error instanceof UsageError || (error instanceof ToolError && error.code === 'invalid_input')) {
        response.status(400).json({ error: { code: 'invalid_input', message: error.message } });
        return;
      }
      throw error;
    }
  });
  return router;
}

function readIdentity(body: unknown): { org?: string; as?: string; role?: string } {
  const value = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  return { org: text('org'), as: text('as'), role: text('role') };
}

/**
 * Admits a request only from this machine (loopback) carrying this run's local credential: the
 * proof that the caller can read the data folder, and so could open the database itself.
 */
export function requireLocalCredential(secret: string): RequestHandler {
  const expected = digest(secret);
  return (request, response, next) => {
    if (!isLoopback(request)) {
      response.status(403).json({ error: { code: 'forbidden', message: 'The local credential is accepted only from this machine.' } });
      return;
    }
    const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      response.status(401).json({ error: { code: 'unauthenticated', message: 'The local credential does not match this server (was it restarted?).' } });
      return;
    }
    next();
  };
}

function isLoopback(request: Request): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
