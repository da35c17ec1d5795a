-- dragoman store, schema 7: PostgreSQL twin of migrations/sqlite/0007_track_rows.sql.
-- A track's rounds, status history and members get rows of their own, so a new report rewrites one
-- round, appends to the history and adds one member instead of rewriting the whole record; the
-- tracks row keeps the rest (names, topics, other meetings). A record of an older schema still holding rounds and members is read as it is, and
-- written in this form the next time its track changes.
CREATE TABLE track_rounds (
    track_id TEXT COLLATE "C" NOT NULL,
    number   INTEGER NOT NULL,
    record   TEXT NOT NULL,                        -- Round.to_dict() as JSON
    PRIMARY KEY (track_id, number)
);
CREATE TABLE track_history (
    track_id TEXT COLLATE "C" NOT NULL,
    seq      INTEGER NOT NULL,                     -- 0, 1, ...: the order of the changes
    record   TEXT NOT NULL,                        -- StatusPoint.to_dict() as JSON
    PRIMARY KEY (track_id, seq)
);
CREATE TABLE track_members (
    track_id      TEXT COLLATE "C" NOT NULL,
    occurrence_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (track_id, occurrence_id)
);
-- The writer's check that the ledger it kept for a parties key is what the store holds: a new
-- token on every write of the key's track, by any writer. ``mediator``: whose meetings with one
-- party the key's track takes in (a change to them updates it).
CREATE TABLE track_ledgers (
    parties  TEXT COLLATE "C" PRIMARY KEY,
    token    TEXT COLLATE "C" NOT NULL,
    mediator TEXT COLLATE "C"
);
CREATE INDEX track_ledgers_mediator ON track_ledgers(mediator);
