import type { App } from '@slack/bolt';
import type { Logger } from '../tools/registry/context.ts';

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * Connects Bolt's Socket Mode in the background. The first connection can fail like any Slack
 * call (a refused app token, Slack unreachable); it is logged with what to do and retried with
 * back-off instead of failing `crescendo start` (once connected, Bolt's client reconnects itself).
 */
export function connectSocketMode(app: App, log: Logger): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let connected = false;

  async function attempt(delayMs: number): Promise<void> {
    try {
      await app.start();
      connected = true;
    } catch (error) {
      if (stopped) return;
      log.error('slack socket mode could not connect. To fix: check SLACK_APP_TOKEN (an xapp- token with connections:write) and the network; retrying with back-off', { error: String(error), retry_in_ms: delayMs });
      timer = setTimeout(() => void attempt(Math.min(delayMs * 2, MAX_RETRY_MS)), delayMs);
      timer.unref();
    }
  }

  void attempt(FIRST_RETRY_MS);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (connected) await app.stop();
    },
  };
}
