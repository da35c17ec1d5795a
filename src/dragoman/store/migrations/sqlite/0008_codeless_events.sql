-- dragoman store, schema 8: an event may have no CAMEO code (an act CAMEO has none for, such as a
-- resignation, PLOVER RETREAT/resign), so events.cameo and occurrences.cameo may be NULL.
-- SQLite cannot drop a NOT NULL constraint in place: each table is rebuilt, as
-- sqlite.org/lang_altertable.html ("other kinds of table schema changes") describes, with foreign
-- keys off while events is replaced so that dropping it does not cascade to its reports' rows.
-- dragoman: foreign_keys off
CREATE TABLE events_new (
    id               TEXT PRIMARY KEY,             -- e_ + hash(article, sentence, cameo, actors, trigger)
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_start   INTEGER NOT NULL,
    event_type       TEXT NOT NULL,
    cameo            TEXT,                         -- NULL: no CAMEO code (PLOVER type + mode only)
    mode             TEXT,
    status           TEXT NOT NULL,
    date_start       TEXT,
    date_end         TEXT,
    date_precision   TEXT,
    location_text    TEXT,
    location_country TEXT,
    track            TEXT,
    round            INTEGER,
    confidence       REAL NOT NULL,
    record           TEXT NOT NULL,                -- the full JSON record (ontology README)
    block_key        TEXT,
    anchor           TEXT,
    occurrence_id    TEXT
);
INSERT INTO events_new (id, article_id, sentence_start, event_type, cameo, mode, status, date_start,
    date_end, date_precision, location_text, location_country, track, round, confidence, record,
    block_key, anchor, occurrence_id)
SELECT id, article_id, sentence_start, event_type, cameo, mode, status, date_start, date_end,
    date_precision, location_text, location_country, track, round, confidence, record, block_key,
    anchor, occurrence_id
FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(event_type, date_start);
CREATE INDEX events_block ON events(block_key, anchor);
CREATE INDEX events_occurrence ON events(occurrence_id);
CREATE INDEX events_date_key ON events(coalesce(date_start, date_end), id);
CREATE INDEX events_type_key ON events(event_type, coalesce(date_start, date_end), id, status, location_country);
CREATE INDEX events_status_key ON events(status, coalesce(date_start, date_end), id, event_type, location_country);
CREATE INDEX events_country_key ON events(location_country, coalesce(date_start, date_end), id, event_type, status);
CREATE INDEX events_track_key ON events(track, coalesce(date_start, date_end), id, event_type, status);

CREATE TABLE occurrences_new (
    id               TEXT PRIMARY KEY,             -- c_ + hash(smallest member event id)
    block_key        TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    cameo            TEXT,                         -- NULL: no CAMEO code (PLOVER type + mode only)
    status           TEXT NOT NULL,
    date_start       TEXT,
    date_end         TEXT,
    date_precision   TEXT,
    location_text    TEXT,
    location_country TEXT,
    mediator         TEXT,
    round            INTEGER,
    track_id         TEXT,
    n_reports        INTEGER NOT NULL,
    n_sources        INTEGER NOT NULL,
    n_contradictions INTEGER NOT NULL,
    first_reported   TEXT,
    last_reported    TEXT,
    record           TEXT NOT NULL                 -- Occurrence.to_dict() as JSON
);
INSERT INTO occurrences_new SELECT * FROM occurrences;
DROP TABLE occurrences;
ALTER TABLE occurrences_new RENAME TO occurrences;
CREATE INDEX occurrences_block ON occurrences(block_key);
CREATE INDEX occurrences_type_date ON occurrences(event_type, date_start);
CREATE INDEX occurrences_date ON occurrences(coalesce(date_start, date_end), id);
CREATE INDEX occurrences_type_key ON occurrences(event_type, coalesce(date_start, date_end), id, status, location_country);
CREATE INDEX occurrences_status_key ON occurrences(status, coalesce(date_start, date_end), id, event_type, location_country);
CREATE INDEX occurrences_country_key ON occurrences(location_country, coalesce(date_start, date_end), id, event_type, status);
CREATE INDEX occurrences_track_key ON occurrences(track_id, coalesce(date_start, date_end), id, event_type, status)
