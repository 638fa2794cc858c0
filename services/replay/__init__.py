"""Replay: read a topic by event-time range, as an analyst would, without joining any group."""
