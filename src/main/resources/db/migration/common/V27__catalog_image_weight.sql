-- catalog: the product's main image (for product cards) and each variant's weight (for "the lightest ...")
alter table catalog_product add column image_url varchar(2000);
alter table catalog_variant add column weight_grams integer;
