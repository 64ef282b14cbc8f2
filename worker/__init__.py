"""newsworker: news ingestion worker. URLs, feeds and raw pages in; article events on a Redis Stream out."""

__version__ = "0.1.0"
EXTRACTOR_NAME = "newsworker"
