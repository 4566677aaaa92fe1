"""Small tools every stage shares: the time budget, lazily compiled patterns, bounded memos."""
