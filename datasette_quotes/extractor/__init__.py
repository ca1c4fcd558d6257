"""The extractor: article text in, an `Extraction` out. Pure: no I/O, no SQLite, no Datasette."""
from .model import ArticleMeta, Attribution, Extraction, Source, Span

__all__ = ["extract", "ArticleMeta", "Attribution", "Extraction", "Source", "Span"]


def extract(text: str, date: str | None = None) -> Extraction:
    """Find every attribution in `text`.

    `date` (YYYY-MM-DD), when the caller knows it, overrides the date found in the text.
    """
    raise NotImplementedError
