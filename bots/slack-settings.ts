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

/** Options for every WebClient Crescendo builds, so all of them honour SLACK_API_URL. */
export function webClientOptions(settings: Pick<SlackSettings, 'apiUrl'>): { slackApiUrl?: string } {
  return settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {};
}
