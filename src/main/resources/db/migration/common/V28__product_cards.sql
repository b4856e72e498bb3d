-- the product cards an agent reply shows beside its text, as JSON: stored with the message, sent with the delivery
alter table conversation_message add column cards text;
alter table channel_delivery add column cards text;
