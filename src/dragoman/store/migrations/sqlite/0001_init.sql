-- dragoman store, schema 1: articles, events with actors/sources/evidence, rejected inputs.
CREATE TABLE articles (
    id                  TEXT PRIMARY KEY,          -- a_ + hash of the cleaned text
    raw_id              TEXT NOT NULL,
    origin              TEXT NOT NULL,
    url                 TEXT,
    title               TEXT,
    outlet              TEXT,
    author              TEXT,
    published           TEXT,                      -- ISO date or NULL
    published_precision TEXT,
    published_source    TEXT,                      -- user | meta | text | ingest
    published_text      TEXT,
    text                TEXT NOT NULL,
    ingested_at         TEXT NOT NULL
);

-- Every raw item already read, so a re-ingest skips cleaning what it has seen.
CREATE TABLE raw_seen (
    raw_id     TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL
);

CREATE TABLE events (
    id               TEXT PRIMARY KEY,             -- e_ + hash(article, sentence, cameo, actors, trigger)
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    sentence_start   INTEGER NOT NULL,
    event_type       TEXT NOT NULL,
    cameo            TEXT NOT NULL,
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
    record           TEXT NOT NULL                 -- the full JSON record (ontology README)
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type_date ON events(event_type, date_start);
CREATE INDEX events_status ON events(status);
CREATE INDEX events_date ON events(coalesce(date_start, date_end));

CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role     TEXT,
    name     TEXT,
    country  TEXT,
    sector   TEXT,
    text     TEXT,
    PRIMARY KEY (event_id, position)
);
CREATE INDEX event_actors_country ON event_actors(country, sector);
CREATE INDEX event_actors_name ON event_actors(name COLLATE NOCASE);

CREATE TABLE event_sources (
    event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id        TEXT NOT NULL,
    outlet        TEXT,
    url           TEXT,
    attributed_to TEXT,
    PRIMARY KEY (event_id, doc_id)
);

CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    doc_id   TEXT NOT NULL,
    sentence TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    PRIMARY KEY (event_id, doc_id, start)
);

CREATE TABLE rejected (
    id         TEXT PRIMARY KEY,                   -- x_ + hash(origin, stage, reason)
    origin     TEXT NOT NULL,
    stage      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    times      INTEGER NOT NULL DEFAULT 1
);
