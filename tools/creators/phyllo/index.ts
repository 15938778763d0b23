import type { AnyTool } from '../../registry/define-tool.ts';
import { connectCreatorPlatform } from './connect-creator-platform.ts';
import { syncCreator } from './sync-creator.ts';

export { configurePhyllo, phylloSettings, phylloSettingsFrom, PHYLLO_VARIABLES, type PhylloSettings } from './phyllo-settings.ts';
export { CREATOR_SYNC_JOB, PHYLLO_EVENTS, type PhylloEvent } from './sync-creator.ts';

export const PHYLLO_TOOLS: AnyTool[] = [connectCreatorPlatform, syncCreator];
