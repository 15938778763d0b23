import type { Random } from './random.ts';
import { SPEND_CHANNELS, type DailySpend, type SpendChannel } from './spend.ts';

/** Which campaigns were spending on which channel each day, so touchpoints name a campaign that ran. */
export class CampaignActivity {
  private readonly byDay: Map<SpendChannel, string[]>[];

  constructor(days: number) {
    this.byDay = Array.from({ length: days }, () => new Map());
  }

  record(campaignKey: string, spend: DailySpend): void {
    for (const channel of SPEND_CHANNELS) {
      spend[channel].forEach((amount, day) => {
        if (amount <= 0) return;
        const campaigns = this.byDay[day]!;
        const keys = campaigns.get(channel);
        if (keys) keys.push(campaignKey);
        else campaigns.set(channel, [campaignKey]);
      });
    }
  }

  /** A campaign spending on `channel` that day, else one spending on any channel, else none. */
  pick(random: Random, day: number, channel: SpendChannel): string | null {
    const campaigns = this.byDay[day];
    if (!campaigns) return null;
    const onChannel = campaigns.get(channel);
    if (onChannel) return random.pick(onChannel);
    const any = [...campaigns.values()].flat();
    return any.length > 0 ? random.pick(any) : null;
  }
}
