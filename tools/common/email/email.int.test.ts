import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender, EmailError, messageIdFor } from './index.ts';
import { mimeAttachment, mimeHeader, startLocalSmtpServer, type LocalSmtpServer } from './testing/local-smtp-server.ts';

const CSV = Buffer.from('channel,spend\nmeta,120.50\ntiktok,80\n');
const log = { lines: [] as Array<{ message: string; data?: Record<string, unknown> }>, info(message: string, data?: Record<string, unknown>) { this.lines.push({ message, data }); }, warn() {}, error() {} };

let smtp: LocalSmtpServer;
beforeAll(async () => {
  smtp = await startLocalSmtpServer();
});
afterAll(() => smtp.close());

describe('outgoing email over SMTP', () => {
  it('delivers to the recipients with the subject, the CSV attached and the key as Message-ID', async () => {
    const sender = createEmailSender({ smtpUrl: smtp.url, from: 'Crescendo Reports <reports@label.test>', outboxDir: undefined }, log);
    const sent = await sender.send({ to: ['ana@label.test', 'bo@label.test'], subject: 'Weekly spend: 1–7 Dec', text: 'Attached.', html: '<p>Attached.</p>', attachments: [{ filename: 'weekly-spend.csv', contentType: 'text/csv', content: CSV }] }, 'report-delivery.abc');
    expect(sent).toEqual({ messageId: messageIdFor('report-delivery.abc', 'reports@label.test'), accepted: ['ana@label.test', 'bo@label.test'] });
    const message = smtp.received.at(-1)!;
    expect(message.to).toEqual(['ana@label.test', 'bo@label.test']);
    expect(message.from).toBe('reports@label.test');
    expect(message.user).toBe('crescendo');
    expect(mimeHeader(message.raw, 'Subject')).toBe('Weekly spend: 1–7 Dec');
    expect(mimeHeader(message.raw, 'Message-ID')).toBe(sent.messageId);
    const attachment = mimeAttachment(message.raw, 'weekly-spend.csv');
    expect(attachment?.contentType).toBe('text/csv');
    expect(attachment?.content.toString('utf8')).toBe(CSV.toString('utf8'));
  });

  it('reports a temporary refusal as transient and a permanent one as not', async () => {
    const sender = createEmailSender({ smtpUrl: smtp.url, from: 'reports@label.test', outboxDir: undefined }, log);
    smtp.refuseNext(1, 451, 'Mailbox busy');
    const busy = await sender.send({ to: 'ana@label.test', subject: 's', text: 't' }, 'k1').catch((error: unknown) => error as Error);
    expect(busy).toBeInstanceOf(EmailError);
    expect(busy).toMatchObject({ transient: true });
    expect((busy as Error).message).toContain('Mailbox busy');
    smtp.refuseNext(1, 550, 'No such user');
    const refused = await sender.send({ to: 'nobody@label.test', subject: 's', text: 't' }, 'k2').catch((error: unknown) => error);
    expect(refused).toMatchObject({ transient: false });
  });

  it('refuses wrong credentials with a message naming the server, never the password', async () => {
    const url = smtp.url.replace('smtp-secret', 'wrong-password');
    const sender = createEmailSender({ smtpUrl: url, from: 'reports@label.test', outboxDir: undefined }, log);
    const error = (await sender.send({ to: 'ana@label.test', subject: 's', text: 't' }, 'k3').catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(EmailError);
    expect(error.message).toContain('127.0.0.1');
    expect(error.message).not.toContain('wrong-password');
  });
});

describe('the outbox (embedded mode without SMTP_URL)', () => {
  it('writes each message once as an .eml file with its attachment, and logs where', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'crescendo-outbox-')), 'outbox');
    try {
      const sender = createEmailSender({ smtpUrl: undefined, from: 'Crescendo <crescendo@localhost>', outboxDir: dir }, log);
      const message = { to: 'ana@label.test', subject: 'Daily spend', text: 'Attached.', attachments: [{ filename: 'daily.csv', contentType: 'text/csv', content: CSV }] };
      const first = await sender.send(message, 'report-delivery.r1');
      const again = await sender.send(message, 'report-delivery.r1');
      expect(again).toEqual(first);
      expect(await readdir(dir)).toEqual(['report-delivery.r1.eml']);
      const raw = await readFile(join(dir, 'report-delivery.r1.eml'), 'utf8');
      expect(mimeHeader(raw, 'To')).toBe('ana@label.test');
      expect(mimeAttachment(raw, 'daily.csv')?.content.toString('utf8')).toBe(CSV.toString('utf8'));
      expect(log.lines.filter((line) => line.message.includes('outbox'))).toHaveLength(1);
      expect(log.lines.at(-1)?.data?.file).toBe(join(dir, 'report-delivery.r1.eml'));
    } finally {
      await rm(dirname(dir), { recursive: true, force: true });
    }
  });

  it('without SMTP_URL or an outbox, says which variables to set', async () => {
    const sender = createEmailSender({ smtpUrl: undefined, from: 'x@y.test', outboxDir: undefined }, log);
    await expect(sender.send({ to: 'a@b.test', subject: 's', text: 't' }, 'k')).rejects.toThrow(/SMTP_URL/);
  });
});

function dirname(path: string): string {
  return join(path, '..');
}
