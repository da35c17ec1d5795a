-- dragoman store, schema 8: an event may have no CAMEO code (an act CAMEO has none for, such as a
-- resignation, PLOVER RETREAT/resign), so events.cameo and occurrences.cameo may be NULL.
ALTER TABLE events ALTER COLUMN cameo DROP NOT NULL;
ALTER TABLE occurrences ALTER COLUMN cameo DROP NOT NULL
