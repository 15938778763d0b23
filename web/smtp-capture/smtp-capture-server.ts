import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Logger } from '../../tools/registry/context.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';
import { captureInput, fromHeaderAddress } from './parsed-message.ts';

export interface SmtpCaptureSettings {
  port: number;
  host: string;
  /** Largest message accepted, in bytes (announced with SIZE; larger ones get 552). */
  maxBytes: number;
}

export interface SmtpCaptureDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
  settings: SmtpCaptureSettings;
}

/** One organisation a message is for, and the member it is captured as. */
interface Target {
  slug: string;
  principal: Principal;
}

/** Concurrent connections; more wait for a free one (mail servers retry). */
const MAX_CLIENTS = 50;

const CAPTURE_RECIPIENT = /^crm\+([a-z0-9-]{1,48})@[^@\s]+$/i;

/** An SMTP refusal: smtp-server answers `${responseCode} ${message}`. */
function refusal(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The CRM's mail surface: accepts email for crm+<org-slug>@<any host> from members of that
 * organisation only (checked at RCPT by the envelope sender and again by the From header), and
 * hands each message to capture_email, run through the registry as the sending member.
 */
export function buildSmtpCaptureServer(deps: SmtpCaptureDeps): SMTPServer {
  const { prisma, runner, log, settings } = deps;
  const targets = new WeakMap<SMTPServerSession, Map<string, Target>>();
  const refuse = (session: SMTPServerSession, responseCode: number, message: string, data: Record<string, unknown> = {}) => {
    log.warn('smtp capture refused', { code: responseCode, reason: message, remote: session.remoteAddress, mail_from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, ...data });
    return refusal(responseCode, message);
  };

  async function acceptRecipient(address: SMTPServerAddress, session: SMTPServerSession): Promise<void> {
    const match = CAPTURE_RECIPIENT.exec(address.address);
    if (!match) throw refuse(session, 550, `5.1.1 <${address.address}>: this server only takes mail for crm+<organisation>@ addresses`, { rcpt: address.address });
    const slug = match[1]!.toLowerCase();
    const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
    const membership = sender
      ? await prisma.membership.findFirst({ where: { organization: { slug }, user: { email: { equals: sender, mode: 'insensitive' } } }, select: { role: true, userId: true, organizationId: true } })
      : null;
    // Same answer for an unknown organisation and a non-member: no one learns which slugs exist.
    if (!membership) throw refuse(session, 550, `5.7.1 <${sender || 'empty sender'}> is not a member of ${slug}: only its members' email is captured`, { rcpt: address.address });
    const forSession = targets.get(session) ?? new Map<string, Target>();
    forSession.set(membership.organizationId, { slug, principal: { orgId: membership.organizationId, userId: membership.userId, role: membership.role, surface: 'JOB' } });
    targets.set(session, forSession);
  }

  async function capture(raw: Buffer, session: SMTPServerSession): Promise<string> {
    const chosen = [...(targets.get(session)?.values() ?? [])];
    targets.delete(session);
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    const fromHeader = fromHeaderAddress(parsed);
    const input = captureInput(parsed, raw);
    const stored: string[] = [];
    for (const target of chosen) {
      if (!fromHeader) throw refuse(session, 550, '5.7.1 the message has no From address', { org: target.slug });
      let result = await runner.call('capture_email', input, target.principal);
      // Another delivery stored the same Message-ID, or made the same new contact, at the same moment: once more sees it.
      if (!result.ok && result.error.code === 'conflict') result = await runner.call('capture_email', input, target.principal);
      if (result.ok) {
        const output = result.output as { captured_email_id: string; duplicate: boolean; contacts: unknown[] };
        log.info('smtp capture stored', { org: target.slug, message_id: input.message_id, duplicate: output.duplicate, contacts: output.contacts.length });
        stored.push(target.slug);
        continue;
      }
      const { code, message } = result.error;
      if (code === 'forbidden') throw refuse(session, 550, `5.7.1 ${fromHeader} is not a member of ${target.slug} or may not add to its CRM: ${message}`, { org: target.slug, from_header: fromHeader });
      if (code === 'invalid_input') throw refuse(session, 554, `5.6.0 the message could not be read as an email: ${message}`, { org: target.slug });
      log.error('smtp capture failed', { org: target.slug, code, message });
      throw refusal(451, '4.3.0 the message could not be stored just now; try again later');
    }
    return `Captured for ${stored.join(', ') || 'no organisation'}`;
  }

  function readData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= settings.maxBytes) chunks.push(chunk);
    });
    stream.on('error', (error) => callback(error));
    stream.on('end', () => {
      if (stream.sizeExceeded || size > settings.maxBytes) {
        targets.delete(session);
        callback(refuse(session, 552, `5.3.4 message too big: the limit is ${formatBytes(settings.maxBytes)}`, { size }));
        return;
      }
      capture(Buffer.concat(chunks), session).then((message) => callback(null, message), (error: Error & { responseCode?: number }) => {
        if (error.responseCode) return callback(error);
        log.error('smtp capture fault', { error: String(error) });
        callback(refusal(451, '4.3.0 the message could not be stored just now; try again later'));
      });
    });
  }

  return new SMTPServer({
    banner: 'Crescendo CRM capture',
    size: settings.maxBytes,
    authOptional: true,
    // Loopback or a trusted relay in front: no login, no TLS of its own.
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: MAX_CLIENTS,
    onMailFrom(address, session, callback) {
      targets.delete(session);
      if (!address.address.includes('@')) return callback(refuse(session, 550, '5.7.1 a sender address is required'));
      callback();
    },
    onRcptTo(address, session, callback) {
      acceptRecipient(address, session).then(() => callback(), (error: Error & { responseCode?: number }) => {
        if (error.responseCode) return callback(error);
        log.error('smtp capture fault', { error: String(error) });
        callback(refusal(451, '4.3.0 temporary failure; try again later'));
      });
    },
    onData: readData,
  });
}

/** Starts the listener; resolves once it listens (its real port, for port 0). */
export async function startSmtpCapture(deps: SmtpCaptureDeps): Promise<{ port: number; close(): Promise<void> }> {
  const server = buildSmtpCaptureServer(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.settings.port, deps.settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => deps.log.error('smtp capture server error', { error: String(error) }));
  const port = (server.server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
