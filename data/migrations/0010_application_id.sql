-- 0010: mark the file as SellerDesk's in SQLite's header (application_id, "SDsk"), so a restore recognises
-- a store of ours by its header and refuses any other SQLite file, even one that has an `orders` table.
-- Files from before this step carry 0 there; a restore recognises those by their version and their tables.
-- The value is repeated as ApplicationID in data/restore.go.
PRAGMA application_id = 1396994923;
