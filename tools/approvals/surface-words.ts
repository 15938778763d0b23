/** Where a request came from, as people name it ("via Slack", "via the web app"). */
const SURFACE_WORDS: Record<string, string> = {
  WEB: 'the web app',
  SLACK: 'Slack',
  CLI: 'the command line',
  MCP: 'an AI assistant (MCP)',
  AGENT: 'the Crescendo assistant',
  HTTP: 'the API',
  JOB: 'a scheduled job',
};

export function surfaceWords(surface: string): string {
  return SURFACE_WORDS[surface.toUpperCase()] ?? surface.toLowerCase();
}
