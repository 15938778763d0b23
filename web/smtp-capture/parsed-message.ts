import { createHash } from 'node:crypto';
import type { AddressObject, ParsedMail } from 'mailparser';
import { MAX_BODY_CHARS } from '../../tools/crm/email-capture/capture-email.ts';

interface Address {
  address: string;
  name: string | null;
}

/** capture_email's input from a parsed message: addresses flattened, the body as text and capped, attachments without bytes. */
export function captureInput(parsed: ParsedMail, raw: Buffer) {
  const from = addresses(parsed.from)[0];
  return {
    // A message without a Message-ID is known by its bytes, so a retry of it is still stored once.
    message_id: (parsed.messageId?.trim() || `<${createHash('sha256').update(raw).digest('hex')}@crescendo.capture>`).slice(0, 998),
    subject: clip(parsed.subject ?? '', 998),
    from: from ?? null,
    to: addresses(parsed.to).slice(0, 500),
    cc: addresses(parsed.cc).slice(0, 500),
    body_text: clip(bodyText(parsed), MAX_BODY_CHARS),
    attachments: parsed.attachments.slice(0, 200).map((file) => ({
      filename: clip(file.filename ?? '(unnamed)', 500),
      content_type: clip(file.contentType ?? 'application/octet-stream', 200),
      size: file.size ?? file.content?.length ?? 0,
    })),
    ...(parsed.date && !Number.isNaN(parsed.date.getTime()) ? { sent_at: parsed.date.toISOString() } : {}),
  };
}

/** The address of the From header (the first, when it names several), lower-case. */
export function fromHeaderAddress(parsed: ParsedMail): string | null {
  return addresses(parsed.from)[0]?.address.toLowerCase() ?? null;
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat: Address[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      // A group ("Team: a@x, b@y;") carries its members inside.
      for (const member of entry.group ?? [entry]) {
        if (member.address?.includes('@')) flat.push({ address: clip(member.address, 320), name: member.name ? clip(member.name, 300) : null });
      }
    }
  }
  return flat;
}

/** The text part, else mailparser's text of the HTML part, else the HTML with its tags removed. */
function bodyText(parsed: ParsedMail): string {
  if (parsed.text?.trim()) return parsed.text;
  if (typeof parsed.html === 'string') return parsed.html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/[ \t]+/g, ' ');
  return '';
}

/**
 * Outside text cut to `max` and made storable: NUL dropped, and a lone surrogate (a broken
 * charset, or the cut itself) replaced, since the registry refuses text the database cannot store.
 */
function clip(text: string, max: number): string {
  return text.replace(/\u0000/g, '').slice(0, max).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
