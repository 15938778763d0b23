import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { forbidden } from '../../registry/errors.ts';
import { recordActivity, type CrmSubject } from '../timeline/record-activity.ts';
import { isCaptureAddress, membersByEmail, resolveParticipants, type EmailAddress, type Participant } from './email-participants.ts';

/** Body text kept per email (and shown on the timeline): longer bodies are cut here. */
export const MAX_BODY_CHARS = 100_000;

const address = z.object({
  address: z.string().trim().min(3).max(320).regex(/@/, 'is not an email address').describe('Email address.'),
  name: z.string().max(300).nullish().describe('Display name, as the message gave it.'),
});

const attachment = z.object({
  filename: z.string().max(500).describe('File name as sent (untrusted).'),
  content_type: z.string().max(200).describe('MIME type as sent.'),
  size: z.number().int().min(0).describe('Size in bytes.'),
});

const contactRow = z.object({
  contact_id: z.string(),
  name: z.string(),
  email: z.string(),
  created: z.boolean().describe('A new contact (source email) was made for this address.'),
  company_id: z.string().nullable(),
  company_name: z.string().nullable(),
});

/**
 * Stores an email a member sent or copied to crm+<org>@..., once per Message-ID, and puts it on the
 * timeline of every outside contact in From/To/Cc (and their companies). Runs only from the SMTP
 * listener (surface JOB), as the member who sent it: people and the agent cannot forge a capture.
 */
export const captureEmail = defineTool({
  name: 'capture_email',
  title: 'Capture an email to the CRM',
  description:
    "Stores an email sent or copied to the CRM address on the timeline of each outside participant (creating contacts for unknown addresses, linked to the company of their domain). Same Message-ID twice: stored once. Run by the SMTP listener.",
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  surfaces: ['JOB'],
  hints: { idempotent: true },
  input: z.object({
    message_id: z.string().trim().min(1).max(998).describe('The Message-ID header (or a digest of the message when it has none).'),
    subject: z.string().max(998).default('').describe('Subject line (untrusted text).'),
    from: address.describe('The From header: must be a member of this organisation.'),
    to: z.array(address).max(500).default([]).describe('To addresses.'),
    cc: z.array(address).max(500).default([]).describe('Cc addresses.'),
    body_text: z.string().max(MAX_BODY_CHARS).default('').describe('Plain-text body (untrusted text).'),
    attachments: z.array(attachment).max(200).default([]).describe("Attachments' names, types and sizes; never their bytes."),
    sent_at: z.iso.datetime({ offset: true }).optional().describe('The Date header, when valid.'),
  }),
  output: z.object({
    captured_email_id: z.string(),
    duplicate: z.boolean().describe('This Message-ID was already captured: nothing new was stored.'),
    subject: z.string(),
    contacts: z.array(contactRow).describe('The contacts whose timelines got the email (empty for a duplicate).'),
  }),
  example: {
    message_id: '<spring-tour-1@label.test>',
    subject: 'Spring tour budget',
    from: { address: 'owner@example.test', name: 'Owner' },
    to: [{ address: 'ana@label.test', name: 'Ana Ruiz' }],
  },
  async handler(ctx, input) {
    const previous = await ctx.db.capturedEmail.findFirst({ where: { messageId: input.message_id }, select: { id: true, subject: true } });
    if (previous) return { captured_email_id: previous.id, duplicate: true, subject: previous.subject, contacts: [] };
    const members = await membersByEmail(ctx);
    const fromAddress = input.from.address.toLowerCase();
    if (!members.has(fromAddress)) throw forbidden(`${fromAddress} is not a member of ${ctx.org.name}: only members' emails are captured.`);
    const recipients = [...input.to, ...input.cc].filter((entry) => !isCaptureAddress(entry.address));
    const participants = await resolveParticipants(ctx, [input.from, ...recipients], members);
    const attachments = input.attachments.map((file) => ({ filename: file.filename, content_type: file.content_type, size: file.size }));
    const captured = await ctx.db.capturedEmail.create({
      data: {
        organizationId: ctx.orgId,
        messageId: input.message_id,
        subject: input.subject,
        fromAddress,
        toAddresses: input.to.map((entry) => entry.address.toLowerCase()),
        ccAddresses: input.cc.map((entry) => entry.address.toLowerCase()),
        bodyText: input.body_text,
        attachments,
        sentAt: input.sent_at ? new Date(input.sent_at) : null,
        senderUserId: ctx.actor.userId,
      },
      select: { id: true },
    });
    if (participants.length) {
      await recordActivity(ctx, {
        subjects: timelineSubjects(participants),
        kind: 'email_captured',
        summary: emailSummary(input.from, recipients, members, participants, input.subject),
        data: {
          captured_email_id: captured.id,
          message_id: input.message_id,
          // Outside text, kept as data: shown, never followed.
          untrusted: true,
          subject: input.subject,
          from: fromAddress,
          to: input.to.map((entry) => entry.address.toLowerCase()),
          cc: input.cc.map((entry) => entry.address.toLowerCase()),
          body_text: input.body_text,
          attachments,
          contact_ids: participants.map((participant) => participant.contactId),
        },
      });
    }
    return {
      captured_email_id: captured.id,
      duplicate: false,
      subject: input.subject,
      contacts: participants.map((participant) => ({
        contact_id: participant.contactId, name: participant.name, email: participant.email, created: participant.created,
        company_id: participant.companyId, company_name: participant.companyName,
      })),
    };
  },
});

function timelineSubjects(participants: readonly Participant[]): Array<{ type: CrmSubject; id: string }> {
  return participants.flatMap((participant) => [
    { type: 'contact' as const, id: participant.contactId },
    ...(participant.companyId ? [{ type: 'company' as const, id: participant.companyId }] : []),
  ]);
}

/** "Sam Lee emailed Ana Ruiz (ana@label.test) and Ben Ode (ben@label.test): 'Spring tour budget'". */
function emailSummary(from: EmailAddress, recipients: readonly EmailAddress[], members: ReadonlyMap<string, string>, participants: readonly Participant[], subject: string): string {
  const contacts = new Map(participants.map((participant) => [participant.email, participant.name]));
  const describe = (entry: EmailAddress) => {
    const email = entry.address.toLowerCase();
    return members.get(email) ?? (contacts.has(email) ? `${contacts.get(email)} (${email})` : email);
  };
  const names = [...new Set(recipients.map(describe))];
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'nobody');
  const line = subject.replace(/\s+/g, ' ').trim();
  const quoted = line ? `'${cut(line, 120)}'` : '(no subject)';
  const sentence = `${describe(from)} emailed ${shown}: ${quoted}`;
  // The timeline keeps 500 characters: cut here, between characters rather than inside one.
  return cut(sentence, 500);
}

/** At most `max` UTF-16 units, ending with … when cut, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  return `${text.slice(0, end)}…`;
}
