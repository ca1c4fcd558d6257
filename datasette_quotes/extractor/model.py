"""The extractor's output: plain, immutable dataclasses and their JSON form.

The JSON form is the public `extract` contract (one attribution per line);
it may only ever gain fields.
"""
from __future__ import annotations

from dataclasses import dataclass, field

QUOTE_TYPES = ("direct", "partial", "indirect")
SPEAKER_KINDS = ("person", "organization", "anonymous", "group")
SOURCE_KINDS = (
    "social_post",
    "statement",
    "press_conference",
    "interview",
    "speech",
    "parliament",
    "letter",
    "report",
    "news_agency_report",
    "unspecified",
)


@dataclass(frozen=True)
class Span:
    """A stretch of the article: `article[start:end] == text`."""

    text: str
    start: int
    end: int

    def as_json(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Source:
    """The channel the words came through and who relayed them, nearest to the article first."""

    kind: str = "unspecified"
    platform: str | None = None
    date: str | None = None
    via: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"kind": self.kind, "platform": self.platform, "date": self.date, "via": list(self.via)}


@dataclass(frozen=True)
class Attribution:
    quote: Span
    type: str
    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_kind: str | None = None
    speaker_title: str | None = None
    cue: Span | None = None
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class ArticleMeta:
    date: str | None = None
    dateline: str | None = None
    agency: str | None = None

    def as_json(self) -> dict:
        return {"date": self.date, "dateline": self.dateline, "agency": self.agency}


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    meta: ArticleMeta
    attributions: tuple[Attribution, ...]

    def as_json_records(self, article: str) -> list[dict]:
        """One `extract` JSON Lines record per attribution, in document order."""
        meta = self.meta.as_json()
        return [
            {
                "article": article,
                "article_meta": meta,
                "quote": a.quote.as_json(),
                "type": a.type,
                "speaker": a.speaker.as_json() if a.speaker else None,
                "speaker_name": a.speaker_name,
                "speaker_kind": a.speaker_kind,
                "speaker_title": a.speaker_title,
                "cue": a.cue.as_json() if a.cue else None,
                "source": a.source.as_json(),
            }
            for a in self.attributions
        ]
