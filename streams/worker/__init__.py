"""The Faust worker (`sitmon worker`): folds the reports topic into region tables, publishes pictures.

faust is imported only in this package. The decisions live in pure code (streams/fold and
`batch.py`), so the agent stays thin: take a batch → decode → fold per region → write each
table key once → emit snapshots and dead letters.
"""
