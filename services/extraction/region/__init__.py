"""Stage 5, region: where the article's events happened, from the gazetteer in seeds/regions.yaml."""
