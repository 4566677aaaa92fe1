"""Every markup rule, class vocabulary, threshold and phrase table, in one place.

- `markup`: tags, attributes, class and id words, ARIA roles and XPath expressions (cleaning,
  locating, segmenting, metadata), and the locator's class and tag weights.
- `phrases`: boilerplate wording matched on a line's text (labels, related headings, prompts,
  share words, gallery counters), with the length limit of each pattern beside it.
- `thresholds`: the numeric limits of the pipeline stages, grouped by stage.
- `calendar`: month and weekday names for the date, dateline and byline grammars, and the
  limits on printed dates.
- `agencies`: the news-agency table; `fields.agencies` builds its lookups and patterns.
- `credits`: photo-credit labels, markers and separators; `fields.credits` builds its
  patterns from them.

The field grammars (`fields.bylines`, `fields.dateline`, `fields.credits`) still keep their
own word tables and length limits beside their patterns.
"""
