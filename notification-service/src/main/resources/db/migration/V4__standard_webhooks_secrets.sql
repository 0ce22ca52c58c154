-- Webhooks are signed the Standard Webhooks way, with secrets of the form whsec_<base64 of the key>. A secret stored
-- before was its own key (its UTF-8 bytes): written in the new form, it keeps exactly that key, so a receiver keeps
-- its secret (as the library's "raw" key) and only changes how it checks the headers.
UPDATE channel_setting
   SET webhook_secret = 'whsec_' || translate(encode(convert_to(webhook_secret, 'UTF8'), 'base64'), E'\n', '')
 WHERE webhook_secret IS NOT NULL AND webhook_secret NOT LIKE 'whsec\_%';
