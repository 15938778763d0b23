import { useEffect, useRef } from 'react';
import { Link } from '../router.tsx';
import { recordLink, recordName } from './record-links.ts';
import type { CatalogueTool } from './tool-catalogue.ts';

/** The page the form was opened from (a note or task added from a deal's page), when nothing else shows the result. */
function backLink(context: Readonly<Record<string, string>>): { href: string; label: string } | null {
  const back = context.back;
  if (!back || !back.startsWith('/') || back.startsWith('//')) return null;
  return { href: back, label: context.about ? `Back to ${context.about}` : 'Go back' };
}

interface PendingApproval {
  approval_id: string;
  status: 'pending';
  preview: string;
}

function isPendingApproval(output: unknown): output is PendingApproval {
  return Boolean(output) && typeof (output as PendingApproval).approval_id === 'string' && (output as PendingApproval).status === 'pending';
}

/** After a save: what was created or changed, with a link to see it; after an approval tool, the request waiting for a decision. */
export function FormResult({ tool, output, context = {}, onAgain }: {
  tool: CatalogueTool; output: unknown; context?: Readonly<Record<string, string>>; onAgain(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  if (tool.access === 'approval' && isPendingApproval(output)) {
    return (
      <div className="form-result" role="status">
        <h2 ref={heading} tabIndex={-1}>Approval requested</h2>
        <p className="approval-preview">{output.preview}</p>
        <p className="muted">Nothing has happened yet: another person with approval rights decides it, in the web app, Slack or the CLI.</p>
        <p className="form-actions">
          <Link className="button button-primary" href={`/approvals/${encodeURIComponent(output.approval_id)}`}>See the request in Approvals</Link>
          <button type="button" className="button" onClick={onAgain}>File another</button>
        </p>
      </div>
    );
  }
  const name = recordName(output);
  const link = recordLink(tool.name, output)
    ?? (context.campaign_id ? { href: `/campaigns/${encodeURIComponent(context.campaign_id)}`, label: 'Open the campaign' } : null)
    ?? backLink(context);
  const editing = tool.name.startsWith('update_');
  return (
    <div className="form-result" role="status">
      <h2 ref={heading} tabIndex={-1}>{editing ? 'Saved' : 'Created'}{name ? `: ${name}` : ''}</h2>
      <p className="muted">{tool.title} — done.</p>
      <p className="form-actions">
        {link ? <Link className="button button-primary" href={link.href}>{link.label}</Link> : null}
        <button type="button" className="button" onClick={onAgain}>{editing ? 'Edit again' : 'Create another'}</button>
      </p>
    </div>
  );
}
