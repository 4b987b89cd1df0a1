-- The codes read from a box label, a *#06# screen or a receipt when it was attached (JSON), so
-- the case's evidence checks need no second reading of the photo.
ALTER TABLE attachments ADD COLUMN barcodes TEXT NOT NULL DEFAULT '';
