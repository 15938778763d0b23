import { randomBytes } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { OperatorCredential, readCookie } from './operator-credential.ts';

export const ADMIN_QUEUES_PATH = '/admin/queues';
const COOKIE = 'crescendo_admin';
const SESSION_MS = 30 * 60_000;
type BoardServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter'];

const TURN_ON =
  'The job dashboard is off: it spans every organisation, so it opens only to the operator. Set CRESCENDO_OPERATOR_TOKEN ' +
  '(a secret of 32 or more characters, e.g. `openssl rand -hex 32`) and restart `crescendo start`. ' +
  "Organisation admins see their own organisation's jobs with the list_jobs tool.";

export interface AdminQueuesDeps {
  /** CRESCENDO_OPERATOR_TOKEN; without it the dashboard is off. */
  operatorToken?: string;
  /** The BullMQ queue when REDIS_URL is set; null in the embedded mode. */
  queue: Queue | null;
  /** Embedded mode: what the in-process queue can tell. */
  inProcess?: () => { active: number; failures: Array<{ name: string; key: string | undefined; organizationId: string; error: string; at: Date }> };
  /** Signs the session cookie; default a random key per process (sessions end on restart). */
  secret?: Buffer;
  now?: () => Date;
}

/**
 * The job dashboard (Bull Board) at /admin/queues, for the operator only: it shows and controls
 * every organisation's jobs, so no organisation role opens it. API clients send
 * `Authorization: Bearer <operator token>`; a browser first calls `POST /admin/session` with that
 * header, which sets a signed, HttpOnly, SameSite=Strict cookie for /admin valid 30 minutes and
 * bound to the token (changing the token ends it), then opens the page. The token is never in a URL.
 */
export function adminQueuesRouter(deps: AdminQueuesDeps): Router {
  const router = express.Router();
  if (!deps.operatorToken) {
    router.use(['/admin/session', ADMIN_QUEUES_PATH], (_request, response) => {
      response.status(404).json({ error: { code: 'not_found', message: TURN_ON } });
    });
    return router;
  }
  const operator = new OperatorCredential(deps.operatorToken, deps.secret ?? randomBytes(32));
  const now = deps.now ?? (() => new Date());

  router.post('/admin/session', (request, response) => {
    if (!operator.matchesBearer(request)) return refuse(response, 'Send Authorization: Bearer <CRESCENDO_OPERATOR_TOKEN>; organisation tokens do not open the job dashboard.');
    const expires = now().getTime() + SESSION_MS;
    response
      .cookie(COOKIE, operator.issueSession(expires), { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/admin', maxAge: SESSION_MS })
      .json({ expires_at: new Date(expires).toISOString(), open: ADMIN_QUEUES_PATH });
  });
  router.delete('/admin/session', (_request, response) => {
    response.clearCookie(COOKIE, { path: '/admin' }).status(204).end();
  });

  const requireOperator = (request: Request, response: Response, next: NextFunction) => {
    if (operator.validSession(readCookie(request, COOKIE), now()) || operator.matchesBearer(request)) return next();
    refuse(response, 'The job dashboard is for the operator: POST /admin/session with Authorization: Bearer <CRESCENDO_OPERATOR_TOKEN> (sets a 30-minute cookie), then open /admin/queues. Organisation admins: call the list_jobs tool.');
  };

  if (deps.queue) {
    const serverAdapter = new ExpressAdapter().setBasePath(ADMIN_QUEUES_PATH);
    // @bull-board/express 9.10.1 nests its own @bull-board/api 9.10.1 beside our 9.10.2: same shapes, separate declarations.
    createBullBoard({ queues: [new BullMQAdapter(deps.queue)], serverAdapter: serverAdapter as unknown as BoardServerAdapter, options: { uiConfig: { boardTitle: 'Crescendo jobs' } } });
    router.use(ADMIN_QUEUES_PATH, requireOperator, serverAdapter.getRouter());
  } else {
    router.get(ADMIN_QUEUES_PATH, requireOperator, (_request, response) => {
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

function refuse(response: Response, message: string): void {
  response.status(401).set('WWW-Authenticate', 'Bearer realm="crescendo-operator"').json({ error: { code: 'unauthenticated', message } });
}
