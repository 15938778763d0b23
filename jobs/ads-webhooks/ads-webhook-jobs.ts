import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { defineJob, jobKey, type JobDeps } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

export const ADS_WEBHOOK_META_JOB = 'ads.webhook.meta';
export const ADS_WEBHOOK_GOOGLE_JOB = 'ads.webhook.google';

/** A sync of one account's day, queued through sync_ad_account (which queues ads.sync): tenancy and audit apply. */
async function queueDaySync(deps: JobDeps, organizationId: string, adAccountId: string, day: string) {
  const output = await callTool<{ status: string; job: string | null }>(deps, organizationId, 'sync_ad_account', { ad_account_id: adAccountId, from: day, to: day });
  return { queued: output.status, job: output.job, day };
}

const leadPayload = z.object({
  leadgenId: z.string().max(200),
  formId: z.string().max(200).nullable(),
  adId: z.string().max(200).nullable(),
  pageId: z.string().max(200),
  createdTime: z.string().max(64).nullable(),
});

/**
 * A verified Meta change, claimed once by POST /api/webhooks/meta:
 * - `leadgen` (a Page's lead form got a lead): `record_meta_lead` puts it on the connected Facebook
 *   Page's timeline (kind `meta_lead`, the ids Meta sent), once per lead.
 * - any change on an ad account (Meta sends no conversion figures by webhook; its notices mean the
 *   account's objects or figures moved): a sync of that account for the change's local day, which
 *   rereads spend and conversions.
 */
export const adsWebhookMetaJob = defineJob({
  name: ADS_WEBHOOK_META_JOB,
  description: 'Record a Meta lead, or sync the ad account a Meta notification is about for that day.',
  payload: z.object({
    organizationId: z.string().min(1),
    receipt: z.string().min(1).max(300),
    field: z.string().max(100),
    lead: leadPayload.extend({ socialAccountId: z.string().min(1) }).optional(),
    sync: z.object({ adAccountId: z.string().min(1), day: isoDate }).optional(),
  }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => jobKey(ADS_WEBHOOK_META_JOB, payload.organizationId, payload.receipt),
  async run(deps, payload) {
    if (payload.lead) {
      const { socialAccountId, leadgenId, formId, adId, pageId, createdTime } = payload.lead;
      const output = await callTool<{ recorded: boolean; activity_id: string }>(deps, payload.organizationId, 'record_meta_lead', {
        social_account_id: socialAccountId, leadgen_id: leadgenId, form_id: formId, ad_id: adId, page_id: pageId, created_time: createdTime,
      });
      return { recorded: output.recorded, activityId: output.activity_id };
    }
    if (payload.sync) return queueDaySync(deps, payload.organizationId, payload.sync.adAccountId, payload.sync.day);
    return { ignored: payload.field };
  },
});

/** A Google notification (Pub/Sub push) naming a customer: a sync of that account for the day. */
export const adsWebhookGoogleJob = defineJob({
  name: ADS_WEBHOOK_GOOGLE_JOB,
  description: 'Sync the Google Ads account a notification names, for that day.',
  payload: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1).max(300), adAccountId: z.string().min(1), day: isoDate }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => jobKey(ADS_WEBHOOK_GOOGLE_JOB, payload.organizationId, payload.messageId),
  async run(deps, payload) {
    return queueDaySync(deps, payload.organizationId, payload.adAccountId, payload.day);
  },
});
