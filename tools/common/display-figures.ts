import { money } from './format.ts';

/** "1,234.50 USD": money as approvers, previews and facts show it. */
export function amountText(value: number, currency: string): string {
  return `${money(value).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** "12,000": a count with thousands separators. */
export function countText(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/** "80%" (one decimal under 10%: "4.5%"); a share of 0.8 reads as a percentage, never 0.8. */
export function percentText(share: number): string {
  const percent = share * 100;
  return `${percent < 10 ? Number(percent.toFixed(1)) : Math.round(percent)}%`;
}
