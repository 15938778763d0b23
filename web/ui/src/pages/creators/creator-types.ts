import type { ToolInput, ToolOutput } from '../../api/tool-types.ts';

/** The shapes the creators pages read, named after the tools that answer them (types only: from the tools' own schemas). */
export type SearchInput = ToolInput<'search_creators'>;
export type SearchOutput = ToolOutput<'search_creators'>;
export type SearchHit = SearchOutput['hits'][number];

export type CreatorDetail = ToolOutput<'get_creator'>;
export type CreatorPlatformView = CreatorDetail['creator']['platforms'][number];

export type CampaignListRow = ToolOutput<'list_creator_campaigns'>['rows'][number];
export type CampaignDetail = ToolOutput<'get_creator_campaign'>;
export type AssignmentRow = CampaignDetail['board'][number]['assignments'][number];
export type CampaignPerformance = ToolOutput<'creator_campaign_performance'>;
