import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../../registry/context.ts';
import { messageIdFor, recipients, type EmailSender } from './email-sender.ts';

/**
 * Embedded mode without SMTP_URL: each message is written, complete (MIME with its attachments),
 * as `<outbox>/<key>.eml`, which any mail client opens. A key already in the outbox is not written
 * again, so a retried send leaves one file.
 */
export function createOutboxEmailSender(settings: { dir: string; from: string; log: Logger }): EmailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `outbox ${settings.dir}`,
    async send(message, idempotencyKey) {
      const to = recipients(message.to);
      const messageId = messageIdFor(idempotencyKey, settings.from);
      const file = join(settings.dir, `${idempotencyKey.replace(/[^A-Za-z0-9._-]+/g, '_')}.eml`);
      if (await readFile(file).then(() => true, () => false)) return { messageId, accepted: to };
      const info = await transport.sendMail({
        from: settings.from,
        to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        attachments: (message.attachments ?? []).map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
        messageId,
        headers: { 'X-Crescendo-Key': idempotencyKey },
      });
      await mkdir(settings.dir, { recursive: true });
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.partial`, info.message as Buffer);
      await rename(`${file}.partial`, file);
      settings.log.info('email written to the outbox (SMTP_URL is not set)', { file, to, subject: message.subject });
      return { messageId, accepted: to };
    },
  };
}
