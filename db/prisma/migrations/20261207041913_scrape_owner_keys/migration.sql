-- The history keys of each cached scrape and owner: whether a song's latest scrape lists a playlist
-- it dropped earlier is then read from the cache rather than from the scrape's rows.
ALTER TABLE "ScrapeOwnerTotal" ADD COLUMN     "keys" TEXT[];

-- A cache: rows stored before have no keys; the next delivery query fills them again.
DELETE FROM "ScrapeOwnerTotal";
