import { describe, expect, it } from 'vitest';
import { normaliseContentUrl, parseContentLink } from './content-links.ts';

function ids(url: string) {
  const link = parseContentLink(url);
  return [link.network, link.externalId, link.normalisedUrl, link.format];
}

describe('content links', () => {
  it('reads TikTok video ids, with or without the user, and drops tracking', () => {
    expect(ids('https://www.tiktok.com/@mila.moves/video/7301234567890123456?is_from_webapp=1&sender_device=pc')).toEqual([
      'tiktok', '7301234567890123456', 'https://www.tiktok.com/@mila.moves/video/7301234567890123456', 'video',
    ]);
    expect(ids('https://m.tiktok.com/v/7301234567890123456.html')).toEqual(['tiktok', '7301234567890123456', 'https://www.tiktok.com/video/7301234567890123456', 'video']);
    expect(ids('https://www.tiktok.com/@mila.moves/photo/7301234567890000001')[3]).toBe('photo');
    // A share short link carries no id: the normalised URL is the key.
    expect(ids('https://vm.tiktok.com/ZMabcdEf/')).toEqual(['tiktok', 'https://vm.tiktok.com/ZMabcdEf', 'https://vm.tiktok.com/ZMabcdEf', null]);
  });

  it('gives one id for every spelling of a YouTube video, and marks shorts', () => {
    const watch = ids('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&si=abc');
    expect(watch).toEqual(['youtube', 'dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'video']);
    expect(ids('https://youtu.be/dQw4w9WgXcQ?si=share')).toEqual(watch);
    expect(ids('https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ')).toEqual(watch);
    expect(ids('https://www.youtube.com/embed/dQw4w9WgXcQ')).toEqual(watch);
    expect(ids('https://youtube.com/shorts/aBcDeFgHiJk?feature=share')).toEqual(['youtube', 'aBcDeFgHiJk', 'https://www.youtube.com/shorts/aBcDeFgHiJk', 'short']);
    // A channel page is no post.
    expect(ids('https://www.youtube.com/@lowtide/videos')).toEqual(['youtube', 'https://youtube.com/@lowtide/videos', 'https://youtube.com/@lowtide/videos', null]);
    expect(parseContentLink('https://www.youtube.com/watch?v=tooShort').hasPlatformId).toBe(false);
  });

  it('reads Instagram posts, reels and IGTV, also after a username', () => {
    expect(ids('https://www.instagram.com/p/C1a2B3c4D5e/?igsh=xyz')).toEqual(['instagram', 'C1a2B3c4D5e', 'https://www.instagram.com/p/C1a2B3c4D5e', 'post']);
    expect(ids('https://instagram.com/reel/C9zYxWvUtS_/')).toEqual(['instagram', 'C9zYxWvUtS_', 'https://www.instagram.com/reel/C9zYxWvUtS_', 'reel']);
    expect(ids('https://www.instagram.com/reels/C9zYxWvUtS_/')[1]).toBe('C9zYxWvUtS_');
    expect(ids('https://www.instagram.com/tv/B8qwErTyUiO')).toEqual(['instagram', 'B8qwErTyUiO', 'https://www.instagram.com/tv/B8qwErTyUiO', 'video']);
    expect(ids('https://www.instagram.com/mila.moves/p/C1a2B3c4D5e/')[1]).toBe('C1a2B3c4D5e');
    expect(parseContentLink('https://www.instagram.com/mila.moves/').hasPlatformId).toBe(false);
  });

  it('reads X / Twitter statuses on either host', () => {
    const tweet = ['twitter', '1790012345678901234', 'https://x.com/lowtide/status/1790012345678901234', 'post'];
    expect(ids('https://twitter.com/lowtide/status/1790012345678901234?s=20')).toEqual(tweet);
    expect(ids('https://x.com/lowtide/status/1790012345678901234/photo/1')).toEqual(tweet);
    expect(ids('https://mobile.twitter.com/i/web/status/1790012345678901234')[1]).toBe('1790012345678901234');
  });

  it('reads Twitch videos and clips, Facebook posts, Pinterest pins, LinkedIn activities and Snapchat spotlights', () => {
    expect(ids('https://www.twitch.tv/videos/2012345678')).toEqual(['twitch', '2012345678', 'https://www.twitch.tv/videos/2012345678', 'video']);
    expect(ids('https://www.twitch.tv/lowtide/clip/AwkwardHelplessSalamanderSwiftRage')[1]).toBe('AwkwardHelplessSalamanderSwiftRage');
    expect(ids('https://clips.twitch.tv/AwkwardHelplessSalamanderSwiftRage')[3]).toBe('clip');

    expect(ids('https://www.facebook.com/lowtideband/posts/1234567890123')).toEqual(['facebook', '1234567890123', 'https://www.facebook.com/lowtideband/posts/1234567890123', 'post']);
    expect(ids('https://m.facebook.com/watch/?v=987654321012')).toEqual(['facebook', '987654321012', 'https://www.facebook.com/watch?v=987654321012', 'video']);
    expect(ids('https://www.facebook.com/permalink.php?story_fbid=pfbid02AbCdEf&id=100064')[1]).toBe('pfbid02AbCdEf');
    expect(ids('https://www.facebook.com/reel/445566778899')[3]).toBe('reel');

    expect(ids('https://www.pinterest.co.uk/pin/123456789012345678/')).toEqual(['pinterest', '123456789012345678', 'https://www.pinterest.com/pin/123456789012345678', 'pin']);

    const activity = ['linkedin', '7190000000000000000', 'https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000', 'post'];
    expect(ids('https://www.linkedin.com/feed/update/urn:li:activity:7190000000000000000/')).toEqual(activity);
    expect(ids('https://www.linkedin.com/posts/mila-moves_newmusic-activity-7190000000000000000-AbCd?utm_source=share')).toEqual(activity);

    expect(ids('https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYbWJ0ZG')).toEqual([
      'snapchat', 'W7_EDlXWTBiXAEEniNoMPwAAYbWJ0ZG', 'https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYbWJ0ZG', 'spotlight',
    ]);
  });

  it('keys unknown links by their normalised URL and refuses what is no web link', () => {
    const link = parseContentLink('HTTP://WWW.Example.com/blog/Post-1/?utm_source=x&utm_medium=y#comments');
    expect(link).toEqual({
      network: null, externalId: 'https://example.com/blog/Post-1', hasPlatformId: false, normalisedUrl: 'https://example.com/blog/Post-1', format: null,
    });
    expect(normaliseContentUrl('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(normaliseContentUrl('https://web.example.org/a/')).toBe('https://web.example.org/a');
    expect(() => parseContentLink('javascript:alert(1)')).toThrow(/not an http/);
    expect(() => parseContentLink('tiktok.com/@a/video/1')).toThrow(/not an http/);
  });
});
