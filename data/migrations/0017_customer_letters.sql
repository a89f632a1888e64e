-- 0017: the contact list's one-letter search (김, 이 …) reads a table of single letters instead of the FTS
-- index. A letter matches a fifth of the contacts; the FTS index could count them but not walk the list's
-- order without first collecting every match (50–93 ms at 200,000 contacts). Here a letter's contacts are
-- one B-tree range: counted in a few milliseconds, and probed one by one while the list is walked in its
-- own order. The FTS index loses its single letters (name_chars) and keeps letter pairs, phone tails and
-- email words.

-- Each distinct letter of a live contact's names (their own, entered, and their buyers' on orders),
-- lower-cased, as app search normalizes it. No index by contact: a contact's letters are those of its
-- FTS row's name pairs, which is how they are found to be removed.
CREATE TABLE customer_letters (
    letter      TEXT NOT NULL,
    customer_id INTEGER NOT NULL,
    PRIMARY KEY (letter, customer_id)
) STRICT, WITHOUT ROWID;

-- the letters the index holds today (name_chars: a contact's letters, space separated)
WITH RECURSIVE split (id, rest, letter) AS (
    SELECT rowid, name_chars || ' ', '' FROM customer_search
    UNION ALL
    SELECT id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO customer_letters (letter, customer_id) SELECT letter, id FROM split WHERE letter <> '' ORDER BY 1, 2;

CREATE VIRTUAL TABLE customer_search_0017 USING fts5 (name_pairs, tails, emails,
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO customer_search_0017 (rowid, name_pairs, tails, emails)
    SELECT rowid, name_pairs, tails, emails FROM customer_search ORDER BY rowid;
DROP TABLE customer_search;
ALTER TABLE customer_search_0017 RENAME TO customer_search;
