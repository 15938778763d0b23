import type { AnyTool } from '../registry/define-tool.ts';
import { COMPANY_TOOLS } from './companies/index.ts';
import { CONTACT_TOOLS } from './contacts/index.ts';
import { DEAL_TOOLS } from './deals/index.ts';
import { EMAIL_CAPTURE_TOOLS } from './email-capture/index.ts';
import { CONTACT_IMPORT_TOOLS } from './imports/index.ts';
import { NOTE_TOOLS } from './notes/index.ts';
import { TASK_TOOLS } from './tasks/index.ts';
import { TIMELINE_TOOLS } from './timeline/index.ts';

/** The CRM (issue 20): companies, contacts, deals and the pipeline, tasks, notes, the timeline, captured email. */
export const CRM_TOOLS: AnyTool[] = [
  ...COMPANY_TOOLS, ...CONTACT_TOOLS, ...CONTACT_IMPORT_TOOLS, ...DEAL_TOOLS, ...TASK_TOOLS, ...NOTE_TOOLS, ...TIMELINE_TOOLS, ...EMAIL_CAPTURE_TOOLS,
];
