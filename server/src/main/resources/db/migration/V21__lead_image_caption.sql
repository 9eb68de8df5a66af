-- What the publisher says under the article's lead picture (image_url): what it shows, and whose it is. Written with
-- image_url, from the same source (the feed's Media RSS, or the page's JSON-LD or figure): a caption is only ever the
-- caption of the picture stored beside it. Articles stored before have none; their next page fetch or feed update
-- brings it.
ALTER TABLE article ADD COLUMN lead_image_caption VARCHAR(300);
ALTER TABLE article ADD COLUMN lead_image_credit VARCHAR(120);
