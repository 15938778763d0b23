import type { Logger } from '../tools/registry/context.ts';
import type { WebClient } from './bolt.ts';
import { describeSlackFailure, isConnectionFailure } from './slack-failure.ts';

/** What `GET /health` reports about Slack. */
export interface SlackHealth {
  /** `connecting` until the bot token has been checked once. */
  status: 'connecting' | 'ok' | 'unhealthy';
  /** Since when it has been in this status (ISO 8601). */
  since: string;
  /** Why it is unhealthy, e.g. `Slack rejected the bot token (invalid_auth)`. */
  reason?: string;
  /** What to do about it. */
  hint?: string;
  /** When the token is checked again (an incoming Slack request also checks it at once). */
  next_check_at?: string;
}

/** Who the bot is, as auth.test says: what Bolt's authorize hands to every listener. */
interface BotIdentity {
  botId: string | undefined;
  botUserId: string | undefined;
}

export interface SlackConnectionOptions {
  botToken: string;
  /** Checks the token with auth.test; should not retry on its own (this class does, with back-off). */
  client: WebClient;
  log: Logger;
  /** For messages only: where Slack was expected. */
  apiUrl?: string;
  /** First wait before checking again after a failure; doubles each time up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  now?: () => Date;
}

/**
 * The bot token's standing with Slack, kept outside Bolt. Bolt's own single-token authorisation
 * calls auth.test once in its constructor and caches the promise: a refused or unreachable Slack
 * then became an unhandled rejection (the process exited) and every later event failed until a
 * restart. Here a failure is caught, logged once per distinct reason with what to do, reported by
 * `health()`, and checked again with back-off; an incoming event checks again at once, so Slack
 * is answered as soon as it works.
 */
export class SlackConnection {
  private identity: BotIdentity | null = null;
  private state: SlackHealth;
  private checking: Promise<BotIdentity | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private consecutiveFailures = 0;
  private loggedReason: string | null = null;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: SlackConnectionOptions) {
    this.now = options.now ?? (() => new Date());
    this.state = { status: 'connecting', since: this.now().toISOString() };
  }

  health(): SlackHealth {
    return { ...this.state };
  }

  /** Checks the token in the background; never throws. */
  start(): void {
    this.stopped = false;
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Bolt's `authorize`: the verified bot identity, checking the token again first while it is not. */
  readonly authorize = async (): Promise<{ botToken: string; botId?: string; botUserId?: string }> => {
    const identity = this.identity ?? (await this.check());
    if (!identity) throw new Error(`Slack is unavailable: ${this.state.reason ?? 'not checked yet'}`);
    return { botToken: this.options.botToken, botId: identity.botId, botUserId: identity.botUserId };
  };

  /**
   * Another Slack call failed (a listener's reply, a digest): a token refused or Slack unreachable
   * marks the connection unhealthy until a check succeeds; a call's own error changes nothing.
   */
  reportFailure(error: unknown): void {
    if (isConnectionFailure(error)) this.failed(error);
  }

  /** One auth.test at a time: concurrent events share the check in flight. */
  private check(): Promise<BotIdentity | null> {
    this.checking ??= this.verify().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async verify(): Promise<BotIdentity | null> {
    try {
      const result = await this.options.client.auth.test();
      const identity = { botId: result.bot_id, botUserId: result.user_id };
      this.succeeded(identity, result.team_id);
      return identity;
    } catch (error) {
      this.failed(error);
      return null;
    }
  }

  private succeeded(identity: BotIdentity, teamId: string | undefined): void {
    const wasUnhealthy = this.state.status === 'unhealthy';
    this.clearTimer();
    this.identity = identity;
    this.consecutiveFailures = 0;
    this.loggedReason = null;
    this.state = { status: 'ok', since: this.now().toISOString() };
    if (wasUnhealthy) this.options.log.info('slack is reachable again: events and notifications work', { team_id: teamId ?? null, bot_user_id: identity.botUserId ?? null });
  }

  private failed(error: unknown): void {
    const failure = describeSlackFailure(error, this.options.apiUrl);
    const delay = this.nextDelay();
    const since = this.state.status === 'unhealthy' ? this.state.since : this.now().toISOString();
    this.identity = null;
    this.state = { status: 'unhealthy', since, reason: failure.reason, hint: failure.hint, next_check_at: new Date(this.now().getTime() + delay).toISOString() };
    // Once per distinct reason, not on every retry: a day-long outage stays one line in the log.
    if (failure.reason !== this.loggedReason) {
      this.loggedReason = failure.reason;
      this.options.log.error(`slack is unavailable: ${failure.reason}. To fix: ${failure.hint}. The API, web UI and jobs keep running; Slack is checked again with back-off`, { reason: failure.reason, next_check_at: this.state.next_check_at });
    }
    this.schedule(delay);
  }

  private nextDelay(): number {
    this.consecutiveFailures += 1;
    const first = this.options.firstRetryMs ?? 5_000;
    const max = this.options.maxRetryMs ?? 5 * 60_000;
    return Math.min(max, first * 2 ** Math.min(this.consecutiveFailures - 1, 20));
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), delayMs);
    this.timer.unref(); // a pending check never keeps the process alive
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
