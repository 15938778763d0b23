import type { AnyTool } from '../../registry/define-tool.ts';
import { pauseAdCampaign } from './pause-ad-campaign.ts';
import { recordSpendAlerts, releaseSpendAlerts } from './record-spend-alerts.ts';
import { setAdBudget } from './set-ad-budget.ts';
import { spendAlerts } from './spend-alerts.ts';

export const ALERT_TOOLS: AnyTool[] = [spendAlerts, pauseAdCampaign, setAdBudget, recordSpendAlerts, releaseSpendAlerts];
