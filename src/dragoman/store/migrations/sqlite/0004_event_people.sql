-- dragoman store, schema 4: the people named around each event (same paragraph as its evidence),
-- with the country, sector and title the understand stage gave them: a round's delegations.
CREATE TABLE event_people (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    title    TEXT,
    country  TEXT,
    sector   TEXT,
    PRIMARY KEY (event_id, name)
)
