"""A local single-node Apache Kafka (KRaft) assembled from Maven Central jars."""
