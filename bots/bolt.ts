// Bolt is CommonJS: under ESM its named exports come from the default export.
import bolt from '@slack/bolt';

export const { App, ExpressReceiver, LogLevel } = bolt;
export type { App as BoltApp, ExpressReceiver as BoltExpressReceiver } from '@slack/bolt';
export type { AllMiddlewareArgs, BlockAction, ButtonAction, SlashCommand } from '@slack/bolt';
import type { types } from '@slack/bolt';
export type KnownBlock = types.KnownBlock;
export type { WebClient } from '@slack/web-api';
