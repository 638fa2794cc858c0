"""The words: each language's lang/<code>.yaml, keyed by concept, and how lists are read from it."""
