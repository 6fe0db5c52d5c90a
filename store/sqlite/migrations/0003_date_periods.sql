-- An event's date names a period at its precision (a day, a week, a
-- month, a year); day is its first day and day_end its last, so that
-- date filters hold the events whose whole period lies in the range and
-- counts by day do not pile a year onto its 1 January. background marks
-- a past event the article tells as history.
ALTER TABLE events ADD COLUMN day_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;

-- Events stored before: their first mention's record gives the precision
-- (dates were written in full, "1933-01-01" at year precision), and
-- coarser dates fold only with their own precision from now on.
UPDATE events SET day_end = CASE
	(SELECT json_extract(m.record, '$.date_precision') FROM mentions m WHERE m.event_id = events.id ORDER BY m.id LIMIT 1)
	WHEN 'year' THEN CAST(strftime('%s', date(day * 86400, 'unixepoch', 'start of year', '+1 year', '-1 day')) AS INTEGER) / 86400
	WHEN 'month' THEN CAST(strftime('%s', date(day * 86400, 'unixepoch', 'start of month', '+1 month', '-1 day')) AS INTEGER) / 86400
	WHEN 'week' THEN day + 6
	ELSE day END
	WHERE day <> -2147483648;
UPDATE events SET day_end = day WHERE day = -2147483648;
UPDATE events SET fold_base = fold_base || '|' ||
	(SELECT json_extract(m.record, '$.date_precision') FROM mentions m WHERE m.event_id = events.id ORDER BY m.id LIMIT 1)
	WHERE day_end <> day;
UPDATE events SET background = 1 WHERE
	(SELECT json_extract(m.record, '$.background') FROM mentions m WHERE m.event_id = events.id ORDER BY m.id LIMIT 1) = 1;
