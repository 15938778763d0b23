import type { AnyTool } from '../../registry/define-tool.ts';
import { approveContactMerge } from './approve-contact-merge.ts';
import { archiveContact } from './archive-contact.ts';
import { createContact } from './create-contact.ts';
import { getContact } from './get-contact.ts';
import { listContacts } from './list-contacts.ts';
import { mergeContacts } from './merge-contacts.ts';
import { updateContact } from './update-contact.ts';

/** CRM contacts (issue 20). */
export const CONTACT_TOOLS: AnyTool[] = [createContact, updateContact, archiveContact, listContacts, getContact, mergeContacts, approveContactMerge];
