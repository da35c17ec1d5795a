-- dragoman store, schema 6: per-article reports (/reports) a page at a time at a million reports.
-- PostgreSQL twin of migrations/sqlite/0006_report_reads.sql. Page order (date key, id), date key =
-- coalesce(date_start, date_end); events_date (date key, id) of schema 1 is the page order itself.

-- One filter column, then the page order. events_status_key replaces events_status.
CREATE INDEX events_type_key ON events(event_type, (coalesce(date_start, date_end)), id);
CREATE INDEX events_status_key ON events(status, (coalesce(date_start, date_end)), id);
CREATE INDEX events_country_key ON events(location_country, (coalesce(date_start, date_end)), id);
CREATE INDEX events_track_key ON events(track, (coalesce(date_start, date_end)), id);
DROP INDEX events_status;

-- The actors of each report as ids of schema 5's actors table, carrying the report's date key:
-- an actor's reports in page order are one range of report_actors_key. Written with the report.
CREATE TABLE report_actors (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id BIGINT NOT NULL REFERENCES actors(id),
    date_key TEXT COLLATE "C",
    PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX report_actors_key ON report_actors(actor_id, date_key, event_id);

-- Reports stored before this schema: their actors (the key as occurrence_index builds it), then
-- their rows. An actor only in reports keeps a count of 0 canonical events until one is fused.
INSERT INTO actors (key, name, country, sector)
SELECT DISTINCT coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, ''),
       nullif(a.name, ''), nullif(a.country, ''), nullif(a.sector, '')
FROM event_actors a ON CONFLICT DO NOTHING;
INSERT INTO report_actors (event_id, actor_id, date_key)
SELECT DISTINCT e.id, ac.id, coalesce(e.date_start, e.date_end)
FROM events e
JOIN event_actors a ON a.event_id = e.id
JOIN actors ac ON ac.key = coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, '');
