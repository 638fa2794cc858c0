"""Pure folds that turn `ReportsExtracted` events into a region's picture.

No faust, no Kafka: the worker, `sitmon situation --as-of` and the unit tests run the same
functions, so a replay gives the same state as the live worker. See `region.py` for the entry
points (`apply`, `apply_all`) and `snapshot.py` for the published `SituationChanged`.
"""
