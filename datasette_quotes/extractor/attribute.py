"""Assembling attributions: frames in, typed spans with speaker and source out."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from . import lexicon as lx
from .frames import RELATIVE_NAMING, Frame, FrameFinder
from .marks import Quote
from .model import Attribution, Source, Span
from .segments import MASK, Sentence
from .sources import is_outlet, outlet_name, platform, saying_date, source_kind
from .speakers import Earlier, Speaker, SpeakerResolver

# "an official statement by the Ministry": the speaker is the one after "by".
DOCUMENT_BY = regex.compile(
    r"\b(?:statement|report|data|letter|release|study|survey|filing|note|documents?|bulletin)\s+"
    r"(?:released\s+|issued\s+|published\s+)?(?:by|from)\s+(?=\S)"
)
OCCASION_KINDS = frozenset(("press_conference", "speech", "parliament"))
# A time of its own that keeps an occasion off the lead's day: "Earlier this year, ...".
OTHER_TIME = regex.compile(
    r"\b(?:earlier|last|this|next)\s+(?:week|month|year|season|summer|winter|spring|autumn|fall)\b"
    r"|\b(?:in|since|during)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b"
    r"|\b(?:ago|previously|once|years?)\b",
    regex.IGNORECASE,
)
# How far from its cue and speaker a sentence may state the channel or day, in characters.
FRAME_REACH = 300
_AGENCY_ALIASES = {"associated press": "ap", "agence france-presse": "afp", "press trust of india": "pti"}


@dataclass
class _Found:
    attribution: Attribution
    speaker: Speaker
    sentence: int
    paragraph: int


class Assembler:
    def __init__(self, text: str, masked: str, quotes: list[Quote], sentences: list[Sentence], article_date: str | None, agency: str | None):
        self.text = text
        self.masked = masked
        self.quotes = quotes
        self.sentences = sentences
        self.article_date = article_date
        self.agency = _agency_key(agency) if agency else None
        self.finder = FrameFinder(text, masked, quotes)
        lead = (sentences[0].start, sentences[0].end) if sentences else (0, 0)
        self.resolver = SpeakerResolver(text, lead)
        # The day the lead names, for occasions that name none of their own.
        self.lead_date = saying_date(masked[lead[0]:lead[1]], article_date)
        self.quote_at = {q.open: q for q in quotes}
        self.quote_opens = [q.open for q in quotes]
        self.found: list[_Found] = []
        self.last_by_speaker: dict[str, _Found] = {}
        self.earlier: list[Earlier] = []  # the speakers of `found`, for resolving later mentions
        self._frames: dict[int, list[Frame]] = {}

    def attributions(self) -> tuple[Attribution, ...]:
        consumed: set[int] = set()
        reported_to = -1  # the end of the last content that ran past its own sentence
        for i, sentence in enumerate(self.sentences):
            if sentence.start < reported_to:
                continue  # inside a transcript turn already reported
            frames = self._frames_of(i)
            with_content = [f for f in frames if f.content is not None]
            if with_content:
                for frame in with_content:
                    self._add(frame, i)
                    if frame.content[1] > sentence.end:
                        reported_to = frame.content[1]
                continue
            if self.masked.find(":", sentence.start, sentence.end) >= 0 and self.masked[sentence.start:sentence.end].rstrip().endswith(":"):
                # `He said:` and the quotation in the next paragraph.
                quote = self._sole_quote(self.sentences[i + 1]) if i + 1 < len(self.sentences) else None
                frame = frames[0] if frames else quote and self.finder.colon_intro_frame(sentence)
                if quote is not None and frame:
                    frame.content, frame.direct = (quote.start, quote.end), True
                    self._add(frame, i + 1)
                    consumed.add(i + 1)
                if frames or frame:
                    continue
            quote = self._sole_quote(sentence)
            if quote is None or i in consumed:
                continue
            self._continue_quote(i, quote, consumed)
        return tuple(f.attribution for f in self.found)

    def _frames_of(self, i: int) -> list[Frame]:
        if i not in self._frames:
            self._frames[i] = self.finder.frames(self.sentences[i])
        return self._frames[i]

    def _sole_quote(self, sentence: Sentence) -> Quote | None:
        """The quotation that makes up the whole sentence, if one does."""
        start = sentence.start
        quote = self.quote_at.get(start)
        if quote is None or not quote.double:
            return None
        if self.masked[quote.after:sentence.end].strip(" .,!?;:"):
            return None
        return quote

    def _continue_quote(self, i: int, quote: Quote, consumed: set[int]) -> None:
        """A quotation with no cue of its own: its cue is in the next sentence
        (`"..." ISRO posted on X.`), or it goes on from the speaker just quoted."""
        sentence = self.sentences[i]
        content = (quote.start, quote.end)
        nxt = i + 1
        if nxt < len(self.sentences) and self.sentences[nxt].paragraph == sentence.paragraph:
            frames = self._frames_of(nxt)
            if frames and frames[0].content is None:
                frame = frames[0]
                frame.content, frame.direct = content, True
                self._add(frame, i)
                frames.pop(0)
                return
        if not self.found:
            return
        last = self.found[-1]
        same_paragraph = last.paragraph == sentence.paragraph and last.sentence == i - 1
        # A quotation paragraph goes on from the direct quotation of the paragraph before,
        # wherever in that paragraph it was.
        next_paragraph = (
            last.paragraph == sentence.paragraph - 1
            and last.attribution.type == "direct"
            and len(self.text[quote.start:quote.end].split()) >= 4
        )
        if same_paragraph or next_paragraph:
            previous = last.attribution
            source = previous.source
            self._record(_Found(
                Attribution(
                    quote=self._span(*content), type="direct", speaker=previous.speaker,
                    speaker_name=previous.speaker_name, speaker_kind=previous.speaker_kind,
                    speaker_title=previous.speaker_title, cue=previous.cue, source=source,
                ),
                last.speaker, i, sentence.paragraph,
            ))

    def _add(self, frame: Frame, i: int) -> None:
        start, end = frame.content
        if not any(ch.isalnum() for ch in self.text[start:end]):
            return  # only marks or invisible characters: nothing was said
        kind_of_quote = "direct" if frame.direct else self._clause_type(start, end)
        mention = frame.speaker
        mention_text = self.text[mention[0]:mention[1]]
        by = ("by" in mention_text or "from" in mention_text) and DOCUMENT_BY.search(mention_text)
        speaker_mention = (mention[0] + by.end(), mention[1]) if by else mention
        speaker = self.resolver.resolve(mention_text, mention[0], self.earlier, frame.sentence.start)
        via: list[str] = []
        for relay in frame.relays:
            name = outlet_name(self.text[relay[0]:relay[1]])
            if name:
                via.append(name)
        told = self.text[frame.told_object[0]:frame.told_object[1]] if frame.told_object else None
        if told and is_outlet(told):
            name = outlet_name(told)
            if _agency_key(name) != self.agency:
                via.append(name)
        frame_text = self._frame_text(frame)
        speaker_is_outlet = not frame.relays and is_outlet(mention_text)
        if frame.relays:
            # The relay's words (`citing a report in ...`) describe the outlet's channel,
            # not the speaker's: only the speaker's own document says how it spoke.
            kind = speaker.document_kind or "unspecified"
        else:
            kind = source_kind(frame_text, frame.verb, told, speaker_is_outlet, speaker.document_kind)
        source = Source(
            kind=kind,
            platform=platform(frame_text) if kind == "social_post" else None,
            date=saying_date(frame_text, self.article_date),
            via=tuple(via),
        )
        if source.date is None and source.kind in OCCASION_KINDS and not OTHER_TIME.search(frame_text):
            # A briefing, speech or sitting with no day of its own is the lead's event:
            # `Addressing the team after the launch, ...` (the lead: launched on Thursday).
            source = Source(source.kind, source.platform, self.lead_date, source.via)
        source = self._continued(speaker, source, frame.sentence.paragraph)
        if speaker.kind == "group" and _names_anonymity(self.masked[mention[1]:frame.cue[0]]):
            # `Local officials, who asked not to be named, said`
            speaker = Speaker(speaker.name, "anonymous", speaker.title, speaker.document_kind)
        attribution = Attribution(
            quote=self._span(start, end),
            type=kind_of_quote,
            speaker=self._span(*speaker_mention),
            speaker_name=speaker.name,
            speaker_kind=speaker.kind,
            speaker_title=speaker.title,
            cue=self._span(*frame.cue) if frame.cue[1] > frame.cue[0] else None,
            source=source,
        )
        self._record(_Found(attribution, speaker, i, frame.sentence.paragraph))

    def _record(self, found: _Found) -> None:
        self.found.append(found)
        self.last_by_speaker[found.speaker.name] = found
        mention = found.attribution.speaker
        head = mention.text.split()[-1].lower() if mention and mention.text.split() else ""
        self.earlier.append(Earlier(found.speaker, found.attribution.source.kind, head))

    def _continued(self, speaker: Speaker, source: Source, paragraph: int) -> Source:
        """An unstated channel continues the same speaker's occasion just before; a
        restated channel keeps that occasion's date."""
        found = self.last_by_speaker.get(speaker.name)
        if found is None:
            return source
        before = found.attribution.source
        if source.kind == "unspecified" and paragraph - found.paragraph <= 1 and not source.via:
            return Source(before.kind, before.platform, source.date or before.date, before.via)
        if source.kind == before.kind != "unspecified" and source.platform == before.platform and source.date is None:
            return Source(source.kind, source.platform, before.date, source.via)
        return source

    def _clause_type(self, start: int, end: int) -> str:
        for quote in self.quotes[bisect_left(self.quote_opens, start - 2):]:
            if quote.open >= end:
                break
            if quote.close <= end and self._spoken_fragment(quote):
                return "partial"
        return "indirect"

    def _spoken_fragment(self, quote: Quote) -> bool:
        """Quoted words from the speaker, not a title, name, nickname or scare quote."""
        words = self.text[quote.start:quote.end].split()
        if not words:
            return False
        before = self.text[max(0, quote.open - 30):quote.open].lower().split()
        if before and before[-1].strip(",") in lx.TITLE_INTRODUCERS and not RELATIVE_NAMING.search(self.masked, max(0, quote.open - 40), quote.open):
            return False  # `a film called "X"`, but not `which he called "a scandal"`
        if len(before) > 1 and before[-2] in lx.TITLE_INTRODUCERS and before[-1] in ("the", "a", "as"):
            return False
        if len(words) == 1 and words[0][:1].isupper():
            return False
        return True

    def _frame_text(self, frame: Frame) -> str:
        """The sentence without its reported content, near the cue: where the channel and
        the day of the saying are stated."""
        start, end = frame.content
        lo = max(frame.sentence.start, min(frame.cue[0], frame.speaker[0]) - FRAME_REACH)
        hi = min(frame.sentence.end, max(frame.cue[1], frame.speaker[1]) + FRAME_REACH)
        if start < lo or end > hi:
            return self.masked[lo:hi].replace(MASK, "")
        return (self.masked[lo:start] + " " + self.masked[end:hi]).replace(MASK, "")

    def _span(self, start: int, end: int) -> Span:
        return Span(self.text[start:end], start, end)


def _names_anonymity(words: str) -> bool:
    lowered = words.lower()
    return any(marker in lowered for marker in lx.ANONYMITY_MARKERS)


def _agency_key(name: str) -> str:
    lowered = name.lower().strip()
    return _AGENCY_ALIASES.get(lowered, lowered)
