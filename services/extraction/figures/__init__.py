"""Stage 2, figures: which numbers count people, whom they count, and what happened to them."""
