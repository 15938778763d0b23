import { FormLink } from './form-link.tsx';

/** A campaign page's edit buttons: the campaign itself, or one of its placements (chosen on the form). */
export function CampaignEditLinks({ campaignId }: { campaignId: string }) {
  const back = `/campaigns/${campaignId}`;
  return (
    <>
      <FormLink tool="update_campaign" values={{ campaign_id: campaignId, back }}>Edit campaign</FormLink>
      <FormLink tool="update_placement" values={{ campaign_id: campaignId, back }}>Edit a placement</FormLink>
    </>
  );
}

/** The vendors page's way to add and change records: a vendor, a playlist to one, a vendor's details. */
export function VendorAddLinks() {
  return (
    <>
      <FormLink tool="create_vendor" values={{ back: '/vendors' }} primary>New vendor</FormLink>
      <FormLink tool="add_vendor_playlist" values={{ back: '/vendors' }}>Add a playlist</FormLink>
      <FormLink tool="update_vendor" values={{ back: '/vendors' }}>Edit a vendor</FormLink>
    </>
  );
}
