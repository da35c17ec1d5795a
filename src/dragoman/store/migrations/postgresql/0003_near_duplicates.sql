-- dragoman store, schema 3: near-duplicate articles (syndicated or updated copies of one story).
-- PostgreSQL twin of migrations/sqlite/0003_near_duplicates.sql.
-- The MinHash signature of each article and its LSH band keys: a new article looks up the
-- articles sharing a band key (an index range), then compares signatures.
CREATE TABLE article_signatures (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BYTEA NOT NULL
);
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    key        BIGINT NOT NULL,  -- a 64-bit band hash, stored signed as in SQLite
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands(band, key);
CREATE INDEX articles_doc_group ON articles(doc_group)
