"""Reading region pictures back: the latest published one, or one refolded as of a past event time."""
