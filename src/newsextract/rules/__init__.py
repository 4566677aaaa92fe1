"""Every markup rule, class vocabulary, threshold and phrase table, in one place."""
