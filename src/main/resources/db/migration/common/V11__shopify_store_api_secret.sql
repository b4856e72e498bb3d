-- shopify module: a custom app's API secret key, given when a store is connected with that app's access token.
-- Shopify signs the webhooks of that app with it (not with Baton's app secret). Encrypted like the tokens (AES-GCM;
-- see SecretBox), never logged; null for stores installed through Baton's own app.
alter table shopify_store add column api_secret varchar(1000);
