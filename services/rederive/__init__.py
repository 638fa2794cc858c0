"""Re-deriving from the log: `sitmon reparse` (articles → new reports) and `sitmon rebuild`
(reports → the worker's tables and pictures for a fresh app version, by a batch fast path)."""
