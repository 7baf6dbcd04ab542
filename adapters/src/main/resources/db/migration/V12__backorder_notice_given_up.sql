-- A notice the buyer's endpoint kept refusing ends as given up, told apart from one that was posted:
-- published_at marks it ended either way (it leaves the relay's due index), given_up_at says it was not taken.
ALTER TABLE backorder_notice ADD COLUMN given_up_at DATETIME(3) NULL AFTER published_at;
