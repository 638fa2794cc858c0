"""The feed follower: sources on the feeds topic, fetched on schedule through the SSRF guard,
their items extracted and published through the ingest pipeline (`sitmon poll`)."""
