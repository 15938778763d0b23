import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { CONVERSION, NULL_STATE, START, type TransitionCount } from '../markov.ts';
import { artistJoin, conversionCtes, journeyCte, sqlInstant, touchKey, type JourneyScope } from './journey-sql.ts';

/**
 * Transition counts over every path, counted in the database (the chain is small; the paths are
 * not). Converting paths: each conversion's touchpoints in its window, ending in (conversion).
 * Non-converting paths: each customer's touchpoints in the period that lie in no conversion's
 * window (any conversion of theirs, in the period or not), ending in (null). Consecutive repeats
 * of a key stay as self-transitions.
 */
export async function markovTransitions(db: ToolDb, scope: JourneyScope): Promise<TransitionCount[]> {
  const org = scope.organizationId;
  const [from, to] = [sqlInstant(scope.from, '-infinity'), sqlInstant(scope.to, 'infinity')];
  const rows = await db.$queryRaw<Array<{ from_state: string; to_state: string; count: bigint | number }>>`
    WITH ${conversionCtes(scope)}, ${journeyCte(scope, { previousKey: true })},
    loose AS (
      SELECT ${touchKey(scope.groupBy)} AS key,
             lag(${touchKey(scope.groupBy)}) OVER w AS previous_key,
             lead(t.id) OVER w IS NULL AS last_touch
      FROM "Touchpoint" t
      ${artistJoin(scope.groupBy)}
      WHERE t."organizationId" = ${org}
        AND t."occurredAt" >= ${from}::timestamptz AND t."occurredAt" < ${to}::timestamptz
        AND NOT EXISTS (
          SELECT 1 FROM "Conversion" c
          WHERE c."organizationId" = ${org} AND c."customerId" = t."customerId"
            AND c."occurredAt" >= t."occurredAt" AND c."occurredAt" <= t."occurredAt" + make_interval(hours => ${scope.lookbackDays * 24}::int))
      WINDOW w AS (PARTITION BY t."customerId" ORDER BY t."occurredAt", t.id)
    )
    SELECT coalesce(previous_key, ${START}) AS from_state, key AS to_state, count(*) AS count FROM journey WHERE touches > 0 GROUP BY 1, 2
    UNION ALL
    SELECT key, ${CONVERSION}, count(*) FROM journey WHERE touches > 0 AND position = touches GROUP BY 1
    UNION ALL
    SELECT coalesce(previous_key, ${START}), key, count(*) FROM loose GROUP BY 1, 2
    UNION ALL
    SELECT key, ${NULL_STATE}, count(*) FROM loose WHERE last_touch GROUP BY 1`;
  return rows.map((row) => ({ from: row.from_state, to: row.to_state, count: Number(row.count) }));
}
