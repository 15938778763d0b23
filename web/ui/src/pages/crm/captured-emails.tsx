import { useTool } from '../../api/use-tool.ts';
import { formatInstant } from '../../components/format.ts';
import { Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';

const SHOWN = 10;

/** File sizes as a person reads them. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Emails members sent or copied to the CRM address with this contact on them: subject, who to whom,
 * the start of the text (outside text, shown as plain text only) and the attachments' names.
 */
export function CapturedEmails({ contactId }: { contactId: string }) {
  const emails = useTool('list_captured_emails', { contact_id: contactId, limit: SHOWN });
  return (
    <Panel title="Captured emails" description="Sent or copied to the CRM address; newest first.">
      <Loaded result={emails} label="Loading emails">
        {(page) => page.emails.length ? (
          <ul className="crm-plain-list crm-emails">
            {page.emails.map((email) => (
              <li key={email.id}>
                <p className="crm-email-subject">{email.subject || '(no subject)'}</p>
                <p className="muted small">{email.from} → {[...email.to, ...email.cc].join(', ')} · {formatInstant(email.sent_at ?? email.received_at)}</p>
                {email.excerpt ? <p className="small crm-email-excerpt">{email.excerpt}</p> : null}
                {email.attachments.length ? <p className="muted small">Attached: {email.attachments.map((file) => `${file.filename} (${size(file.size)})`).join(', ')}</p> : null}
              </li>
            ))}
          </ul>
        ) : <Empty title="No captured emails." />}
      </Loaded>
    </Panel>
  );
}
