"""Stage 3, attribution: who said a figure, over which window, and whether it is an earlier episode."""
