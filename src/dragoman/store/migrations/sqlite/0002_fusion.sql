-- dragoman store, schema 2: fusion (one canonical event per real-world event) and tracks.
-- Each per-article event ("report") gets its block key and anchor date, the index fusion uses
-- to find earlier reports of the same event, and the id of the occurrence it was merged into.
-- block_key: "CONSULT:ARM+AZE"; anchor: the event's date, else the publication date.
ALTER TABLE events ADD COLUMN block_key TEXT;
ALTER TABLE events ADD COLUMN anchor TEXT;
ALTER TABLE events ADD COLUMN occurrence_id TEXT;
CREATE INDEX events_block ON events(block_key, anchor);
CREATE INDEX events_occurrence ON events(occurrence_id);

-- Near-duplicate group of an article (syndicated copies share one), else its own id.
ALTER TABLE articles ADD COLUMN doc_group TEXT;

CREATE TABLE occurrences (
    id               TEXT PRIMARY KEY,             -- c_ + hash(smallest member event id)
    block_key        TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    cameo            TEXT NOT NULL,
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
CREATE INDEX occurrences_block ON occurrences(block_key);
CREATE INDEX occurrences_type_date ON occurrences(event_type, date_start);
CREATE INDEX occurrences_status ON occurrences(status);
CREATE INDEX occurrences_date ON occurrences(coalesce(date_start, date_end), id);
CREATE INDEX occurrences_track ON occurrences(track_id);

-- When two occurrences merge, the old id points at the new one, so links keep working.
CREATE TABLE occurrence_aliases (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL
);

CREATE TABLE tracks (
    id          TEXT PRIMARY KEY,                  -- "arm-aze-2026": parties, year it opened
    parties     TEXT NOT NULL UNIQUE,              -- "ARM+AZE"
    mediator    TEXT,
    status      TEXT,
    first_date  TEXT,
    last_date   TEXT,
    n_rounds    INTEGER NOT NULL,
    record      TEXT NOT NULL                      -- Track.to_dict() as JSON
);
CREATE INDEX tracks_mediator ON tracks(mediator);
