-- dragoman store, schema 4: the people named around each event (same paragraph as its evidence),
-- with the country, sector and title the understand stage gave them: a round's delegations.
-- PostgreSQL twin of migrations/sqlite/0004_event_people.sql.
CREATE TABLE event_people (
    event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name     TEXT COLLATE "C" NOT NULL,
    title    TEXT COLLATE "C",
    country  TEXT COLLATE "C",
    sector   TEXT COLLATE "C",
    PRIMARY KEY (event_id, name)
)
