-- dragoman store, schema 1: articles, events with actors/sources/evidence, rejected inputs.
-- PostgreSQL twin of migrations/sqlite/0001_init.sql. Text is COLLATE "C" so ordering and
-- comparisons are by code point, as in SQLite, whatever collation the database has. events and
-- event_actors get an explicit rowid (SQLite's implicit row number) so the same SQL runs on both.
CREATE TABLE articles (
    id                  TEXT COLLATE "C" PRIMARY KEY,  -- a_ + hash of the cleaned text
    raw_id              TEXT COLLATE "C" NOT NULL,
    origin              TEXT COLLATE "C" NOT NULL,
    url                 TEXT COLLATE "C",
    title               TEXT COLLATE "C",
    outlet              TEXT COLLATE "C",
    author              TEXT COLLATE "C",
    published           TEXT COLLATE "C",  -- ISO date or NULL
    published_precision TEXT COLLATE "C",
    published_source    TEXT COLLATE "C",  -- user | meta | text | ingest
    published_text      TEXT COLLATE "C",
    text                TEXT COLLATE "C" NOT NULL,
    ingested_at         TEXT COLLATE "C" NOT NULL
);

-- Every raw item already read, so a re-ingest skips cleaning what it has seen.
CREATE TABLE raw_seen (
    raw_id     TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE events (
    id               TEXT COLLATE "C" PRIMARY KEY,  -- e_ + hash(article, sentence, cameo, actors, trigger)
    article_id       TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_start   INTEGER NOT NULL,
    event_type       TEXT COLLATE "C" NOT NULL,
    cameo            TEXT COLLATE "C" NOT NULL,
    mode             TEXT COLLATE "C",
    status           TEXT COLLATE "C" NOT NULL,
    date_start       TEXT COLLATE "C",
    date_end         TEXT COLLATE "C",
    date_precision   TEXT COLLATE "C",
    location_text    TEXT COLLATE "C",
    location_country TEXT COLLATE "C",
    track            TEXT COLLATE "C",
    round            INTEGER,
    confidence       DOUBLE PRECISION NOT NULL,
    record           TEXT COLLATE "C" NOT NULL,  -- the full JSON record (ontology README)
    rowid            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE  -- insertion order
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(event_type, date_start);
CREATE INDEX events_status ON events(status);
-- With the id: the API pages by keyset on (date key, id).
CREATE INDEX events_date ON events((coalesce(date_start, date_end)), id);

CREATE TABLE event_actors (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role     TEXT COLLATE "C",
    name     TEXT COLLATE "C",
    country  TEXT COLLATE "C",
    sector   TEXT COLLATE "C",
    text     TEXT COLLATE "C",
    rowid    BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_actors_country ON event_actors(country, sector);
-- SQLite has name COLLATE NOCASE; here lower(name), which on C collation folds ASCII only, the same.
CREATE INDEX event_actors_name ON event_actors(lower(name));

CREATE TABLE event_sources (
    event_id      TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id        TEXT COLLATE "C" NOT NULL,
    outlet        TEXT COLLATE "C",
    url           TEXT COLLATE "C",
    attributed_to TEXT COLLATE "C",
    PRIMARY KEY (event_id, doc_id)
);

CREATE TABLE evidence (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id   TEXT COLLATE "C" NOT NULL,
    sentence TEXT COLLATE "C" NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    PRIMARY KEY (event_id, doc_id, start)
);

CREATE TABLE rejected (
    id         TEXT COLLATE "C" PRIMARY KEY,  -- x_ + hash(origin, stage, reason)
    origin     TEXT COLLATE "C" NOT NULL,
    stage      TEXT COLLATE "C" NOT NULL,
    reason     TEXT COLLATE "C" NOT NULL,
    first_seen TEXT COLLATE "C" NOT NULL,
    last_seen  TEXT COLLATE "C" NOT NULL,
    times      INTEGER NOT NULL DEFAULT 1
);
