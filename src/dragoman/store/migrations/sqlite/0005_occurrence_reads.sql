-- dragoman store, schema 5: what reading canonical events a page at a time needs at a million events.
-- Every list is read in page order, (date key, id) with date key = coalesce(date_start, date_end),
-- so a filter is an index range walked in that order: a page of 50 reads about 50 entries.

-- One filter column, then the page order. They replace occurrences_status and occurrences_track,
-- whose columns they start with. The columns after the id let a walk test the other filters
-- (type with status...) in the index itself, without reading each event's row.
CREATE INDEX occurrences_type_key ON occurrences(event_type, coalesce(date_start, date_end), id, status, location_country);
CREATE INDEX occurrences_status_key ON occurrences(status, coalesce(date_start, date_end), id, event_type, location_country);
CREATE INDEX occurrences_country_key ON occurrences(location_country, coalesce(date_start, date_end), id, event_type, status);
CREATE INDEX occurrences_track_key ON occurrences(track_id, coalesce(date_start, date_end), id, event_type, status);
DROP INDEX occurrences_status;
DROP INDEX occurrences_track;
-- The old ids merged into an occurrence, so the read tables can forget them (store/occurrence_index.py).
CREATE INDEX occurrence_aliases_new ON occurrence_aliases(new_id);

-- Each distinct actor (name, country, sector) once, with the number of canonical events it is in,
-- kept up to date by the writer: /actors reads it directly, and an actor filter finds its ids here.
CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,              -- "country|sector|name", '' for a missing part
    name        TEXT,
    country     TEXT,
    sector      TEXT,
    occurrences INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_count ON actors(occurrences);
CREATE INDEX actors_country ON actors(country, sector);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
CREATE TABLE actor_roles (
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    role        TEXT NOT NULL,
    occurrences INTEGER NOT NULL,
    PRIMARY KEY (actor_id, role)
);

-- The actors of each occurrence (from all its reports), carrying its date key: an actor's
-- canonical events in page order are one range of occurrence_actors_key.
CREATE TABLE occurrence_actors (
    occurrence_id TEXT NOT NULL,
    actor_id      INTEGER NOT NULL REFERENCES actors(id),
    date_key      TEXT,                            -- coalesce(date_start, date_end) of the occurrence
    roles         TEXT NOT NULL,                   -- "mediator,party"
    PRIMARY KEY (occurrence_id, actor_id)
);
CREATE INDEX occurrence_actors_key ON occurrence_actors(actor_id, date_key, occurrence_id);

-- Full-text search over the evidence sentences of each occurrence's reports. The row id is the
-- occurrence's page key (occurrence_index.page_key: days since 1900 in the high bits, the id's
-- hash below), so matches come out of the index already in page order.
CREATE TABLE occurrence_keys (
    occurrence_id TEXT PRIMARY KEY,
    page_key      INTEGER NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE occurrence_text USING fts5(sentences, tokenize = 'unicode61 remove_diacritics 2');

-- Occurrences stored before this schema, indexed by the store when it next opens.
CREATE TABLE occurrence_index_backlog (
    occurrence_id TEXT PRIMARY KEY
);
INSERT INTO occurrence_index_backlog (occurrence_id) SELECT id FROM occurrences;
