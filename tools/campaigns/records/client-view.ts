import { z } from 'zod';
import type { Client } from '../../../db/generated/prisma/client.ts';

/** A client (label, artist team) as tools show it. */
export const clientView = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.string()),
  contact_person: z.string().nullable(),
  phone: z.string().nullable(),
  is_active: z.boolean().describe('false: archived (archive_client); its campaigns stay.'),
  created_at: z.string(),
});
export type ClientView = z.infer<typeof clientView>;

export function toClientView(client: Client): ClientView {
  return {
    id: client.id,
    name: client.name,
    emails: client.emails,
    contact_person: client.contactPerson,
    phone: client.phone,
    is_active: client.isActive,
    created_at: client.createdAt.toISOString(),
  };
}
