import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { partialBaseCurrencyConverter } from '../../money/fx.ts';
import { endOfDayIn } from '../../common/format.ts';
import type { DeliveryScope } from './delivery-sql.ts';
import { loadPlaylistIdentities, organizationIdentities, refreshOrganizationIdentities } from './playlist-identities.ts';
import { fillOwnerTotals } from './owner-totals.ts';

export interface ScopeOptions {
  asOf: Date;
  timeZone: string;
  baseCurrency: string;
  /** A condition on `"Placement" p`. */
  placements: Prisma.Sql;
  /** True when the placements are (nearly) all of the organisation's: its scrapes are read without a track filter, which is cheaper. */
  wholeOrganization?: boolean;
  /** True when the placements are every one started by as_of: every song's scrapes are read (see DeliveryScope). */
  allSongs?: boolean;
}

/** What the delivery SQL needs besides the placements: playlist ownership, exchange rates, the cutoff. */
export type LoadedScope = DeliveryScope & { missingRateNote(currency: string): string };

export async function loadDeliveryScope(db: ToolDb, organizationId: string, options: ScopeOptions): Promise<LoadedScope> {
  const cutoff = endOfDayIn(options.asOf, options.timeZone);
  const tracks = options.wholeOrganization
    ? null
    : Prisma.sql`SELECT p."spotifyTrackId" FROM "Placement" p WHERE p."organizationId" = ${organizationId} AND (${options.placements})`;
  const [identities, currencies] = await Promise.all([
    tracks ? loadPlaylistIdentities(db, organizationId, tracks, cutoff) : organizationIdentities(db, organizationId),
    // The placements' few currencies by skipping through their index, one probe per currency
    // (DISTINCT read all 10,000 placements of a busy label), and the payments' (a few hundred rows).
    db.$queryRaw<Array<{ currency: string }>>`
      WITH RECURSIVE placed AS (
        (SELECT currency FROM "Placement" WHERE "organizationId" = ${organizationId} ORDER BY currency LIMIT 1)
        UNION ALL
        SELECT (SELECT p.currency FROM "Placement" p WHERE p."organizationId" = ${organizationId} AND p.currency > placed.currency ORDER BY p.currency LIMIT 1)
        FROM placed WHERE placed.currency IS NOT NULL
      )
      SELECT currency FROM placed WHERE currency IS NOT NULL
      UNION SELECT DISTINCT currency FROM "VendorPayment" WHERE "organizationId" = ${organizationId}`,
  ]);
  const fx = await partialBaseCurrencyConverter(db, options.baseCurrency, currencies.map((row) => row.currency.trim()), options.asOf);
  const rates = new Map<string, number>();
  for (const { currency } of currencies) {
    const rate = fx.toBase(1, currency.trim());
    if (rate !== null) rates.set(currency.trim(), rate);
  }
  rates.set(options.baseCurrency, 1);
  return {
    organizationId, placements: options.placements, asOf: options.asOf, cutoff, timeZone: options.timeZone, rates, identities,
    ownerTotals: identities.registry, wholeOrganization: options.wholeOrganization, allSongs: options.allSongs, missingRateNote: fx.missingRateNote,
  };
}

/**
 * Runs a query built on the delivery CTEs whose rows carry `DELIVERY_CHECKS`. When scrapes newer
 * than the remembered playlist identities show up, it refreshes them and asks again, so every
 * figure always uses every row; when the owner totals cache did not cover some latest scrapes (the
 * query then added them up from their rows), it fills the cache for the next call.
 */
export async function queryDelivery<Row extends { unknown_identities: number; uncached_rows?: number }>(db: ToolDb, scope: LoadedScope, build: (scope: LoadedScope) => Prisma.Sql): Promise<Row[]> {
  let rows = await db.$queryRaw<Row[]>(build(scope));
  let current = scope;
  if (rows.some((row) => row.unknown_identities > 0)) {
    const identities = await refreshOrganizationIdentities(db, scope.organizationId);
    // Drops stored under another registry version name playlists differently: the retry then reads the rows.
    current = { ...scope, identities, ownerTotals: scope.ownerTotals ? identities.registry : undefined, drops: scope.drops === identities.registry ? scope.drops : undefined,
      songCredits: scope.songCredits === identities.registry ? scope.songCredits : undefined };
    rows = await db.$queryRaw<Row[]>(build(current));
  }
  const { ownerTotals, identities } = current;
  if (ownerTotals && rows.some((row) => (row.uncached_rows ?? 0) > 0)) await fillOwnerTotals(db, scope.organizationId, { ...identities, registry: ownerTotals });
  return rows;
}
