import type { ToolOutput } from '../../api/tool-types.ts';
import { formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { toneClass } from '../../components/delivery-tone.ts';

type Vendors = ToolOutput<'get_campaign'>['vendors'];

export function VendorBreakdownTable({ vendors, currency }: { vendors: Vendors; currency: string }) {
  return (
    <TableScroll label="Vendor breakdown">
      <table>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col" className="num">Delivered by vendor</th>
            <th scope="col" className="num">Promised to date</th>
            <th scope="col" className="num">Delivery</th>
            <th scope="col" className="num">Spent</th>
            <th scope="col" className="num">Real cost / 1k</th>
            <th scope="col" className="num hide-narrow">Promised cost / 1k</th>
          </tr>
        </thead>
        <tbody>
          {vendors.map((vendor) => (
            <tr key={vendor.vendor_id}>
              <th scope="row">{vendor.vendor_name}</th>
              <td className="num">{formatNumber(vendor.delivered)}</td>
              <td className="num">{formatNumber(vendor.promised_to_date)}</td>
              <td className={`num ${toneClass(vendor.delivery_rate)}`}>{formatShare(vendor.delivery_rate)}</td>
              <td className="num">{formatMoney(vendor.spent, currency)}</td>
              <td className="num">{formatMoney(vendor.real_cost_per_1k, currency)}</td>
              <td className="num hide-narrow">{formatMoney(vendor.promised_cost_per_1k, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
