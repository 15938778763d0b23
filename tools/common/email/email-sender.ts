import { createHash } from 'node:crypto';

/** A file sent with a message (a report's CSV or PDF). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One outgoing message; `to` holds one or more addresses. */
export interface EmailMessage {
  to: string | readonly string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly EmailAttachment[];
}

/** What the sender did: the message's id and the addresses the server took. */
export interface SentEmail {
  messageId: string;
  accepted: string[];
}

/**
 * The one way Crescendo sends email (report deliveries, later notifications and fan email): SMTP
 * when SMTP_URL is set, else (embedded mode) .eml files in the data folder's outbox. Callers name
 * each message with an idempotency key, which becomes its Message-ID, so a retried send can be
 * recognised as the same message.
 */
export interface EmailSender {
  /** Where messages go, for logs and errors ("smtp://mail.example.com:587", "outbox /data/outbox"). */
  readonly describe: string;
  send(message: EmailMessage, idempotencyKey: string): Promise<SentEmail>;
}

/** Email could not be sent (refused, unreachable, not configured); `transient` failures are worth retrying. */
export class EmailError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'EmailError';
  }
}

/** The Message-ID of a key: the same key always names the same message. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'crescendo.local';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`;
}

export const recipients = (to: EmailMessage['to']): string[] => (typeof to === 'string' ? [to] : [...to]);
