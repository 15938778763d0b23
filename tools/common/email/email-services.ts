import { join } from 'node:path';
import type { Logger } from '../../registry/context.ts';
import { EmailError, type EmailSender } from './email-sender.ts';
import { createOutboxEmailSender } from './outbox-email-sender.ts';
import { createSmtpEmailSender } from './smtp-email-sender.ts';

/** The parsed email configuration (SMTP_URL, EMAIL_FROM, and the data folder for the outbox). */
export interface EmailSettings {
  smtpUrl: string | undefined;
  from: string;
  /** The outbox folder when messages may be written there (embedded mode); undefined otherwise. */
  outboxDir: string | undefined;
}

export const DEFAULT_EMAIL_FROM = 'Crescendo <crescendo@localhost>';

/** The outbox of a data folder. */
export const outboxDir = (dataDir: string): string => join(dataDir, 'outbox');

/** SMTP when configured, else the outbox when there is one, else a sender that says what to set. */
export function createEmailSender(settings: EmailSettings, log: Logger): EmailSender {
  if (settings.smtpUrl) return createSmtpEmailSender({ url: settings.smtpUrl, from: settings.from });
  if (settings.outboxDir) return createOutboxEmailSender({ dir: settings.outboxDir, from: settings.from, log });
  return unconfiguredEmailSender;
}

const unconfiguredEmailSender: EmailSender = {
  describe: 'not configured',
  async send() {
    throw new EmailError('Email is not configured: set SMTP_URL (smtp://user:password@host:587) and EMAIL_FROM.', false);
  },
};

let configured: EmailSender | undefined;

/**
 * Configured once by the composition root from the parsed config; tests configure a sender
 * pointed at their local SMTP server. A module-level setting, like the content services, until
 * the tool context has a place for per-area services.
 */
export function configureEmail(sender: EmailSender): void {
  configured = sender;
}

/** The configured sender; unconfigured, every send fails saying which variables to set. */
export function emailSender(): EmailSender {
  return configured ?? unconfiguredEmailSender;
}
