-- CreateTable
CREATE TABLE "ScrapeDrop" (
    "organizationId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "spotifyTrackId" TEXT NOT NULL,
    "scrapedAt" TIMESTAMPTZ(3) NOT NULL,
    "droppedAt" TIMESTAMPTZ(3) NOT NULL,
    "key" TEXT NOT NULL,
    "owner" TEXT,
    "streams7d" INTEGER NOT NULL,
    "streams28d" INTEGER NOT NULL,
    "streams12m" INTEGER NOT NULL,

    CONSTRAINT "ScrapeDrop_pkey" PRIMARY KEY ("organizationId","registry","snapshotId","rowId")
);

-- CreateIndex
CREATE INDEX "ScrapeDrop_organizationId_spotifyTrackId_droppedAt_idx" ON "ScrapeDrop"("organizationId", "spotifyTrackId", "droppedAt");

-- AddForeignKey
ALTER TABLE "ScrapeDrop" ADD CONSTRAINT "ScrapeDrop_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScrapeDrop" ADD CONSTRAINT "ScrapeDrop_organizationId_snapshotId_fkey" FOREIGN KEY ("organizationId", "snapshotId") REFERENCES "ScrapeSnapshot"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a scrape's drops are measured against the song's next scrape, so they go stale
-- when a scrape is stored between the two (a late or backfilled file) or when that next scrape
-- goes. Statement-level triggers over the transition tables: one DELETE per bulk insert.
CREATE FUNCTION "ScrapeDrop_forget_split"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ScrapeDrop" d USING inserted n
  WHERE d."organizationId" = n."organizationId" AND d."spotifyTrackId" = n."spotifyTrackId"
    AND d."scrapedAt" < n."scrapedAt" AND d."droppedAt" > n."scrapedAt";
  RETURN NULL;
END $$;

CREATE FUNCTION "ScrapeDrop_forget_successor"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ScrapeDrop" d USING removed o
  WHERE d."organizationId" = o."organizationId" AND d."spotifyTrackId" = o."spotifyTrackId" AND d."droppedAt" = o."scrapedAt";
  RETURN NULL;
END $$;

-- Scrapes are never edited; if one ever is, every stored drop of its song (before and after) is forgotten.
CREATE FUNCTION "ScrapeDrop_forget_edited"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ScrapeDrop" d
  USING (SELECT "organizationId", "spotifyTrackId" FROM removed UNION SELECT "organizationId", "spotifyTrackId" FROM inserted) t
  WHERE d."organizationId" = t."organizationId" AND d."spotifyTrackId" = t."spotifyTrackId";
  RETURN NULL;
END $$;

CREATE TRIGGER "ScrapeSnapshot_insert_forgets_drops" AFTER INSERT ON "ScrapeSnapshot"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "ScrapeDrop_forget_split"();
CREATE TRIGGER "ScrapeSnapshot_delete_forgets_drops" AFTER DELETE ON "ScrapeSnapshot"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ScrapeDrop_forget_successor"();
CREATE TRIGGER "ScrapeSnapshot_update_forgets_drops" AFTER UPDATE ON "ScrapeSnapshot"
  REFERENCING OLD TABLE AS removed NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "ScrapeDrop_forget_edited"();
