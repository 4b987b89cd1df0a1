-- Re-indexing a case deletes its IMEIs by case; without this index that scans the whole table.
CREATE INDEX case_imeis_case ON case_imeis (case_id);
