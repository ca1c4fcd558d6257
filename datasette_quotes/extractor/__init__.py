"""The extractor: article text in, an `Extraction` out. Pure: no I/O, no SQLite, no Datasette."""
from dataclasses import replace

from .attribute import Assembler
from .marks import pair_quotes
from .meta import read_meta
from .model import ArticleMeta, Attribution, Extraction, Source, Span
from .segments import mask_quotes, paragraph_starts, split_sentences

__all__ = ["extract", "ArticleMeta", "Attribution", "Extraction", "Source", "Span"]


def extract(text: str, date: str | None = None) -> Extraction:
    """Find every attribution in `text`.

    `date` (YYYY-MM-DD), when the caller knows it, overrides the date found in the text.
    """
    meta, body_start, body_end, later_dateline = read_meta(text)
    if date:
        meta = replace(meta, date=date)
    starts = paragraph_starts(text, body_start)
    quotes = pair_quotes(text, starts)
    masked = mask_quotes(text, quotes)
    if later_dateline:
        start, end = later_dateline
        masked = masked[:start] + " " * (end - start) + masked[end:]
    sentences = split_sentences(text, masked, starts, body_end, quotes)
    assembler = Assembler(text, masked, quotes, sentences, meta.date, meta.agency)
    return Extraction(meta, assembler.attributions())
