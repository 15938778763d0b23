import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Database } from '../db/database.ts';
import type { JobQueue, Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import { mcpHttpRouter } from '../mcp-server/http.ts';
import type { SlackHealth } from '../bots/slack-connection.ts';
import type { Agent } from '../agent/create-agent.ts';
import { adOAuthCallbackRoute } from './ad-oauth-callback-route.ts';
import { adminQueuesRouter, type AdminQueuesDeps } from './admin-queues.ts';
import { adsWebhookRoutes } from './ads-webhook-routes.ts';
import { requireToken } from './auth.ts';
import { bodyErrorHandler, jsonBody } from './request-body.ts';
import { chatConfirmRoute } from './chat-confirm-route.ts';
import { chatRoutes } from './chat-route.ts';
import { chatStatusRoute } from './chat-status-route.ts';
import { oauthCallbackRoute } from './oauth-callback-route.ts';
import { phylloConnectPage } from './phyllo-connect-page.ts';
import { phylloWebhookRoute } from './phyllo-webhook-route.ts';
import { reportExportRoute } from './report-export-route.ts';
import { toolRoutes } from './tool-routes.ts';
import { uiRoutes } from './ui-routes.ts';

export interface WebAppDeps {
  database: Database;
  runner: ToolRunner;
  log: Logger;
  version: string;
  /** Serves POST /api/chat when given. */
  agent?: Agent;
  /** The Slack bot's request handler (bots/slack-app.ts), served at POST /slack/events when given. */
  slack?: Router;
  /** The Slack bot's health, reported as `slack` by GET /health when given (Slack configured). */
  slackHealth?: () => SlackHealth;
  /** The job dashboard at /admin/queues (the operator's, by CRESCENDO_OPERATOR_TOKEN) when given. */
  adminQueues?: AdminQueuesDeps;
  /** The server's public URL (CRESCENDO_PUBLIC_URL, when set): browsers from its origin may call /mcp. */
  publicUrl?: string;
  /** Where the ad platforms' webhooks (POST /api/webhooks/meta, /google) queue what they receive; without it they answer 503. */
  jobs?: JobQueue;
  /** The built web UI (default web/ui/dist); `false` serves none. Not built: the API still works. */
  uiDir?: string | false;
}

/** The HTTP surface: health, the tool API, MCP, chat, Slack and the web UI. Built here, started by `crescendo start`. */
export function buildWebApp(deps: WebAppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // Before the JSON parser: Slack's signature covers the raw body, which Bolt reads itself.
  if (deps.slack) app.use('/slack/events', deps.slack);
  // Before the JSON parser and the bearer-token check: Phyllo signs the raw body, and its signature is the credential.
  app.use(phylloWebhookRoute({ prisma: deps.database.prisma, runner: deps.runner, log: deps.log }));
  // Meta signs the raw body (x-hub-signature-256); Google's Pub/Sub push carries a shared token.
  app.use(adsWebhookRoutes({ prisma: deps.database.prisma, jobs: deps.jobs, log: deps.log }));
  app.use(jsonBody());

  // `status` is the server's own (its database); an integration such as Slack reports its state
  // beside it and never turns the server unhealthy, so an orchestrator does not restart it for Slack.
  app.get('/health', async (_request, response) => {
    const integrations = deps.slackHealth ? { slack: deps.slackHealth() } : {};
    try {
      await deps.database.sql.query('SELECT 1');
      response.json({ status: 'ok', version: deps.version, database: deps.database.kind, ...integrations });
    } catch (error) {
      deps.log.error('health check failed', { error: String(error) });
      response.status(503).json({ status: 'unavailable', database: deps.database.kind, ...integrations });
    }
  });

  if (deps.adminQueues) app.use(adminQueuesRouter(deps.adminQueues));
  // Before the bearer-token check: a platform's redirect carries no token; its signed state vouches for the user.
  app.use(oauthCallbackRoute({ prisma: deps.database.prisma, runner: deps.runner, log: deps.log }));
  app.use(adOAuthCallbackRoute({ prisma: deps.database.prisma, runner: deps.runner, log: deps.log }));
  // The page a creator opens from connect_creator_platform's link (no Crescendo account: the Phyllo SDK token in the link is theirs).
  app.use(phylloConnectPage());
  app.use('/api/reports/export', requireToken(deps.database.prisma), reportExportRoute(deps.runner));
  app.use('/api', requireToken(deps.database.prisma), toolRoutes(deps.runner), ...(deps.agent ? [chatRoutes(deps.agent, deps.log), chatConfirmRoute(deps.agent, deps.log), chatStatusRoute(deps.agent)] : []));
  app.use(mcpHttpRouter({ prisma: deps.database.prisma, runner: deps.runner, version: deps.version, log: deps.log, publicUrl: deps.publicUrl }));
  const ui = deps.uiDir === false ? null : uiRoutes(deps.uiDir);
  if (ui) app.use(ui);

  const notFound = (_request: Request, response: Response) => {
    response.status(404).json({ error: { code: 'not_found', message: 'No such endpoint. Try GET /health or GET /api/tools.' } });
  };
  app.use(notFound);
  app.use(bodyErrorHandler);
  app.use((error: Error & { status?: number }, request: Request, response: Response, next: NextFunction) => {
    // A file the static layer cannot find is a not-found, not a fault of ours.
    if (error.status === 404) return notFound(request, response);
    next(error);
  });
  app.use((error: Error, _request: Request, response: Response, _next: NextFunction) => {
    deps.log.error('http fault', { error: error.stack ?? String(error) });
    response.status(500).json({ error: { code: 'internal', message: 'Something failed on our side; it has been logged.' } });
  });
  return app;
}
