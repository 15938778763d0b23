import type { AnyTool } from '../../registry/define-tool.ts';
import { captureEmail } from './capture-email.ts';
import { listCapturedEmails } from './list-captured-emails.ts';

/** Email capture: what members send or copy to crm+<org>@... lands on the contacts' timelines. */
export const EMAIL_CAPTURE_TOOLS: AnyTool[] = [captureEmail, listCapturedEmails];
