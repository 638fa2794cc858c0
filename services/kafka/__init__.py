"""Shared aiokafka plumbing for the services: probing, topic administration, producing."""
