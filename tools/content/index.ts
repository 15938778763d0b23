import type { AnyTool } from '../registry/define-tool.ts';
import { bestPostingTimes } from './best-times/best-posting-times.ts';
import { setBrandVoice } from './brand-voice/set-brand-voice.ts';
import { generatePosts } from './generate/generate-posts.ts';
import { createRelease } from './releases/create-release.ts';
import { listReleases } from './releases/list-releases.ts';
import { POST_TOOLS } from './posts/index.ts';
import { REPOST_TOOLS } from './reposts/index.ts';
import { updateRelease } from './releases/update-release.ts';
import { importTrendSignals } from './trends/import-trend-signals.ts';
import { trendingHashtagsTool } from './trends/trending-hashtags.ts';

/** The content studio: releases, brand voice, trends, best times and drafting, the calendar and publishing, trending reposts (issue 18). */
export const CONTENT_TOOLS: AnyTool[] = [createRelease, updateRelease, listReleases, setBrandVoice, importTrendSignals, trendingHashtagsTool, bestPostingTimes, generatePosts, ...POST_TOOLS, ...REPOST_TOOLS];
