/** Job names of the ad sync (jobs/ads/ defines them; tools only enqueue by name). */
export const AD_SYNC_JOB = 'ads.sync';
export const AD_SYNC_SWEEP_JOB = 'ads.sync.sweep';
/** Defined by the alerts (tools/ads/alerts, jobs/ads): checks one account's limits after each sync. */
export const AD_ALERTS_CHECK_JOB = 'ads.alerts.check';
