-- Product attributes (`product/*`, CUR 2.0's `product` map: ~50 per usage row) are kept for display and drill-down,
-- never filtered on by the allocation rules (those read tags and cost categories, which stay jsonb). As jsonb,
-- PostgreSQL parses, sorts and rebuilds every row's object at COPY time — the largest part of the server's ingest
-- CPU (make bench, perf); as json it only validates the text and stores it as written. `->`/`->>` still work.
ALTER TABLE line_items ALTER COLUMN product TYPE json USING product::json;
ALTER TABLE line_items ALTER COLUMN product SET DEFAULT '{}'::json;
