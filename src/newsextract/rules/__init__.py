"""Every markup rule, class vocabulary, threshold and phrase table, in one place.

- `markup`: tags, attributes, class and id words, ARIA roles and XPath expressions (cleaning,
  locating, segmenting, metadata), and the locator's class and tag weights.
- `phrases`: boilerplate wording matched on a line's text (labels, related headings, prompts,
  share words, gallery counters), with the length limit of each pattern beside it.
- `thresholds`: the numeric limits of the pipeline stages, grouped by stage.
- `calendar`: month and weekday names for the date, dateline and byline grammars, the
  English time-zone abbreviations, and the limits on printed dates.
- `agencies`: the news-agency table and the limits its lookups read; `fields.agencies`
  builds its lookups and patterns.
- `dateline`: the dateline grammar's limits, dash and space characters, and word tables
  (place particles, sentence openers, words that are never a place), and the languages whose
  press prints a place with a full stop (`Duisburg. ...`).
- `script_datelines`: the frames Chinese, Japanese and Korean wire services open a story
  with (`新华社北京3日电`, `【ワシントン共同】`, `(서울=연합뉴스)`), for `fields.script_dateline`.
- `bylines`: the byline and credit-line grammars' limits, phrases (lead-ins, stop words,
  name separators by language), word tables (job titles, newsroom words, name particles) and
  the closing credit-line forms.
- `credits`: the photo-credit grammar's limits, labels by kind (colon, preposition,
  copyright), position labels, picture libraries and part separators, for `fields.credits`.
"""
