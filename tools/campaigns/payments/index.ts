import type { AnyTool } from '../../registry/define-tool.ts';
import { listVendorPayments } from './list-vendor-payments.ts';
import { payVendor } from './pay-vendor.ts';

/** Paying vendors (through approval) and the payments made. */
export const PAYMENT_TOOLS: AnyTool[] = [payVendor, listVendorPayments];
