import type { AddressInfo } from 'node:net';
import express from 'express';
import { describeModel } from '../../agent/model/model-config.ts';
import { seedDemoData } from '../seed-demo-data.ts';
import { rotateNamedToken } from '../../tools/access/api-tokens.ts';
import { defaultOperator } from '../../tools/access/organizations.ts';
import { startEmbeddedScheduler, type EmbeddedScheduler } from '../../jobs/embedded-scheduler.ts';
import { resumeApprovedRequests } from '../../jobs/resume-approvals.ts';
import { resumeUnfinishedImports } from '../../jobs/resume-imports.ts';
import { enqueueEmbeddingSweeps } from '../../jobs/creator-embeddings/creator-embeddings.ts';
import { buildWebApp } from '../../web/app.ts';
import { buildSlackApp } from '../../bots/slack-app.ts';
import { webUiUrl, type Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { VERSION } from '../version.ts';
import { recordRunningServer } from '../server-state.ts';
import type { Command } from '../command-catalogue.ts';
import { claudeDesktopConfig } from '../claude-desktop-config.ts';
import { issueLocalCredential } from '../local-credential.ts';
import { localTokenRoute } from '../local-token-route.ts';
import { localAdminRoute } from '../local-admin-route.ts';
import { isUiBuilt } from '../../web/ui-routes.ts';
import { startSmtpCapture } from '../../web/smtp-capture/smtp-capture-server.ts';

const DEMO_SLUG = 'demo';
const STARTUP_TOKEN_NAME = 'start-up admin token';

export const startCommandEntry: Command = {
  run: (runtime) => startCommand(runtime),
  configOverrides: (args) => ({ port: startPort(args) }),
};

/** Reads --port before the runtime opens, because the port is part of the configuration. */
function startPort(args: string[]): number | undefined {
  const { values } = parseOptions(args, { port: { type: 'string' } });
  if (values.port === undefined) return undefined;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: "${values.port}" is not a port number`);
  return port;
}

async function startCommand(runtime: Runtime): Promise<number> {
  const { config, database } = runtime;
  const demo = await ensureDemoOrganization(runtime);
  const resumed = await resumeApprovedRequests(database.prisma, runtime.jobs);
  if (resumed) runtime.log.info('resumed approved actions that had not run', { count: resumed });
  const resumedImports = await resumeUnfinishedImports(database.prisma, runtime.jobs);
  if (resumedImports) runtime.log.info('resumed big imports that had not finished', { count: resumedImports });
  // Creator search vectors from another embedder (CRESCENDO_EMBEDDINGS_URL changed) or missing: re-embedded in a job.
  await enqueueEmbeddingSweeps(database.prisma, runtime.jobs);
  // Embedded mode runs the per-organisation schedules here; with Redis, `crescendo worker` does.
  const scheduler: EmbeddedScheduler | null =
    runtime.jobs.mode === 'in-process' ? await startEmbeddedScheduler({ prisma: database.prisma, jobs: runtime.jobs, log: runtime.log, ingestDir: config.ingestDir }) : null;
  const jobs = runtime.jobs;
  const queueState = jobs.mode === 'redis' ? { queue: jobs.queue } : { queue: null, inProcess: () => ({ active: jobs.active, failures: jobs.failures }) };
  const adminQueues = { ...queueState, operatorToken: config.operatorToken };
  // Slack only when its tokens are set: over HTTP on this server, or Socket Mode with an app token.
  const slack = config.slack ? buildSlackApp({ prisma: database.prisma, runner: runtime.runner, agent: runtime.agent, log: runtime.log, settings: config.slack, webUrl: () => webUiUrl(config) }) : null;
  await slack?.start();
  const app = buildWebApp({ database, runner: runtime.runner, log: runtime.log, version: VERSION, agent: runtime.agent, jobs: runtime.jobs, adminQueues, slack: slack?.router ?? undefined, slackHealth: slack?.health });
  // The embedded database admits one process: the CLI and `crescendo mcp` on this machine reach it
  // through this server instead, proving they are local with a credential file in the data folder.
  const local = database.kind === 'pglite' ? issueLocalCredential(config.dataDir) : null;
  const root = express();
  root.disable('x-powered-by');
  if (local) root.use(await localTokenRoute(database.prisma, local.secret), localAdminRoute(database, local.secret, runtime.log));
  root.use(app);
  const server = root.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UsageError(`port ${config.port} is in use: pass --port N or set PORT`) : error));
  });
  const port = (server.address() as AddressInfo).port;
  const smtp = config.smtpCapture
    ? await startSmtpCapture({ prisma: database.prisma, runner: runtime.runner, log: runtime.log, settings: config.smtpCapture }).catch((error: NodeJS.ErrnoException) => {
        server.close();
        throw error.code === 'EADDRINUSE' ? new UsageError(`port ${config.smtpCapture!.port} is in use: set CRESCENDO_SMTP_PORT to a free port`) : error;
      })
    : null;
  const base = `http://localhost:${port}`;
  // Other processes on this data folder (`crescendo mcp` for Claude Desktop, the CLI) link here.
  const forgetServer = recordRunningServer(config.dataDir, config.publicUrlConfigured ? config.publicUrl : base, loopbackUrl(config.host, port));
  const lines = [
    `Crescendo ${VERSION} is running (${database.kind === 'pglite' ? `embedded database in ${database.location}` : `Postgres ${database.location}`}).`,
    isUiBuilt() ? `  web UI    ${base}/   (sign in with an API token)` : '  web UI    not built: run `npm run build:web`, then restart',
    `  health    ${base}/health`,
    `  tool API  ${base}/api/tools   (Authorization: Bearer <token>)`,
    `  MCP       ${base}/mcp   (Streamable HTTP, Authorization: Bearer <token>; or \`npx crescendo mcp --org SLUG\` over stdio)`,
    config.operatorToken
      ? `  jobs UI   ${base}/admin/queues (operator only: POST /admin/session with Authorization: Bearer $CRESCENDO_OPERATOR_TOKEN first)`
      : '  jobs UI   off: set CRESCENDO_OPERATOR_TOKEN to open /admin/queues to the operator (organisations see their own jobs with list_jobs)',
    smtp
      ? `  CRM mail  smtp://${config.smtpCapture!.host}:${smtp.port}   (members send or copy email to crm+<org-slug>@<any host>)`
      : '  CRM mail  off: set CRESCENDO_SMTP_PORT to capture email sent or copied to crm+<org-slug>@...',
    runtime.agent.modelId ? `  agent     ${base}/api/chat    (${describeModel(config.model)})` : '  agent     off: set ANTHROPIC_API_KEY or CRESCENDO_OPENAI_BASE_URL to turn it on',
    !slack ? '  slack     off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to turn it on' : slack.router ? `  slack     ${config.publicUrl}/slack/events   (events, interactivity, /crescendo)` : '  slack     Socket Mode (SLACK_APP_TOKEN)',
    scheduler
      ? `  jobs      in-process: digests, weekly stats, alerts${config.ingestDir ? ', scraper ingestion' : ''} on each organisation's schedule (set REDIS_URL and run \`crescendo worker\` to scale out)`
      : '  jobs      queued in Redis (REDIS_URL): run `crescendo worker` to execute them',
  ];
  if (demo) {
    lines.push(`  admin token for "${demo.slug}" (${demo.email}, OWNER): ${demo.token}`);
    lines.push(`  try: curl -s -H "Authorization: Bearer ${demo.token}" -H "Content-Type: application/json" -X POST ${base}/api/tools/whoami -d '{}'`);
  }
  const mcpOrg = demo?.slug ?? (await database.prisma.organization.findFirst({ orderBy: { createdAt: 'asc' }, select: { slug: true } }))?.slug;
  if (mcpOrg) {
    lines.push('', 'Claude Desktop: paste into claude_desktop_config.json (it runs `crescendo mcp`, which goes through this server while it runs):');
    lines.push(claudeDesktopConfig({ org: mcpOrg, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      scheduler?.stop();
      void slack?.stop();
      forgetServer();
      local?.forget();
      void Promise.resolve(smtp?.close()).finally(() => server.close(() => resolve()));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** On the very first start the demo organisation is created; every start prints a fresh admin token for it. */
async function ensureDemoOrganization(runtime: Runtime) {
  const prisma = runtime.database.prisma;
  if ((await prisma.organization.count()) === 0) {
    process.stdout.write('First start: creating the demo organisation with realistic data (about a minute)...\n');
    await seedDemoData(runtime.database, { slug: DEMO_SLUG, name: 'Demo Records', scale: 1, today: new Date() });
  }
  const organization = await prisma.organization.findUnique({ where: { slug: DEMO_SLUG } });
  if (!organization) return null;
  const owner = await defaultOperator(prisma, organization.id);
  if (!owner) return null;
  const issued = await rotateNamedToken(prisma, { organizationId: organization.id, email: owner.user.email, role: 'OWNER', name: STARTUP_TOKEN_NAME });
  return { slug: organization.slug, email: owner.user.email, token: issued.token };
}

/** Where this machine reaches the server: loopback on the port it listens on, whatever the public URL. */
function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '127.0.0.1' || host === 'localhost') return `http://127.0.0.1:${port}`;
  if (host === '::' || host === '::1') return `http://[::1]:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
