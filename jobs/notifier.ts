import type { ApprovalSummary } from '../tools/registry/approval-summary.ts';
import type { DailyDigest } from '../tools/insights/daily-digest.ts';

/**
 * How scheduled work reaches people. Jobs never import Slack code: `bots/` provides a Slack
 * implementation, the embedded app without Slack a logging one, and tests a recording one.
 * Every method is told the organisation; an implementation only posts where that organisation is bound.
 */
export interface Notifier {
  /** The daily digest, to the organisation's bound channels. */
  digest(organizationId: string, message: NotificationMessage): Promise<void>;
  /** Alerts worth interrupting for (campaign alerts, anomalies), to the bound channels. */
  alerts(organizationId: string, message: NotificationMessage): Promise<void>;
  /** A new approval request, posted with Approve and Reject buttons. */
  approvalRequested(organizationId: string, approval: ApprovalNotice): Promise<void>;
  /** An approved action ran (or failed): update the request's message and post the result (`result`: what it did in words, or why it failed). */
  approvalSettled(organizationId: string, approval: ApprovalNotice & { status: 'EXECUTED' | 'FAILED' | 'REJECTED'; result?: string }): Promise<void>;
  /** One person, by email (a campaign's salesperson): a direct message where the organisation's workspace knows them; nobody found is logged, not an error. */
  direct?(organizationId: string, email: string, message: NotificationMessage): Promise<void>;
  /**
   * A message, with a file when given (a scheduled report's CSV or PDF), to one named channel of the
   * organisation's own workspace. Unlike the broadcasts it throws when it could not post, with a
   * reason a person can act on, so the caller records the failure and tries again.
   */
  postToChannel?(organizationId: string, post: ChannelPost): Promise<PostedToChannel>;
}

/** What postToChannel sends: the channel (an id, or #name), the message, and an optional file. */
export interface ChannelPost {
  channel: string;
  message: NotificationMessage;
  file?: { filename: string; contentType: string; bytes: Buffer; title?: string };
}

/** Where it landed: the channel id, the message's timestamp and the file's id. */
export interface PostedToChannel {
  channel: string;
  ts: string | null;
  fileId: string | null;
}

/** Channel-neutral content: each notifier renders it (Block Kit, e-mail, log line). */
export interface NotificationMessage {
  title: string;
  /** One or two sentences a person reads first. */
  summary: string;
  sections: Array<{ heading: string; lines: string[] }>;
  /** Optional tables (rendered as code blocks or fields) and charts (rendered as images where supported). */
  tables?: Array<{ heading: string; columns: string[]; rows: Array<Array<string | number | null>> }>;
  charts?: Array<{ title: string; kind: 'bar' | 'line'; labels: string[]; series: Array<{ name: string; values: number[] }>; unit?: string }>;
  link?: string;
  /** The daily digest's own tool output, for notifiers that lay it out themselves (Slack links campaigns and adds buttons). */
  digest?: DailyDigest;
}

export interface ApprovalNotice {
  approvalId: string;
  action: string;
  preview: string;
  requestedBy: string | null;
  approveUrl: string | null;
  /** The request as an approver reads it (headline, amount, campaign, songs, evidence); null for requests filed before summaries. */
  summary?: ApprovalSummary | null;
  requestedByName?: string | null;
  /** The surface it was filed through, as people name it ("Slack", "the web app"). */
  requestedVia?: string | null;
  /** The campaign in the web UI, when it is for one and a web UI runs. */
  campaignUrl?: string | null;
}

/** For an app without Slack: notifications go to the log, nothing is lost silently. */
export const loggingNotifier = (log: { info(message: string, data?: Record<string, unknown>): void }): Notifier => ({
  async digest(organizationId, message) {
    log.info('digest', { organizationId, title: message.title, summary: message.summary });
  },
  async alerts(organizationId, message) {
    log.info('alerts', { organizationId, title: message.title, summary: message.summary });
  },
  async approvalRequested(organizationId, approval) {
    log.info('approval requested', { organizationId, approvalId: approval.approvalId, action: approval.action });
  },
  async approvalSettled(organizationId, approval) {
    log.info('approval settled', { organizationId, approvalId: approval.approvalId, status: approval.status });
  },
  async direct(organizationId, email, message) {
    log.info('direct message', { organizationId, title: message.title, summary: message.summary });
  },
});
