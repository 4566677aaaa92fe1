"""The stages of `extract()`, each a function from one typed value to the next (see `run`)."""
