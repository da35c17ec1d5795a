-- dragoman store, schema 3: near-duplicate articles (syndicated or updated copies of one story).
-- The MinHash signature of each article and its LSH band keys: a new article looks up the
-- articles sharing a band key (an index range), then compares signatures.
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    key        INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_bands_key ON article_bands(band, key);
CREATE INDEX articles_doc_group ON articles(doc_group)
