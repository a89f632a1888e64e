-- 0007: the product search index also holds each product's status and category as words (ssale, c12), so
-- a search combined with the category and status filters is answered by the index alone.

CREATE VIRTUAL TABLE product_search_v2 USING fts5 (name_chars, code_chars, name_pairs, code_pairs, tags,
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO product_search_v2 (rowid, name_chars, code_chars, name_pairs, code_pairs, tags)
    SELECT s.rowid, s.name_chars, s.code_chars, s.name_pairs, s.code_pairs,
        (SELECT 's' || lower(p.status) || ' c' || coalesce(p.category_id, 0) FROM products p WHERE p.id = s.rowid)
    FROM product_search s;
DROP TABLE product_search;
ALTER TABLE product_search_v2 RENAME TO product_search;
-- merge the copied rows into one segment, as a long-lived index would be
INSERT INTO product_search (product_search) VALUES ('optimize');
