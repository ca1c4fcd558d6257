"""Score extraction against gold attributions.

Gold comes in two forms:
- PolNeAR-style brat standoff: a directory with `text/<stem>.txt` and `attributions/<stem>_*.ann`
  (the first .ann in name order is gold);
- the `extract` JSON Lines contract, one attribution per line, so that hand-corrected `extract`
  output is gold. A record with `"quote": null` lists an article that has no attribution, and
  `"optional": true` marks an attribution that is neither required nor wrong to find.

The matching rules are those of the project's reference scorer (`shared/eval/README.md`): spans
trimmed of whitespace, punctuation and quote marks match when they overlap by at least half of
the longer one (the whole gold content or one of its segments), one to one, greedily by overlap.
A prediction left unmatched is a false positive only if it belongs to the view scored and does
not overlap some gold attribution of the article (the other half of a quote split by its cue, or
a gold outside the view).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path

MIN_OVERLAP = 0.5
TRIM_CHARS = frozenset(" \t\r\n.,;:!?\"'\u201c\u201d\u2018\u2019()[]-\u2014\u2013")
DOUBLE_QUOTE = re.compile('["\u201c\u201d]')
# Cues of saying or writing; PolNeAR also annotates beliefs and intentions, which these leave out.
SPEECH_CUE_WORDS = (
    "said", "says", "say", "saying", "told", "tell", "tells", "added", "adds", "noted", "notes",
    "stated", "states", "according", "announced", "announces", "declared", "wrote", "writes",
    "write", "tweeted", "tweets", "posted", "posts", "explained", "argued", "argues", "insisted",
    "claimed", "claims", "warned", "warns", "stressed", "asked", "asks", "replied", "responded",
    "answered", "acknowledged", "admitted", "confirmed", "denied", "remarked", "recalled",
    "reported", "reports", "quoted", "cited", "cites", "continued", "suggested", "predicted",
    "promised", "vowed", "urged", "called", "described", "joked", "repeated", "testified",
    "mentioned", "commented", "conceded", "countered", "contended", "maintained", "pointed out",
    "emphasized", "emphasised", "declined to say", "statement", "interview", "speech",
)
SPEECH_CUE = re.compile(r"\b(?:" + "|".join(SPEECH_CUE_WORDS) + r")\b|:", re.IGNORECASE)
TYPES = ("direct", "partial", "indirect")
LEADING_ARTICLES = ("the ", "a ", "an ")
BRAT_LINE = re.compile(r"([TE]\d+)\t([^\t]*)")


class EvaluationError(Exception):
    """Unusable gold or predictions; the message names the file and the problem."""


@dataclass
class Gold:
    span: tuple[int, int]
    segments: list[tuple[int, int]]
    speech: bool
    direct: bool
    type: str | None = None
    source_spans: list[tuple[int, int]] | None = None  # brat gold: the speaker is judged by span
    speaker_name: str | None = None  # JSON Lines gold: the speaker is judged by name
    source_kind: str | None = None
    optional: bool = False

    def overlap(self, span: tuple[int, int]) -> float:
        return max(overlap(part, span) for part in (self.span, *self.segments))

    def speaker_matches(self, prediction: Prediction) -> bool:
        if self.source_spans is not None:
            return prediction.speaker_span is not None and any(
                overlap(source, prediction.speaker_span) > 0 for source in self.source_spans
            )
        return names_match(prediction.speaker_name, self.speaker_name)


@dataclass
class Prediction:
    span: tuple[int, int]
    type: str | None
    direct: bool
    speaker_span: tuple[int, int] | None
    speaker_name: str | None
    source_kind: str


@dataclass
class Article:
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    speaker: int = 0
    source_kind: int = 0
    type: int = 0

    def add(self, other: Counts) -> None:
        for counter in fields(self):
            setattr(self, counter.name, getattr(self, counter.name) + getattr(other, counter.name))


# ---------------------------------------------------------------- spans


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(a[1] - a[0], b[1] - b[0], 1) if shared > 0 else 0.0


def normalise_name(name: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", name or "")
    name = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    name = " ".join(name.replace("\u2019", "'").split()).strip(" .,;:!?\"'()[]")
    for article in LEADING_ARTICLES:
        name = name.removeprefix(article)
    return name


def names_match(predicted: str | None, gold: str | None) -> bool:
    """Equal once normalised, or one contains the other as whole words (`Ilango` ~ `T Ilango`)."""
    predicted, gold = normalise_name(predicted), normalise_name(gold)
    if not predicted or not gold:
        return predicted == gold
    shorter, longer = sorted((re.findall(r"\w+", predicted), re.findall(r"\w+", gold)), key=len)
    return any(longer[i:i + len(shorter)] == shorter for i in range(len(longer) - len(shorter) + 1))


# ---------------------------------------------------------------- reading


def stem_of(name: str) -> str:
    return Path(name).name.removesuffix(".txt")


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise EvaluationError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})")


def read_jsonl(path: Path) -> list[tuple[int, dict]]:
    """The non-blank lines of a JSON Lines file, each with its line number."""
    records = []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}: line {number}: invalid JSON ({error.msg})")
        if not isinstance(record, dict) or not isinstance(record.get("article"), str):
            raise EvaluationError(f"{path}: line {number}: not an object with an 'article' name")
        records.append((number, record))
    return records


def quote_span(record: dict, text: str, where: str) -> tuple[int, int]:
    quote = record["quote"]
    start, end = (quote.get("start"), quote.get("end")) if isinstance(quote, dict) else (None, None)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise EvaluationError(f"{where}: quote needs integer start and end within the article")
    return start, end


def article_paths(paths: list[Path]) -> list[Path]:
    """Article files: the files given, and the .txt files under the folders given (as `extract`)."""
    found = []
    for path in paths:
        found.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return found


def read_brat(directory: Path) -> dict[str, Article]:
    articles = {}
    annotations = directory / "attributions"
    for text_path in sorted((directory / "text").glob("*.txt")):
        own = re.compile(re.escape(text_path.stem) + r"_[^_]*\.ann")
        ann_paths = sorted(p for p in annotations.glob("*.ann") if own.fullmatch(p.name))
        if ann_paths:
            text = read_text(text_path)
            articles[text_path.stem] = Article(text, read_ann(ann_paths[0], text))
    if not articles:
        raise EvaluationError(f"{directory}: no text/*.txt with an attributions/*.ann")
    return articles


def read_ann(path: Path, text: str) -> list[Gold]:
    """Brat standoff: T lines are spans (`T3<TAB>Content 10 20;25 40<TAB>...`), E lines link them
    (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`); other lines (notes, the rest of a span
    text that holds a line break) are ignored."""
    spans, events = {}, []
    for number, line in enumerate(read_text(path).splitlines(), 1):
        annotation = BRAT_LINE.match(line)
        if not annotation:
            continue
        span_id, body = annotation.groups()
        try:
            if span_id.startswith("T"):
                offsets = body.split(" ", 1)[1]
                segments = [tuple(map(int, part.split())) for part in offsets.split(";")]
                if any(len(segment) != 2 for segment in segments):
                    raise ValueError
                spans[span_id] = segments
            else:
                roles = defaultdict(list)
                for argument in body.split()[1:]:
                    role, target = argument.split(":")
                    roles[role.rstrip("0123456789")].append(target)
                events.append(roles)
        except (IndexError, ValueError):
            raise EvaluationError(f"{path}: line {number}: not a brat span or event")
    gold = []
    for roles in events:
        try:
            content, cue, source = ([seg for span_id in roles[role] for seg in spans[span_id]]
                                    for role in ("Content", "Cue", "Source"))
        except KeyError as error:
            raise EvaluationError(f"{path}: an event refers to the unknown span {error.args[0]}")
        if not content:
            continue
        start, end = min(s for s, _ in content), max(e for _, e in content)
        segments = [trim(s, e, text) for s, e in sorted(content)]
        quoted = bool(DOUBLE_QUOTE.search(text[start:end]))
        cue_text = " ".join(text[s:e] for s, e in cue)
        gold.append(Gold(
            span=trim(start, end, text),
            segments=[(s, e) for s, e in segments if e > s],
            speech=quoted or bool(SPEECH_CUE.search(cue_text)),
            direct=quoted,
            source_spans=source,
        ))
    return gold


def read_jsonl_gold(path: Path, texts: dict[str, Path]) -> dict[str, Article]:
    articles = {}
    for number, record in read_jsonl(path):
        stem = stem_of(record["article"])
        if stem not in articles:
            if stem not in texts:
                raise EvaluationError(f"{path}: line {number}: no text found for article {stem!r}"
                                      " (give the articles' directory with --articles)")
            articles[stem] = Article(read_text(texts[stem]))
        if not record.get("quote"):
            continue
        article, where = articles[stem], f"{path}: line {number}"
        start, end = quote_span(record, article.text, where)
        if record["quote"].get("text") != article.text[start:end]:
            raise EvaluationError(f"{where}: quote text differs from {stem}.txt[{start}:{end}]")
        quote_type = record.get("type")
        if quote_type not in TYPES:
            raise EvaluationError(f"{where}: type must be one of {', '.join(TYPES)}")
        speaker = record.get("speaker") or {}
        article.gold.append(Gold(
            span=trim(start, end, article.text),
            segments=[],
            speech=True,
            direct=quote_type != "indirect",
            type=quote_type,
            speaker_name=record.get("speaker_name") or speaker.get("text"),
            source_kind=source_kind(record),
            optional=bool(record.get("optional")),
        ))
    if not articles:
        raise EvaluationError(f"{path}: no gold records")
    return articles


def read_gold(path: Path, texts: dict[str, Path]) -> dict[str, Article]:
    """Brat gold from a directory, JSON Lines gold from a file; `texts` maps article stems to
    their .txt files, for JSON Lines gold."""
    if path.is_dir():
        return read_brat(path)
    return read_jsonl_gold(path, texts)


def source_kind(record: dict) -> str:
    return (record.get("source") or {}).get("kind") or "unspecified"


def to_prediction(record: dict, text: str, where: str) -> Prediction | None:
    start, end = trim(*quote_span(record, text, where), text)
    if end <= start:
        return None
    speaker = record.get("speaker")
    return Prediction(
        span=(start, end),
        type=record.get("type"),
        # a quote mark just outside the trimmed span counts: direct spans leave their marks out
        direct=record.get("type") in ("direct", "partial")
        or bool(DOUBLE_QUOTE.search(text[max(0, start - 1):end + 1])),
        speaker_span=(speaker["start"], speaker["end"]) if speaker else None,
        speaker_name=record.get("speaker_name") or (speaker or {}).get("text"),
        source_kind=source_kind(record),
    )


def prediction_records(path: Path) -> list[tuple[str, dict]]:
    """The records of a predictions file, each with where it came from (for error messages)."""
    return [(f"{path}: line {number}", record) for number, record in read_jsonl(path)]


def extracted_records(paths: list[Path]) -> list[tuple[str, dict]]:
    """Run the extractor over article files: their `extract` records."""
    from .extractor import extract

    return [
        (f"{path}: extracted", record)
        for path in paths
        for record in extract(read_text(path)).as_json_records(path.stem)
    ]


def collect_predictions(records: list[tuple[str, dict]], gold: dict[str, Article]) -> tuple[dict, int]:
    """Predictions by article, and how many records named an article the gold does not have."""
    predictions, unknown = defaultdict(list), 0
    for where, record in records:
        stem = stem_of(record["article"])
        if not record.get("quote"):
            continue
        if stem not in gold:
            unknown += 1
        else:
            prediction = to_prediction(record, gold[stem].text, where)
            if prediction:
                predictions[stem].append(prediction)
    return predictions, unknown


def evaluate_files(gold_path: Path, inputs: list[Path], articles_dir: Path | None = None) -> dict:
    """Score one predictions .jsonl file, or the extractor run over article files and folders, against
    gold. JSON Lines gold finds its articles among the paths given and in `articles_dir` (by
    default its own folder). Extracting scores only the gold articles extracted."""
    predictions_file = len(inputs) == 1 and inputs[0].is_file() and inputs[0].suffix == ".jsonl"
    if not predictions_file and any(path.suffix == ".jsonl" for path in inputs):
        raise EvaluationError("give either one predictions .jsonl file or article paths, not both")
    paths = [] if predictions_file else article_paths(inputs)
    texts = {path.stem: path for path in sorted((articles_dir or gold_path.parent).glob("*.txt"))}
    texts.update((path.stem, path) for path in paths)
    gold = read_gold(gold_path, texts)
    if predictions_file:
        records = prediction_records(inputs[0])
    else:
        gold = {stem: article for stem, article in gold.items() if stem in {p.stem for p in paths}}
        if not gold:
            raise EvaluationError(f"{gold_path}: none of the articles given is in the gold")
        records = extracted_records([path for path in paths if path.stem in gold])
    predictions, unknown = collect_predictions(records, gold)
    return score(gold, predictions) | {"predictions_for_other_articles": unknown}


# ---------------------------------------------------------------- scoring


def score_article(article: Article, predictions: list[Prediction], in_view, prediction_in_view) -> Counts:
    """Match the article's gold in a view against all its predictions, greedily by overlap."""
    golds = [g for g in article.gold if in_view(g)]
    pairs = sorted(((g.overlap(p.span), i, j) for i, g in enumerate(golds) for j, p in enumerate(predictions)),
                   reverse=True)
    matched_gold, matched_prediction, counts = set(), set(), Counts()
    for share, i, j in pairs:
        if share < MIN_OVERLAP:
            break
        if i in matched_gold or j in matched_prediction:
            continue
        matched_gold.add(i)
        matched_prediction.add(j)
        gold, prediction = golds[i], predictions[j]
        if gold.optional:
            continue
        counts.tp += 1
        counts.exact += prediction.span in (gold.span, *gold.segments)
        counts.speaker += gold.speaker_matches(prediction)
        counts.source_kind += prediction.source_kind == gold.source_kind
        counts.type += prediction.type == gold.type
    counts.fn = sum(1 for i, g in enumerate(golds) if i not in matched_gold and not g.optional)
    counts.fp = sum(
        1 for j, p in enumerate(predictions)
        if j not in matched_prediction and prediction_in_view(p)
        and not any(g.overlap(p.span) >= MIN_OVERLAP for g in article.gold)
    )
    return counts


# Each view: which gold attributions it holds, and which unmatched predictions count against it.
VIEW_FILTERS = {
    "all": (lambda g: True, lambda p: True),
    "speech": (lambda g: g.speech, lambda p: True),
    "direct": (lambda g: g.direct, lambda p: p.direct),
}
TYPE_FILTERS = {t: (lambda g, t=t: g.type == t, lambda p, t=t: p.type == t) for t in TYPES}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summarise(counts: Counts, typed: bool) -> dict:
    precision, recall, f1 = prf(counts.tp, counts.fp, counts.fn)
    near_misses = counts.tp - counts.exact  # each both a false positive and a miss for exact spans
    exact_f1 = prf(counts.exact, counts.fp + near_misses, counts.fn + near_misses)[2]

    def accuracy(right):
        return round(right / counts.tp, 4) if counts.tp else None

    return {
        "gold": counts.tp + counts.fn, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "exact_f1": round(exact_f1, 4),
        "speaker_accuracy": accuracy(counts.speaker),
        "source_kind_accuracy": accuracy(counts.source_kind) if typed else None,
        "type_accuracy": accuracy(counts.type) if typed else None,
    }


def score(gold: dict[str, Article], predictions: dict[str, list[Prediction]]) -> dict:
    """The report: figures by view, by gold type (JSON Lines gold), and errors by article."""
    typed = any(g.type for article in gold.values() for g in article.gold)

    def score_rows(filters):
        rows, by_article = {}, {}
        for name, (in_view, prediction_in_view) in filters.items():
            total = Counts()
            for stem, article in gold.items():
                by_article[name, stem] = score_article(article, predictions.get(stem, []), in_view,
                                                       prediction_in_view)
                total.add(by_article[name, stem])
            rows[name] = summarise(total, typed)
        return rows, by_article

    views, by_article = score_rows(VIEW_FILTERS)
    errors = []
    for stem in gold:
        c = by_article["all", stem]
        errors.append({"article": stem, "errors": c.fp + c.fn + c.tp - c.speaker, "missed": c.fn,
                       "spurious": c.fp, "wrong_speaker": c.tp - c.speaker})
    errors.sort(key=lambda e: (-e["errors"], e["article"]))
    return {
        "articles": len(gold),
        "predictions": sum(len(p) for p in predictions.values()),
        "views": views,
        "types": score_rows(TYPE_FILTERS)[0] if typed else {},
        "articles_by_errors": errors,
    }


def format_report(report: dict, worst: int | None = None) -> str:
    columns = ("precision", "recall", "f1", "exact_f1", "speaker_accuracy", "source_kind_accuracy",
               "type_accuracy")

    def row(name, v):
        cells = "".join("      -" if v[key] is None else f" {v[key]:6.3f}" for key in columns)
        return f"{name:13s} {v['gold']:5d} {v['tp']:5d} {v['fp']:5d} {v['fn']:5d}{cells}"

    lines = [
        f"{report['articles']} articles, {report['predictions']} predictions",
        f"{'view':13s} {'gold':>5s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}"
        f" {'exact':>6s} {'speakr':>6s} {'kind':>6s} {'type':>6s}",
    ]
    lines += [row(name, v) for name, v in report["views"].items()]
    lines += [row(f"type {name}", v) for name, v in report["types"].items()]
    lines.append("exact: F1 of exact spans; speakr, kind, type: accuracy over the matches")
    if worst:
        lines.append("articles with the most errors:")
        lines += [f"{e['errors']:5d}  {e['article']}  (missed {e['missed']}, spurious {e['spurious']},"
                  f" wrong speaker {e['wrong_speaker']})" for e in report["articles_by_errors"][:worst]]
    return "\n".join(lines)
