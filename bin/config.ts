import { resolve } from 'node:path';
import { z } from 'zod';
import type { SlackSettings } from '../bots/slack-settings.ts';
import { PUBLISHING_BASE_URL_VARIABLES, publishingBaseUrls } from '../tools/content/connectors/index.ts';
import { parseEncryptionKey } from '../tools/common/secrets/token-cipher.ts';
import { DEFAULT_EMAIL_FROM, outboxDir, type EmailSettings } from '../tools/common/email/index.ts';
import type { SocialPlatform } from '../tools/content/connectors/publishing.ts';
import { tokenRefreshSettings, tokenRefreshVariables, type TokenRefreshSettings } from '../tools/content/connectors/token-refresh.ts';
import type { SmtpCaptureSettings } from '../web/smtp-capture/smtp-capture-server.ts';
import { DEFAULT_ANTHROPIC_MODEL, ModelConfigError, resolveModelConfig, type ModelConfig } from '../agent/model/model-config.ts';
import { PHYLLO_VARIABLES, phylloSettingsFrom, type PhylloSettings } from '../tools/creators/phyllo/index.ts';
import { EMBEDDINGS_VARIABLES, EmbeddingsSettingsError, embeddingsSettingsFrom } from '../tools/creators/search/embeddings/embeddings-settings.ts';
import type { RemoteEmbeddingsSettings } from '../tools/creators/search/embeddings/openai-embedder.ts';
import { ADS_VARIABLES, adsSettingsFrom, type AdsSettings } from '../tools/ads/ads-settings.ts';

/**
 * Every environment variable Crescendo reads, parsed once at start-up. Nothing else reads
 * process.env: the values reach the rest of the code as arguments.
 */
const environment = z.object({
  CRESCENDO_DATA_DIR: z.string().default('./.crescendo').describe('Folder of the embedded database (PGlite) and local state.'),
  DATABASE_URL: z.string().url().optional().describe('Postgres 15+ connection string; when set, the embedded database is not used.'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of `crescendo start`.'),
  HOST: z.string().default('127.0.0.1').describe('Interface `crescendo start` listens on (0.0.0.0 to accept remote connections).'),
  CRESCENDO_PUBLIC_URL: z.string().url().optional().describe('Public base URL, used in approval links; default http://localhost:PORT.'),
  CRESCENDO_LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info']).default('info').describe('How much the server logs to stderr.'),
  ANTHROPIC_API_KEY: z.string().optional().describe('Anthropic API key: turns the agent on (Claude).'),
  ANTHROPIC_BASE_URL: z.string().optional().describe('Anthropic API root for a proxy or gateway (with or without /v1); default https://api.anthropic.com.'),
  CRESCENDO_MODEL: z.string().optional().describe(`The agent's model id (default ${DEFAULT_ANTHROPIC_MODEL} on Anthropic; required with CRESCENDO_OPENAI_BASE_URL).`),
  CRESCENDO_OPENAI_BASE_URL: z.string().optional().describe('OpenAI-compatible server (a local model), e.g. http://localhost:11434/v1; wins over ANTHROPIC_API_KEY.'),
  CRESCENDO_OPENAI_API_KEY: z.string().optional().describe('API key for CRESCENDO_OPENAI_BASE_URL, when it needs one.'),
  REDIS_URL: z.string().url().refine((url) => /^rediss?:/.test(url), 'use redis://host:port or rediss://').optional().describe('Redis for the BullMQ job queue: `crescendo start` enqueues there and `crescendo worker` runs the jobs; unset: jobs run in-process.'),
  CRESCENDO_OPERATOR_TOKEN: z
    .string()
    .min(32, 'use a secret of at least 32 characters, e.g. `openssl rand -hex 32`')
    .regex(/^\S+$/, 'must not contain spaces (it is sent as a bearer token)')
    .optional()
    .describe("The operator's credential: opens the job dashboard at /admin/queues, which spans every organisation (no organisation role does); unset: the dashboard is off."),
  CRESCENDO_INGEST_DIR: z.string().optional().describe('Folder of scraper drops, one subfolder per organisation slug (<dir>/<slug>/song_*.json), imported daily at 02:00.'),
  SLACK_BOT_TOKEN: z.string().optional().describe('Slack bot token (xoxb-...): turns the Slack bot on (events at /slack/events, /crescendo, digests to bound channels).'),
  SLACK_SIGNING_SECRET: z.string().optional().describe('Slack signing secret: verifies requests to /slack/events (required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN is set).'),
  SLACK_APP_TOKEN: z.string().optional().describe('Slack app-level token (xapp-...): Socket Mode, for workspaces that cannot reach a public URL.'),
  SLACK_API_URL: z.string().url().optional().describe('Slack Web API root (default https://slack.com/api/), for proxies and tests.'),
  SMTP_URL: z.string().url().refine((url) => /^smtps?:\/\//.test(url), 'use smtp://user:password@host:587 or smtps://user:password@host:465').optional().describe('Outgoing mail server (scheduled reports, notifications); unset on the embedded database: messages are written as .eml files to CRESCENDO_DATA_DIR/outbox/.'),
  EMAIL_FROM: z.string().optional().describe(`Sender address of outgoing email, e.g. "Crescendo <reports@example.com>" (required with SMTP_URL; default ${DEFAULT_EMAIL_FROM} for the outbox).`),
  CRESCENDO_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional().describe('Port of the CRM capture mail listener: email sent or copied to crm+<org-slug>@<any host> by members lands on the contacts\' timelines; unset: off.'),
  CRESCENDO_SMTP_HOST: z.string().default('127.0.0.1').describe('Interface the capture mail listener listens on (0.0.0.0 behind a mail relay).'),
  CRESCENDO_SMTP_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024).describe('Largest captured email in bytes (default 10 MB); larger ones are refused with 552.'),
  CRESCENDO_ENCRYPTION_KEY: z.string().optional().describe('32 random bytes, base64 or hex (`openssl rand -base64 32`): seals stored OAuth tokens; without it no social account can be connected.'),
  ...Object.fromEntries(Object.values(PUBLISHING_BASE_URL_VARIABLES).map(({ variable, defaultUrl }) =>
    [variable, z.string().url().optional().describe(`Publishing API root (default ${defaultUrl}), for proxies and tests.`)])),
  // Token renewal: the app credentials per platform (optional; without them a renewal names what to set) and token URLs.
  FACEBOOK_APP_ID: z.string().optional().describe('Meta app id: connecting Facebook Pages and Instagram accounts through OAuth (their Page tokens never need renewing).'),
  FACEBOOK_APP_SECRET: z.string().optional().describe('Meta app secret, with FACEBOOK_APP_ID.'),
  ...PHYLLO_VARIABLES,
  ...ADS_VARIABLES,
  ...EMBEDDINGS_VARIABLES,
  ...Object.fromEntries(tokenRefreshVariables().map(({ variable, description }) => [variable, (variable.endsWith('_URL') ? z.string().url() : z.string()).optional().describe(description)])),
});

export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  publicUrl: string;
  /** CRESCENDO_PUBLIC_URL was given (else publicUrl is this process's guess from PORT). */
  publicUrlConfigured: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info';
  /** The agent's model; provider 'none' when nothing is configured (everything else still works). */
  model: ModelConfig;
  /** BullMQ's Redis; undefined: jobs and schedules run in-process (embedded mode). */
  redisUrl: string | undefined;
  /** Root of the per-organisation scraper drop folders; undefined: no scheduled ingestion. */
  ingestDir: string | undefined;
  /** Opens the cross-organisation job dashboard; undefined: the dashboard is off. */
  operatorToken: string | undefined;
  /** The Slack bot; undefined when SLACK_BOT_TOKEN is not set. */
  slack: SlackSettings | undefined;
  /** Seals social accounts' tokens; undefined: connecting an account is refused, saying how to set it. */
  encryptionKey: string | undefined;
  /** Each publishing platform's API root. */
  publishingUrls: Record<SocialPlatform, string>;
  /** Where and with which app credentials social accounts' tokens are renewed. */
  tokenRefresh: TokenRefreshSettings;
  /** Outgoing email: SMTP, else (embedded database) the data folder's outbox. */
  email: EmailSettings;
  /** The CRM's capture mail listener; undefined when CRESCENDO_SMTP_PORT is not set. */
  smtpCapture: SmtpCaptureSettings | undefined;
  /** Phyllo (creators' figures, content and audiences); tools answer `unavailable` without credentials. */
  phyllo: PhylloSettings;
  /** Ad platforms (Meta, Google Ads, TikTok), BigQuery and the ad webhooks. */
  ads: AdsSettings;
  /** Creator search's embeddings endpoint; undefined: the offline embedder (local-hash-384). */
  embeddings: RemoteEmbeddingsSettings | undefined;
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number } = {}): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as it does in shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const values = parsed.data;
  if (values.CRESCENDO_ENCRYPTION_KEY) {
    try {
      parseEncryptionKey(values.CRESCENDO_ENCRYPTION_KEY);
    } catch (error) {
      throw new ConfigError(`Invalid environment: ${(error as Error).message}`);
    }
  }
  const port = overrides.port ?? values.PORT;
  const publicUrl = (values.CRESCENDO_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    dataDir: resolve(values.CRESCENDO_DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    port,
    host: values.HOST,
    publicUrl,
    publicUrlConfigured: values.CRESCENDO_PUBLIC_URL !== undefined,
    logLevel: values.CRESCENDO_LOG_LEVEL,
    model: modelConfig(values),
    redisUrl: values.REDIS_URL,
    ingestDir: values.CRESCENDO_INGEST_DIR === undefined ? undefined : resolve(values.CRESCENDO_INGEST_DIR),
    operatorToken: values.CRESCENDO_OPERATOR_TOKEN,
    slack: slackSettings(values),
    encryptionKey: values.CRESCENDO_ENCRYPTION_KEY,
    publishingUrls: publishingBaseUrls(present),
    tokenRefresh: withMetaApp(tokenRefreshSettings(present, publishingBaseUrls(present)), values.FACEBOOK_APP_ID, values.FACEBOOK_APP_SECRET),
    email: emailSettings(values, resolve(values.CRESCENDO_DATA_DIR)),
    smtpCapture: values.CRESCENDO_SMTP_PORT === undefined ? undefined : { port: values.CRESCENDO_SMTP_PORT, host: values.CRESCENDO_SMTP_HOST, maxBytes: values.CRESCENDO_SMTP_MAX_BYTES },
    phyllo: phylloSettingsFrom(values),
    embeddings: embeddingsSettings(values),
    ads: adsSettingsFrom(values, { publicUrl }),
  };
}

function embeddingsSettings(values: z.infer<typeof environment>): RemoteEmbeddingsSettings | undefined {
  try {
    return embeddingsSettingsFrom(values);
  } catch (error) {
    if (error instanceof EmbeddingsSettingsError) throw new ConfigError(`Invalid environment: ${error.message}`);
    throw error;
  }
}

function emailSettings(values: z.infer<typeof environment>, dataDir: string): EmailSettings {
  if (values.SMTP_URL && !values.EMAIL_FROM) throw new ConfigError('Invalid environment: SMTP_URL needs EMAIL_FROM (the sender address, e.g. "Crescendo <reports@example.com>")');
  // The outbox is the embedded mode's: a Postgres deployment without SMTP_URL has no mail to write.
  return { smtpUrl: values.SMTP_URL, from: values.EMAIL_FROM ?? DEFAULT_EMAIL_FROM, outboxDir: values.DATABASE_URL ? undefined : outboxDir(dataDir) };
}

function slackSettings(values: z.infer<typeof environment>): SlackSettings | undefined {
  const others = ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;
  if (!values.SLACK_BOT_TOKEN) {
    const stray = others.filter((name) => values[name] !== undefined);
    if (stray.length) throw new ConfigError(`Invalid environment: ${stray.join(', ')} set without SLACK_BOT_TOKEN (the Slack bot needs its bot token)`);
    return undefined;
  }
  if (!values.SLACK_SIGNING_SECRET && !values.SLACK_APP_TOKEN) {
    throw new ConfigError('Invalid environment: SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (requests over HTTP at /slack/events) or SLACK_APP_TOKEN (Socket Mode)');
  }
  return {
    botToken: values.SLACK_BOT_TOKEN,
    signingSecret: values.SLACK_SIGNING_SECRET,
    appToken: values.SLACK_APP_TOKEN,
    // The Web API client appends method names to this root: it must end with a slash.
    apiUrl: values.SLACK_API_URL?.replace(/\/?$/, '/'),
  };
}

function modelConfig(values: z.infer<typeof environment>): ModelConfig {
  try {
    return resolveModelConfig(values);
  } catch (error) {
    if (error instanceof ModelConfigError) throw new ConfigError(`Invalid environment: ${error.message}`);
    throw error;
  }
}

/** For the README and `crescendo --help`: every variable with its description. */
export function describeEnvironment(): Array<{ name: string; description: string }> {
  return Object.entries(environment.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}

/** One Meta app signs in both Facebook Pages and Instagram accounts (OAuth only: nothing to renew). */
function withMetaApp(settings: TokenRefreshSettings, id: string | undefined, secret: string | undefined): TokenRefreshSettings {
  if (!id && !secret) return settings;
  return { ...settings, credentials: { ...settings.credentials, facebook: { id, secret } } };
}
