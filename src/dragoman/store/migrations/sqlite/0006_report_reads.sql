-- dragoman store, schema 6: per-article reports (/reports) a page at a time at a million reports,
-- read the way schema 5 reads canonical events: every filter is an index range in page order,
-- (date key, id) with date key = coalesce(date_start, date_end).

-- The page order itself, and one filter column followed by it (with the other filter columns
-- after the id, so a walk tests type with status in the index). They replace events_date and
-- events_status, whose columns they start with.
CREATE INDEX events_date_key ON events(coalesce(date_start, date_end), id);
CREATE INDEX events_type_key ON events(event_type, coalesce(date_start, date_end), id, status, location_country);
CREATE INDEX events_status_key ON events(status, coalesce(date_start, date_end), id, event_type, location_country);
CREATE INDEX events_country_key ON events(location_country, coalesce(date_start, date_end), id, event_type, status);
CREATE INDEX events_track_key ON events(track, coalesce(date_start, date_end), id, event_type, status);
DROP INDEX events_date;
DROP INDEX events_status;

-- The actors of each report as ids of schema 5's actors table, carrying the report's date key:
-- an actor's reports in page order are one range of report_actors_key. Written with the report.
CREATE TABLE report_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    date_key TEXT,                                 -- coalesce(date_start, date_end) of the report
    PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX report_actors_key ON report_actors(actor_id, date_key, event_id);

-- Reports stored before this schema: their actors (the key as occurrence_index builds it), then
-- their rows. An actor only in reports keeps a count of 0 canonical events until one is fused.
INSERT INTO actors (key, name, country, sector)
SELECT DISTINCT coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, ''),
       nullif(a.name, ''), nullif(a.country, ''), nullif(a.sector, '')
FROM event_actors a WHERE true ON CONFLICT DO NOTHING;
INSERT INTO report_actors (event_id, actor_id, date_key)
SELECT DISTINCT e.id, ac.id, coalesce(e.date_start, e.date_end)
FROM events e
JOIN event_actors a ON a.event_id = e.id
JOIN actors ac ON ac.key = coalesce(a.country, '') || '|' || coalesce(a.sector, '') || '|' || coalesce(a.name, '');
