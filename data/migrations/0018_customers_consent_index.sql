-- 0018: the consent index holds only contacts with a consent record (YES or NO). Every contact without one
-- (nearly all of them, and every contact the sync makes) sat in it under '' and each sync rewrite of a
-- contact's last order moved it there too: a third of the index writes of a contacts build, for a filter
-- (no record) that walks the list's own order by last order (customers_last) and is counted as all live
-- contacts less those with a record (read from this index).
DROP INDEX customers_consent;
CREATE INDEX customers_consent ON customers (consent, last_order_at) WHERE merged_into IS NULL AND consent <> '';
