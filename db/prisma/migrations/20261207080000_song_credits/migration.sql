-- CreateTable
CREATE TABLE "SongCredit" (
    "organizationId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "spotifyTrackId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "scrapedAt" TIMESTAMPTZ(3) NOT NULL,
    "streams7d" BIGINT NOT NULL,
    "streams28d" BIGINT NOT NULL,
    "streams12m" BIGINT NOT NULL,
    "dropped" INTEGER NOT NULL,
    "scrapes" INTEGER NOT NULL,

    CONSTRAINT "SongCredit_pkey" PRIMARY KEY ("organizationId","registry","vendor","spotifyTrackId")
);

-- CreateIndex
CREATE INDEX "SongCredit_organizationId_spotifyTrackId_idx" ON "SongCredit"("organizationId", "spotifyTrackId");

-- CreateIndex
CREATE INDEX "Placement_organizationId_currency_idx" ON "Placement"("organizationId", "currency");

-- AddForeignKey
ALTER TABLE "SongCredit" ADD CONSTRAINT "SongCredit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a song's credits are figured from all of its scrapes (the latest, and the earlier ones
-- for the history rule) and its vendors (who gets auto-detected playlists), so any scrape stored,
-- deleted or edited, and any placement that adds, removes or moves a vendor of it, makes the song's
-- rows stale.
-- Statement-level triggers over the transition tables: one DELETE per bulk insert.
CREATE FUNCTION "SongCredit_forget_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SongCredit" c USING (SELECT DISTINCT "organizationId", "spotifyTrackId" FROM inserted) n
  WHERE c."organizationId" = n."organizationId" AND c."spotifyTrackId" = n."spotifyTrackId";
  RETURN NULL;
END $$;

CREATE FUNCTION "SongCredit_forget_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SongCredit" c USING (SELECT DISTINCT "organizationId", "spotifyTrackId" FROM removed) o
  WHERE c."organizationId" = o."organizationId" AND c."spotifyTrackId" = o."spotifyTrackId";
  RETURN NULL;
END $$;

CREATE FUNCTION "SongCredit_forget_edited"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SongCredit" c
  USING (SELECT "organizationId", "spotifyTrackId" FROM removed UNION SELECT "organizationId", "spotifyTrackId" FROM inserted) t
  WHERE c."organizationId" = t."organizationId" AND c."spotifyTrackId" = t."spotifyTrackId";
  RETURN NULL;
END $$;

CREATE TRIGGER "ScrapeSnapshot_insert_forgets_song_credits" AFTER INSERT ON "ScrapeSnapshot"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_inserted"();
CREATE TRIGGER "ScrapeSnapshot_delete_forgets_song_credits" AFTER DELETE ON "ScrapeSnapshot"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_removed"();
CREATE TRIGGER "ScrapeSnapshot_update_forgets_song_credits" AFTER UPDATE ON "ScrapeSnapshot"
  REFERENCING OLD TABLE AS removed NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_edited"();

-- Placements are written outside the scraper import's lock, so the credits have a lock of their own:
-- a fill holds it shared for its session (song-credits.ts), and a placement change waits for it here,
-- so that no fill can store credits measured before the change after the change has forgotten them.
CREATE FUNCTION "SongCredit_forget_placed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('song_credits'), hashtext(o."organizationId"))
  FROM (SELECT DISTINCT "organizationId" FROM placed ORDER BY 1) o;
  DELETE FROM "SongCredit" c USING (SELECT DISTINCT "organizationId", "spotifyTrackId" FROM placed) n
  WHERE c."organizationId" = n."organizationId" AND c."spotifyTrackId" = n."spotifyTrackId";
  RETURN NULL;
END $$;

-- Updates that keep every placement's song and vendor (goals, prices, status) leave the credits alone;
-- one that changes them forgets the songs on both sides. Two statements: the DELETE must see what a
-- session committed while the lock was awaited.
CREATE FUNCTION "SongCredit_forget_replaced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('song_credits'), hashtext(t."organizationId"))
  FROM (SELECT DISTINCT side."organizationId" FROM removed o JOIN inserted n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o."organizationId"), (n."organizationId")) side("organizationId")
        WHERE (n."spotifyTrackId", n."vendorId", n."organizationId") IS DISTINCT FROM (o."spotifyTrackId", o."vendorId", o."organizationId")
        ORDER BY 1) t;
  DELETE FROM "SongCredit" c
  USING removed o JOIN inserted n ON n.id = o.id
  CROSS JOIN LATERAL (VALUES (o."organizationId", o."spotifyTrackId"), (n."organizationId", n."spotifyTrackId")) side("organizationId", "spotifyTrackId")
  WHERE (n."spotifyTrackId", n."vendorId", n."organizationId") IS DISTINCT FROM (o."spotifyTrackId", o."vendorId", o."organizationId")
    AND c."organizationId" = side."organizationId" AND c."spotifyTrackId" = side."spotifyTrackId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Placement_insert_forgets_song_credits" AFTER INSERT ON "Placement"
  REFERENCING NEW TABLE AS placed FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_placed"();
CREATE TRIGGER "Placement_delete_forgets_song_credits" AFTER DELETE ON "Placement"
  REFERENCING OLD TABLE AS placed FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_placed"();
CREATE TRIGGER "Placement_update_forgets_song_credits" AFTER UPDATE ON "Placement"
  REFERENCING OLD TABLE AS removed NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "SongCredit_forget_replaced"();
