// Bolt is CommonJS. Its named exports resolve under Node's ESM loader and under vitest alike,
// whereas the default import differs between them (Bolt also sets exports.default = App).
export { App, ExpressReceiver, LogLevel } from '@slack/bolt';
export type { AllMiddlewareArgs, BlockAction, ButtonAction, SlashCommand } from '@slack/bolt';
import type { types } from '@slack/bolt';
export type KnownBlock = types.KnownBlock;
export type { WebClient } from '@slack/web-api';
