import type { AnyTool } from '../../registry/define-tool.ts';
import { importCompanies } from './import-companies.ts';
import { importContacts } from './import-contacts.ts';

/** CSV imports of CRM contacts and companies (issue 20). */
export const CONTACT_IMPORT_TOOLS: AnyTool[] = [importContacts, importCompanies];
