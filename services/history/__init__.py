"""A region's picture as a time series, refolded from the reports log with the worker's own fold."""
