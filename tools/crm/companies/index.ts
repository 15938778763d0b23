import type { AnyTool } from '../../registry/define-tool.ts';
import { approveCompanyMerge } from './approve-company-merge.ts';
import { archiveCompany } from './archive-company.ts';
import { createCompany } from './create-company.ts';
import { getCompany } from './get-company.ts';
import { listCompanies } from './list-companies.ts';
import { mergeCompanies } from './merge-companies.ts';
import { updateCompany } from './update-company.ts';

/** CRM companies (issue 20). */
export const COMPANY_TOOLS: AnyTool[] = [createCompany, updateCompany, archiveCompany, listCompanies, getCompany, mergeCompanies, approveCompanyMerge];
