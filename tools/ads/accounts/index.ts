import type { AnyTool } from '../../registry/define-tool.ts';
import { assignAdAccount } from './assign-ad-account.ts';
import { connectAdAccount } from './connect-ad-account.ts';
import { getAdAccount } from './get-ad-account.ts';
import { listAdAccounts } from './list-ad-accounts.ts';
import { syncAdAccountTool } from './sync-ad-account.ts';
import { syncStatus } from './sync-status.ts';
import { updateAdAccount } from './update-ad-account.ts';

export { redeemAdState, storeAdGrant } from './ad-connections.ts';

export const ACCOUNT_TOOLS: AnyTool[] = [connectAdAccount, listAdAccounts, getAdAccount, updateAdAccount, assignAdAccount, syncAdAccountTool, syncStatus];
