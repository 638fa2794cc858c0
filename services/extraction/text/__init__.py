"""Stage 1, text: language, sentences with offsets, the keyword gate, numbers, months, accent folding."""
