-- Product attributes once per distinct product, not once per line.
--
-- A CUR row carries ~50 `product/*` attributes, and they are the product's, not the line's: a month of 1M lines names
-- a few thousand distinct products. Stored per row (0007: json), they were the widest part of every line — its
-- bytes, the server's JSON validation at COPY time, the WAL. Each delivery now keeps its distinct attribute sets in
-- `line_item_products`, numbered from 1, and a line refers to its set by `product_key` (NULL: no attributes, as on
-- tax and credit lines). The sets belong to the delivery: they are written in its load transaction and deleted when
-- a later delivery supersedes it. `line_items_with_product` joins them back for reading.

CREATE TABLE line_item_products (
    delivery_id  bigint NOT NULL REFERENCES cur_deliveries (id),
    product_key  integer NOT NULL,
    attributes   jsonb NOT NULL,
    PRIMARY KEY (delivery_id, product_key)
);

ALTER TABLE line_items ADD COLUMN product_key integer;

-- Lines already loaded: number each delivery's distinct attribute sets and point the lines at them.
CREATE TEMPORARY TABLE product_numbering ON COMMIT DROP AS
    SELECT delivery_id, product, row_number() OVER (PARTITION BY delivery_id ORDER BY product)::integer AS product_key
    FROM (SELECT DISTINCT delivery_id, product::text AS product FROM line_items WHERE product::text <> '{}') AS distinct_sets;
INSERT INTO line_item_products (delivery_id, product_key, attributes)
    SELECT delivery_id, product_key, product::jsonb FROM product_numbering;
UPDATE line_items SET product_key = numbering.product_key
    FROM product_numbering AS numbering
    WHERE numbering.delivery_id = line_items.delivery_id AND numbering.product = line_items.product::text;

ALTER TABLE line_items DROP COLUMN product;

CREATE VIEW line_items_with_product AS
    SELECT line_items.*, products.attributes AS product
    FROM line_items
    LEFT JOIN line_item_products AS products
        ON products.delivery_id = line_items.delivery_id AND products.product_key = line_items.product_key;
