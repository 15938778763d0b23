import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the server took: the envelope and the raw MIME. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

export interface LocalSmtpServer {
  /** smtp://user:password@127.0.0.1:port */
  url: string;
  received: ReceivedEmail[];
  /** The next `count` messages are answered with this SMTP reply code and text (e.g. 451 or 550). */
  refuseNext(count: number, code?: number, text?: string): void;
  close(): Promise<void>;
}

/** A real SMTP server on loopback (smtp-server), with authentication, keeping every message. */
export async function startLocalSmtpServer(credentials = { user: 'crescendo', password: 'smtp-secret' }): Promise<LocalSmtpServer> {
  const received: ReceivedEmail[] = [];
  let refusals: { count: number; code: number; text: string } = { count: 0, code: 451, text: 'Try again later' };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals.count > 0) {
          refusals.count -= 1;
          return callback(Object.assign(new Error(refusals.text), { responseCode: refusals.code }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${credentials.user}:${credentials.password}@127.0.0.1:${port}`,
    received,
    refuseNext(count, code = 451, text = 'Try again later') {
      refusals = { count, code, text };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header of a raw message (unfolded, encoded words decoded). */
export function mimeHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const value = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim();
  return value?.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
}

/** The decoded bytes of the attachment with this filename, or undefined when the message has none. */
export function mimeAttachment(raw: string, filename: string): { contentType: string; content: Buffer } | undefined {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/g)].map((match) => match[1]!);
  for (const boundary of boundaries) {
    for (const part of raw.split(`--${boundary}`)) {
      const [head = '', ...bodyParts] = part.split(/\r?\n\r?\n/);
      const headers = head.replace(/\r?\n[ \t]+/g, ' ');
      if (!new RegExp(`filename="?${filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?`, 'i').test(headers)) continue;
      const body = bodyParts.join('\n\n').trim();
      const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
      const contentType = /content-type:\s*([^;\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '';
      const content = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
        : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
          : Buffer.from(body);
      return { contentType, content };
    }
  }
  return undefined;
}
