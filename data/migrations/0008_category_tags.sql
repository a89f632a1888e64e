-- 0008: a product's search tags name its category and every category above it ("ssale c12 c3"), so a filter
-- on a top category is one word of the index (c3) instead of an OR over all its children, which the index
-- had to merge list by list.

-- every category with the words of itself and its ancestors
CREATE VIEW category_tags AS
    WITH RECURSIVE up (category_id, ancestor_id) AS (
        SELECT id, id FROM categories
        UNION ALL
        SELECT up.category_id, c.parent_id FROM up JOIN categories c ON c.id = up.ancestor_id
        WHERE c.parent_id IS NOT NULL
    )
    SELECT category_id, group_concat('c' || ancestor_id, ' ') AS tags FROM up GROUP BY category_id;

CREATE VIRTUAL TABLE product_search_v3 USING fts5 (name_chars, code_chars, name_pairs, code_pairs, tags,
    tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO product_search_v3 (rowid, name_chars, code_chars, name_pairs, code_pairs, tags)
    SELECT s.rowid, s.name_chars, s.code_chars, s.name_pairs, s.code_pairs,
        's' || lower(p.status) || ' ' || coalesce(ct.tags, 'c0')
    FROM product_search s JOIN products p ON p.id = s.rowid LEFT JOIN category_tags ct ON ct.category_id = p.category_id;
DROP TABLE product_search;
ALTER TABLE product_search_v3 RENAME TO product_search;
INSERT INTO product_search (product_search) VALUES ('optimize');
