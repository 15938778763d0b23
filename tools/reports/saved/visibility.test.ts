import { describe, expect, it } from 'vitest';
import type { ReportVisibility } from '../../../db/generated/prisma/enums.ts';
import { ROLES, type Role } from '../../registry/roles.ts';
import { mayChange, mayView, mayWriteCategory, visibleWhere } from './visibility.ts';

const ME = 'user-me';
const OTHER = 'user-other';
const as = (role: Role, userId: string | null = ME) => ({ role, userId });
const row = (visibility: ReportVisibility, ownerId: string | null = OTHER) => ({ visibility, ownerId });

describe('saved report and dashboard visibility, per role', () => {
  it.each(ROLES.map((role) => [role]))('%s sees organisation reports, team reports unless a viewer, and only its own private ones', (role) => {
    expect(mayView(as(role), row('ORGANIZATION'))).toBe(true);
    expect(mayView(as(role), row('TEAM'))).toBe(role !== 'VIEWER');
    expect(mayView(as(role), row('PRIVATE', ME))).toBe(true);
    expect(mayView(as(role), row('PRIVATE', OTHER))).toBe(false);
  });

  it('a caller without a user (an API token) sees no private report, not even an ownerless one', () => {
    expect(mayView(as('OWNER', null), row('PRIVATE', null))).toBe(false);
    expect(mayView(as('OWNER', null), row('TEAM', null))).toBe(true);
  });

  it('the owner changes their own; MANAGER, ADMIN and OWNER change others\' team and organisation rows, never private ones', () => {
    for (const role of ROLES) {
      const manager = role === 'OWNER' || role === 'ADMIN' || role === 'MANAGER';
      expect(mayChange(as(role), row('TEAM', ME)), role).toBe(role !== 'VIEWER');
      expect(mayChange(as(role), row('ORGANIZATION', ME)), role).toBe(true);
      expect(mayChange(as(role), row('TEAM', OTHER)), role).toBe(manager);
      expect(mayChange(as(role), row('ORGANIZATION', OTHER)), role).toBe(manager);
      expect(mayChange(as(role), row('PRIVATE', OTHER)), role).toBe(false);
    }
  });

  it('a CAMPAIGN_MANAGER writes campaign_performance reports only; ANALYST and MANAGER any category', () => {
    expect(mayWriteCategory('CAMPAIGN_MANAGER', 'CAMPAIGN_PERFORMANCE')).toBe(true);
    for (const category of ['ASSET_ROI', 'CUSTOMER_JOURNEY', 'ROAS_ANALYSIS'] as const) {
      expect(mayWriteCategory('CAMPAIGN_MANAGER', category)).toBe(false);
      expect(mayWriteCategory('ANALYST', category)).toBe(true);
      expect(mayWriteCategory('MANAGER', category)).toBe(true);
    }
  });

  it('the query filter says the same as mayView', () => {
    expect(visibleWhere(as('VIEWER'))).toEqual({ OR: [{ visibility: 'ORGANIZATION' }, { visibility: 'PRIVATE', ownerId: ME }] });
    expect(visibleWhere(as('ANALYST', null))).toEqual({ OR: [{ visibility: 'ORGANIZATION' }, { visibility: 'TEAM' }] });
  });
});
