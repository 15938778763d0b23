import { join } from 'node:path';
import { createAgent, type Agent } from '../agent/create-agent.ts';
import { agentModelFromConfig } from '../agent/model/agent-model.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate/migrate.ts';
import { InProcessJobQueue } from '../jobs/in-process-queue.ts';
import { createCatalogue } from '../tools/index.ts';
import { createConsoleLogger, type Logger } from '../tools/registry/context.ts';
import { ToolRunner } from '../tools/registry/runner.ts';
import type { Config } from './config.ts';

/** Everything a process needs, wired once: the composition root shared by every command. */
export interface Runtime {
  config: Config;
  database: Database;
  runner: ToolRunner;
  jobs: InProcessJobQueue;
  log: Logger;
  /** The chat agent over the runner; without a configured model it answers how to configure one. */
  agent: Agent;
  /** Finishes queued jobs, then closes the database. */
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: { migrate?: boolean; quiet?: boolean } = {}): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
  try {
    if (options.migrate !== false) await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  // One-shot commands report through their exit code and stderr message; only faults are logged.
  const log = createConsoleLogger(options.quiet ? 'error' : config.logLevel);
  const jobs = new InProcessJobQueue();
  const runner = new ToolRunner({
    prisma: database.prisma,
    catalogue: createCatalogue(),
    jobs,
    log,
    approvalUrl: (id) => `${config.publicUrl}/approvals/${id}`,
  });
  jobs.bind({ prisma: database.prisma, runner, log });
  const agent = createAgent({ runner, prisma: database.prisma, model: agentModelFromConfig(config.model, log), log });
  return {
    config,
    database,
    runner,
    jobs,
    log,
    agent,
    async close() {
      await jobs.drain();
      await database.close();
    },
  };
}
