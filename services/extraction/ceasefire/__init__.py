"""Stage 4, ceasefire: statements of what a ceasefire did (a term and a status cue read in context)."""
