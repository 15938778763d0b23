import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { ROLE_PERMISSIONS } from '../registry/roles.ts';

export const whoami = defineTool({
  name: 'whoami',
  title: 'Who am I',
  description: 'The organisation (base currency, time zone), user, role, surface and permissions this session acts with.',
  area: 'access',
  access: 'read',
  permission: 'access:read',
  keywords: ['my role', 'role', 'organisation', 'organization', 'currency', 'time zone', 'permissions', 'what am I allowed', 'can I change', 'read only'],
  input: z.object({}),
  output: z.object({
    organization: z.object({ id: z.string(), slug: z.string(), name: z.string(), base_currency: z.string(), time_zone: z.string() }),
    user: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
    role: z.string(),
    surface: z.string(),
    permissions: z.array(z.string()),
  }),
  async handler(ctx) {
    return {
      organization: {
        id: ctx.org.id,
        slug: ctx.org.slug,
        name: ctx.org.name,
        base_currency: ctx.org.baseCurrency,
        time_zone: ctx.org.timeZone,
      },
      user: ctx.actor.userId ? { id: ctx.actor.userId, email: ctx.actor.email } : null,
      role: ctx.actor.role,
      surface: ctx.actor.surface.toLowerCase(),
      permissions: [...ROLE_PERMISSIONS[ctx.actor.role]].sort(),
    };
  },
});
