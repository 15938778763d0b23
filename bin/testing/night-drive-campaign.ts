import type { Database } from '../../db/database.ts';

/** A vendor and a campaign (no placements) in the organisation `slug`, written directly: CLI tests' starting point for commit_allocation. */
export async function createNightDriveCampaign(database: Database, slug: string): Promise<{ organizationId: string; vendorId: string; campaignId: string }> {
  const organization = await database.prisma.organization.findUniqueOrThrow({ where: { slug } });
  const vendor = await database.prisma.vendor.create({ data: { organizationId: organization.id, name: 'Club Restricted', costPer1kStreams: 2.5 } });
  const client = await database.prisma.client.create({ data: { organizationId: organization.id, name: 'Example Artist' } });
  const campaign = await database.prisma.campaignGroup.create({
    data: { organizationId: organization.id, clientId: client.id, name: 'Night Drive push', artistName: 'Example Artist', startDate: new Date('2026-11-01') },
  });
  return { organizationId: organization.id, vendorId: vendor.id, campaignId: campaign.id };
}
