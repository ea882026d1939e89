-- Written by hand: full-text search on PostgreSQL, the counterpart of SQLite's FTS5 index (prisma/migrations/
-- 0003_search_index). The text search configuration `faultlines_search` reads text as FTS5's
-- `porter unicode61 remove_diacritics 2` does, as closely as PostgreSQL allows: accents dropped (unaccent), words
-- stemmed by Snowball's English stemmer (Porter's successor) with no stop words (FTS5 has none), and a hyphenated
-- word indexed as its parts only, as FTS5 splits it. unaccent is an extension, so it lives once per database: in the
-- control schema, which no build drops (a build's schema is dropped with CASCADE when it ages out).
DO $$
DECLARE
    ext text;
BEGIN
    SELECT extnamespace::regnamespace::text INTO ext FROM pg_extension WHERE extname = 'unaccent';
    IF ext IS NULL THEN
        CREATE SCHEMA IF NOT EXISTS faultlines;
        CREATE EXTENSION unaccent SCHEMA faultlines;
        ext := 'faultlines';
    END IF;
    CREATE TEXT SEARCH DICTIONARY faultlines_stem (TEMPLATE = snowball, Language = english);
    CREATE TEXT SEARCH CONFIGURATION faultlines_search (COPY = simple);
    EXECUTE format(
        'ALTER TEXT SEARCH CONFIGURATION faultlines_search ALTER MAPPING FOR asciiword, word, numword, '
        'hword_asciipart, hword_part, hword_numpart WITH %I.unaccent, faultlines_stem', ext);
    ALTER TEXT SEARCH CONFIGURATION faultlines_search DROP MAPPING FOR asciihword, hword, numhword;
END
$$;

-- The indexed columns weighted as FTS5's bm25 weighs them (title 8, aliases 6, body 1, involved 0.5): A, B, C, D.
-- A lexeme that no text can produce (a control character) is put between the columns and deleted again, leaving a
-- gap in the positions, so a phrase never runs from one column into the next (it cannot in FTS5 either).
ALTER TABLE "SearchDocument" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    ts_delete(
        setweight(to_tsvector('faultlines_search'::regconfig, "title"), 'A') || E'\x01:1'::tsvector ||
        setweight(to_tsvector('faultlines_search'::regconfig, "aliases"), 'B') || E'\x01:1'::tsvector ||
        setweight(to_tsvector('faultlines_search'::regconfig, "body"), 'C') || E'\x01:1'::tsvector ||
        setweight(to_tsvector('faultlines_search'::regconfig, "involved"), 'D'),
        E'\x01'
    )
) STORED;

CREATE INDEX "SearchDocument_searchVector_idx" ON "SearchDocument" USING GIN ("searchVector");
