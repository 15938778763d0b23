import { join } from 'node:path';
import { createAgent, type Agent } from '../agent/create-agent.ts';
import { draftingMeter } from '../agent/budget/drafting-meter.ts';
import { createTokenCipher } from '../tools/common/secrets/token-cipher.ts';
import { configureEmail, createEmailSender } from '../tools/common/email/index.ts';
import { createPublishingClients } from '../tools/content/connectors/index.ts';
import { configureContentServices, configureOAuthConnections, configureTokenRefreshClients } from '../tools/content/posts/index.ts';
import { createTokenRefreshClients } from '../tools/content/connectors/token-refresh-clients.ts';
import { agentModelFromConfig } from '../agent/model/agent-model.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate/migrate.ts';
import { BullmqJobQueue } from '../jobs/bullmq/bullmq-job-queue.ts';
import type { JobDeps } from '../jobs/define-job.ts';
import { InProcessJobQueue } from '../jobs/in-process-queue.ts';
import { loggingNotifier, type Notifier } from '../jobs/notifier.ts';
import { createCatalogue } from '../tools/index.ts';
import { createConsoleLogger, type Logger } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import { WebClient } from '@slack/web-api';
import { createSlackNotifier } from '../bots/slack-notifier.ts';
import { webClientOptions } from '../bots/slack-settings.ts';
import { boltLogger } from '../bots/bolt-logger.ts';
import type { Config } from './config.ts';
import { modelProseWriter } from './prose-writer.ts';
import { readRunningServer } from './server-state.ts';
import { configurePhyllo } from '../tools/creators/phyllo/index.ts';
import { configureCreatorEmbeddings, createCreatorEmbedder } from '../tools/creators/search/embeddings/embedder-services.ts';
import { configureAds } from '../tools/ads/ads-settings.ts';

/** Where jobs go: Redis when REDIS_URL is set (`crescendo worker` runs them), else this process. */
export type RuntimeJobs = InProcessJobQueue | BullmqJobQueue;

/** Everything a process needs, wired once: the composition root shared by every command. */
export interface Runtime {
  config: Config;
  database: Database;
  runner: ToolRunner;
  jobs: RuntimeJobs;
  /** What job handlers use (the worker and the in-process queue alike), minus the queue itself. */
  jobDeps: Omit<JobDeps, 'jobs'>;
  log: Logger;
  /** The chat agent over the runner; without a configured model it answers how to configure one. */
  agent: Agent;
  /** Finishes queued jobs, then closes the database. */
  close(): Promise<void>;
}

/**
 * `redisJobs`: long-running processes (`start`, `worker`) put jobs into Redis when REDIS_URL is
 * set; one-shot commands always run theirs in-process before exiting (an approved action still
 * runs exactly once: the registry claims it).
 */
export async function openRuntime(config: Config, options: { migrate?: boolean; quiet?: boolean; redisJobs?: boolean } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
  try {
    if (options.migrate !== false) await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  // One-shot commands report through their exit code and stderr message; only faults are logged.
  const log = createConsoleLogger(options.quiet ? 'error' : config.logLevel);
  const jobs: RuntimeJobs = config.redisUrl && options.redisJobs ? new BullmqJobQueue({ url: config.redisUrl }) : new InProcessJobQueue();
  const approveUrl = (id: string) => {
    const base = webUiUrl(config);
    return base ? `${base}/approvals/${id}` : null;
  };
  const model = agentModelFromConfig(config.model, log);
  configureContentServices({ cipher: createTokenCipher(config.encryptionKey), publishing: createPublishingClients(config.publishingUrls) });
  configureTokenRefreshClients(createTokenRefreshClients(config.tokenRefresh));
  configureEmail(createEmailSender(config.email, log));
  configurePhyllo(config.phyllo);
  configureAds(config.ads);
  configureCreatorEmbeddings(createCreatorEmbedder(config.embeddings));
  configureOAuthConnections({ publicUrl: config.publicUrl, tokenRefresh: config.tokenRefresh, publishingUrls: config.publishingUrls, encryptionKey: config.encryptionKey });
  const runner = new ToolRunner({
    prisma: database.prisma, catalogue: createCatalogue(), jobs, log, approvalUrl: approveUrl, llm: model?.languageModel,
    meterModel: model ? draftingMeter(database.prisma, model.modelId, log) : undefined,
  });
  const jobDeps: Omit<JobDeps, 'jobs'> = {
    prisma: database.prisma,
    runner,
    log,
    notifier: createNotifier(config, database.prisma, log),
    now: () => new Date(),
    ingestDir: config.ingestDir,
    approveUrl,
    ...(model ? { proseWriter: modelProseWriter(model.languageModel) } : {}),
  };
  if (jobs instanceof InProcessJobQueue) jobs.bind(jobDeps);
  const agent = createAgent({ runner, prisma: database.prisma, model, log });
  return {
    config,
    database,
    runner,
    jobs,
    jobDeps,
    log,
    agent,
    async close() {
      await jobs.drain();
      await jobs.close();
      await database.close();
    },
  };
}

/**
 * Where approvers open the web UI: the configured public URL, else the server running on this data
 * folder (its real port), else none: a link to a port nobody listens on helps nobody.
 */
export function webUiUrl(config: Config): string | null {
  if (config.publicUrlConfigured) return config.publicUrl;
  return readRunningServer(config.dataDir)?.url ?? null;
}

/** How jobs reach people: Slack when its bot token is configured, else the log. */
function createNotifier(config: Config, prisma: Database['prisma'], log: Logger): Notifier {
  if (!config.slack) return loggingNotifier(log);
  return createSlackNotifier({ prisma, client: new WebClient(config.slack.botToken, { ...webClientOptions(config.slack), logger: boltLogger(log) }), log, webUrl: () => webUiUrl(config) });
}
