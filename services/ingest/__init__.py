"""Ingest: read articles from files and feeds, clean them, extract, publish to Kafka."""
