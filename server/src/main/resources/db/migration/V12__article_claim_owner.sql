-- Who holds an article's claim (config/WorkerIdentity: <slot>#<instance>), beside until when: a process
-- started again after a crash frees the claims its predecessor left at once, instead of waiting for
-- them to lapse. A wait before the next attempt at a page (stage_lease_until without an owner) is no
-- claim. (H2 rewrites the table for this once: about 7 s per 100,000 articles.)
ALTER TABLE article ADD COLUMN stage_lease_owner VARCHAR(100);
