import type { ToolOutput } from '../../api/tool-types.ts';
import { formatDay, formatNumber } from '../../components/format.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

type Song = ToolOutput<'get_campaign'>['songs'][number];

/** Every playlist the song is on in its latest scrape, and those that dropped it (with the date, keeping their last figures), with who is credited. */
export function SongPlaylistsTable({ song }: { song: Song }) {
  const title = song.song_name ?? song.spotify_track_id;
  if (!song.playlists.length) return <p className="muted">Not on any playlist in the latest scrape{song.scraped_at ? '' : ' (never scraped yet)'}.</p>;
  return (
    <TableScroll label={`Playlists of ${title}`}>
      <table>
        <caption>
          Playlists of {title}
          {song.playlists_total > song.playlists.length ? ` (top ${song.playlists.length} of ${song.playlists_total})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Playlist</th>
            <th scope="col">Vendor</th>
            <th scope="col" className="num">Playlist streams 7d</th>
            <th scope="col" className="num">28d</th>
            <th scope="col" className="num">12m</th>
            <th scope="col" className="hide-narrow">Added</th>
          </tr>
        </thead>
        <tbody>
          {song.playlists.map((playlist, index) => (
            <tr key={`${playlist.spotify_playlist_id ?? playlist.name}-${index}`}>
              <th scope="row" className="cell-plain">
                {playlist.name}{playlist.curator && playlist.curator !== playlist.vendor ? <div className="muted">{playlist.curator}</div> : null}
                {playlist.dropped_on ? <div><span className="badge badge-dropped" title="Its figures are from the last scrape that listed the song, and still count">dropped {formatDay(playlist.dropped_on)}</span></div> : null}
              </th>
              <td>{playlist.vendor}{playlist.auto_detected ? <span className="muted" title="Registered automatically from a scrape"> (auto)</span> : null}</td>
              <td className="num">{formatNumber(playlist.streams_7d)}</td>
              <td className="num">{formatNumber(playlist.streams_28d)}</td>
              <td className="num">{formatNumber(playlist.streams_12m)}</td>
              <td className="hide-narrow">{formatDay(playlist.date_added)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
