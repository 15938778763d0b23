import { fileURLToPath } from 'node:url';

const ENTRY_POINT = fileURLToPath(new URL('./crescendo.js', import.meta.url));

/**
 * The `mcpServers` entry for this install, ready to paste into claude_desktop_config.json:
 * absolute paths (Claude Desktop starts it from its own folder, with its own PATH), and the data
 * folder so it finds this server's database, or this server while it runs.
 */
export function claudeDesktopConfig(options: { org: string; dataDir?: string }): string {
  const server = {
    command: process.execPath,
    args: [ENTRY_POINT, 'mcp', '--org', options.org],
    ...(options.dataDir ? { env: { CRESCENDO_DATA_DIR: options.dataDir } } : {}),
  };
  return JSON.stringify({ mcpServers: { crescendo: server } }, null, 2);
}
