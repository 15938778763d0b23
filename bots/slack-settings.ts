import type { WebClientOptions } from '@slack/web-api';

/** How Crescendo reaches Slack; parsed from the environment by bin/config.ts. */
export interface SlackSettings {
  /** SLACK_BOT_TOKEN (xoxb-...). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: verifies that HTTP requests come from Slack. Not needed in Socket Mode. */
  signingSecret: string | undefined;
  /** SLACK_APP_TOKEN (xapp-...): Socket Mode, for teams without a public URL. */
  appToken: string | undefined;
  /** SLACK_API_URL: the Web API root, ending in /api/ (tests and proxies); default Slack's. */
  apiUrl: string | undefined;
}

/**
 * A few quick retries (about 1 s, then 3 s) for a call that failed on the network or with a 5xx.
 * The library's default retries for about 30 minutes, which held a digest job (and an answer in
 * Slack) for half an hour whenever Slack was unreachable; past these, the call fails and is logged.
 */
export const SLACK_CALL_RETRIES = { retries: 2, factor: 3, minTimeout: 1_000, maxTimeout: 10_000 } as const;
/** A call that has not answered by then will not: without it a silent network waits forever. */
export const SLACK_CALL_TIMEOUT_MS = 30_000;

/** Options for every WebClient Crescendo builds: SLACK_API_URL honoured, retries and waiting bounded. */
export function webClientOptions(settings: Pick<SlackSettings, 'apiUrl'>): WebClientOptions {
  return { ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}), retryConfig: { ...SLACK_CALL_RETRIES }, timeout: SLACK_CALL_TIMEOUT_MS };
}
