-- dragoman store, schema 2: fusion (one canonical event per real-world event) and tracks.
-- PostgreSQL twin of migrations/sqlite/0002_fusion.sql.
-- Each per-article event ("report") gets its block key and anchor date, the index fusion uses
-- to find earlier reports of the same event, and the id of the occurrence it was merged into.
-- block_key: "CONSULT:ARM+AZE"; anchor: the event's date, else the publication date.
ALTER TABLE events ADD COLUMN block_key TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN anchor TEXT COLLATE "C";
ALTER TABLE events ADD COLUMN occurrence_id TEXT COLLATE "C";
CREATE INDEX events_block ON events(block_key, anchor);
CREATE INDEX events_occurrence ON events(occurrence_id);

-- Near-duplicate group of an article (syndicated copies share one), else its own id.
ALTER TABLE articles ADD COLUMN doc_group TEXT COLLATE "C";

CREATE TABLE occurrences (
    id               TEXT COLLATE "C" PRIMARY KEY,  -- c_ + hash(smallest member event id)
    block_key        TEXT COLLATE "C" NOT NULL,
    event_type       TEXT COLLATE "C" NOT NULL,
    cameo            TEXT COLLATE "C" NOT NULL,
    status           TEXT COLLATE "C" NOT NULL,
    date_start       TEXT COLLATE "C",
    date_end         TEXT COLLATE "C",
    date_precision   TEXT COLLATE "C",
    location_text    TEXT COLLATE "C",
    location_country TEXT COLLATE "C",
    mediator         TEXT COLLATE "C",
    round            INTEGER,
    track_id         TEXT COLLATE "C",
    n_reports        INTEGER NOT NULL,
    n_sources        INTEGER NOT NULL,
    n_contradictions INTEGER NOT NULL,
    first_reported   TEXT COLLATE "C",
    last_reported    TEXT COLLATE "C",
    record           TEXT COLLATE "C" NOT NULL  -- Occurrence.to_dict() as JSON
);
CREATE INDEX occurrences_block ON occurrences(block_key);
CREATE INDEX occurrences_type_date ON occurrences(event_type, date_start);
CREATE INDEX occurrences_status ON occurrences(status);
CREATE INDEX occurrences_date ON occurrences((coalesce(date_start, date_end)) NULLS FIRST, id);
CREATE INDEX occurrences_track ON occurrences(track_id);

-- When two occurrences merge, the old id points at the new one, so links keep working.
CREATE TABLE occurrence_aliases (
    old_id TEXT COLLATE "C" PRIMARY KEY,
    new_id TEXT COLLATE "C" NOT NULL
);

CREATE TABLE tracks (
    id          TEXT COLLATE "C" PRIMARY KEY,  -- "arm-aze-2026": parties, year it opened
    parties     TEXT COLLATE "C" NOT NULL UNIQUE,  -- "ARM+AZE"
    mediator    TEXT COLLATE "C",
    status      TEXT COLLATE "C",
    first_date  TEXT COLLATE "C",
    last_date   TEXT COLLATE "C",
    n_rounds    INTEGER NOT NULL,
    record      TEXT COLLATE "C" NOT NULL  -- Track.to_dict() as JSON
);
CREATE INDEX tracks_mediator ON tracks(mediator);
