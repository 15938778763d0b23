import nodemailer from 'nodemailer';
import { EmailError, messageIdFor, recipients, type EmailSender } from './email-sender.ts';

/** SMTP settings: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://...:465`. */
export interface SmtpSettings {
  url: string;
  from: string;
}

/** Sends through an SMTP server with nodemailer; the idempotency key is the Message-ID. */
export function createSmtpEmailSender(settings: SmtpSettings): EmailSender {
  const transport = nodemailer.createTransport(settings.url);
  const where = new URL(settings.url);
  return {
    describe: `${where.protocol}//${where.host}`,
    async send(message, idempotencyKey) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: recipients(message.to),
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          attachments: (message.attachments ?? []).map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })),
          messageId: messageIdFor(idempotencyKey, settings.from),
          headers: { 'X-Crescendo-Key': idempotencyKey },
        });
        return { messageId: info.messageId, accepted: info.accepted.map(String) };
      } catch (error) {
        throw smtpFailure(error, where.host);
      }
    },
  };
}

/** nodemailer's error as a sentence; 4xx replies and network failures are worth another try, 5xx are not. */
function smtpFailure(error: unknown, host: string): EmailError {
  const failure = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (failure.responseCode) return new EmailError(`The mail server ${host} refused the message: ${failure.response ?? failure.message}`, failure.responseCode < 500);
  return new EmailError(`Could not send through ${host}: ${failure.message ?? String(error)}`, true);
}
