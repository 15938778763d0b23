import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Logger } from '../../tools/registry/context.ts';
import { deliveryKey, firstDelivery } from '../delivery-receipts.ts';
import { teamOf } from '../slack-context.ts';

/**
 * Global middleware: a delivery Slack already sent (a retry after a slow ack, X-Slack-Retry-Num)
 * is acknowledged and dropped before any listener runs, so a mention is answered once and a
 * click decides once. The receipt is written before the work: a delivery whose work crashed is
 * not redone by a retry (answering twice is worse than once).
 */
export function dedupeDeliveries(prisma: PrismaClient, log: Logger) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const body = args.body as unknown as Record<string, unknown>;
    const key = deliveryKey(body);
    if (key && !(await firstDelivery(prisma, key, teamOf(body) ?? null))) {
      log.info('slack delivery already handled; ignoring the retry', { key, retryNum: args.context.retryNum ?? null });
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await args.next();
  };
}
