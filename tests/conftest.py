"""Settings for the whole suite."""

from hypothesis import settings

# Property tests check behaviour, never time: hypothesis's default 200 ms deadline per example
# turns a loaded 2-core CI machine (two test processes, a broker, spawned workers) into failures.
settings.register_profile("sitmon", deadline=None)
settings.load_profile("sitmon")
