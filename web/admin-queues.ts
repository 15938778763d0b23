import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { verifyApiToken } from '../tools/access/api-tokens.ts';

export const ADMIN_QUEUES_PATH = '/admin/queues';
const COOKIE = 'crescendo_admin';
const SESSION_MS = 30 * 60_000;
const ADMIN_ROLES = new Set(['OWNER', 'ADMIN']);
type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

export interface AdminQueuesDeps {
  prisma: PrismaClient;
  /** The BullMQ queue when REDIS_URL is set; null in the embedded mode. */
  queue: Queue | null;
  /** Embedded mode: what the in-process queue can tell. */
  inProcess?: () => { active: number; failures: Array<{ name: string; key: string | undefined; organizationId: string; error: string; at: Date }> };
  /** Signs the session cookie; default a random key per process (sessions end on restart). */
  secret?: Buffer;
  now?: () => Date;
}

/**
 * The job dashboard (Bull Board) at /admin/queues, for OWNER and ADMIN tokens only. API clients
 * send `Authorization: Bearer <token>`; a browser first calls `POST /admin/session` with that
 * header, which sets a signed, HttpOnly, SameSite=Strict cookie for /admin valid 30 minutes, then
 * opens the page. A token never appears in a URL.
 */
export function adminQueuesRouter(deps: AdminQueuesDeps): Router {
  const router = express.Router();
  const secret = deps.secret ?? randomBytes(32);
  const now = deps.now ?? (() => new Date());

  router.post('/admin/session', async (request, response) => {
    const admin = await bearerAdmin(deps.prisma, request);
    if (!admin) return refuse(response, 'Send Authorization: Bearer <token> of an OWNER or ADMIN.');
    const expires = now().getTime() + SESSION_MS;
    const value = sign(secret, `${admin.organizationId}.${admin.role}.${expires}`);
    response
      .cookie(COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/admin', maxAge: SESSION_MS })
      .json({ expires_at: new Date(expires).toISOString(), open: ADMIN_QUEUES_PATH });
  });
  router.delete('/admin/session', (_request, response) => {
    response.clearCookie(COOKIE, { path: '/admin' }).status(204).end();
  });

  const requireAdmin = async (request: Request, response: Response, next: NextFunction) => {
    if (validSession(secret, readCookie(request, COOKIE), now()) || (await bearerAdmin(deps.prisma, request))) return next();
    refuse(response, 'The job dashboard is for OWNER and ADMIN: POST /admin/session with Authorization: Bearer <token> (sets a 30-minute cookie), then open /admin/queues.');
  };

  if (deps.queue) {
    const serverAdapter = new ExpressAdapter().setBasePath(ADMIN_QUEUES_PATH);
    // @bull-board/express 9.10.1 nests its own @bull-board/api 9.10.1 beside our 9.10.2: same shapes, separate declarations.
    createBullBoard({ queues: [new BullMQAdapter(deps.queue)], serverAdapter: serverAdapter as unknown as BoardServerAdapter, options: { uiConfig: { boardTitle: 'Crescendo jobs' } } });
    router.use(ADMIN_QUEUES_PATH, requireAdmin, serverAdapter.getRouter());
  } else {
    router.get(ADMIN_QUEUES_PATH, requireAdmin, (_request, response) => {
      const state = deps.inProcess?.() ?? { active: 0, failures: [] };
      response.json({
        mode: 'in-process',
        message: 'Jobs run in this process (no REDIS_URL): the queue dashboard needs Redis. Set REDIS_URL and run `crescendo worker` to get it.',
        active: state.active,
        recent_failures: state.failures.map((failure) => ({ ...failure, at: failure.at.toISOString() })),
      });
    });
  }
  return router;
}

async function bearerAdmin(prisma: PrismaClient, request: Request) {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const identity = match ? await verifyApiToken(prisma, match[1]!) : null;
  return identity && ADMIN_ROLES.has(identity.role) ? identity : null;
}

function refuse(response: Response, message: string): void {
  response.status(401).set('WWW-Authenticate', 'Bearer realm="crescendo-admin"').json({ error: { code: 'unauthenticated', message } });
}

function sign(secret: Buffer, payload: string): string {
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

function validSession(secret: Buffer, value: string | undefined, now: Date): boolean {
  if (!value) return false;
  const cut = value.lastIndexOf('.');
  const payload = value.slice(0, cut);
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(value);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const [, role, expires] = payload.split('.');
  return ADMIN_ROLES.has(role ?? '') && Number(expires) > now.getTime();
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
