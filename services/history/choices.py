"""What `sitmon history` can write: its output formats and plot files (no heavy imports here,
so the CLI checks its options without loading pyarrow or matplotlib)."""

FORMATS = ("table", "csv", "jsonl", "parquet")
PLOT_SUFFIXES = (".png", ".html")
