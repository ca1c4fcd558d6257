"""`extract` and `load` read text files, saved HTML pages, JSON, JSON Lines and CSV
records and standard input, and find the same attributions in the same article whatever
its form. The articles are our own, about invented places and people."""
import csv
import io
import json
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_quotes.cli import cli

# Each article: its headline, address, date and paragraphs, in several wire styles.
ARTICLES = {
    "night-ferry": {
        "title": "Night ferry to Vesk returns in June",
        "url": "https://harbour-gazette.example/2026/05/09/night-ferry",
        "date": "2026-05-09",
        "paragraphs": [
            "Port Ellery, May 9 (PTI): \u201cThe night ferry to Vesk will run again from June,\u201d "
            "Harbourmaster Wen Ostrova told reporters on Saturday.",
            "Ostrova said the port had hired twelve new deckhands and that the old pier would be "
            "\u201cclosed for good\u201d by autumn.",
            "In a post on X, the Ferry Workers' Union wrote that the crews had not been consulted. (PTI)",
        ],
    },
    "apricot-frost": {
        "title": "Late frost halves Kellbrook apricot blossom",
        "url": "https://valley-news.example/apricot-frost",
        "date": "2026-05-11",
        "paragraphs": [
            "Kellbrook, May 11 (Reuters) - Growers in the valley expect the smallest apricot harvest in a "
            "decade after a late frost, the regional farm board said on Monday.",
            "\u201cWe lost more than half of the blossom in two nights,\u201d Ivo Brannagh, who chairs the "
            "growers' cooperative, said in a statement.",
            "The Belmar Press news agency quoted Agriculture Minister Dario Fenn as saying that relief "
            "payments would begin in July.",
        ],
    },
    "tram-strike": {
        "title": "Dessau Ridge tram drivers call off strike",
        "url": "https://ridge-courier.example/news/tram-strike",
        "date": "2026-05-12",
        "paragraphs": [
            "DESSAU RIDGE (AP) \u2014 Tram drivers in Dessau Ridge called off a strike planned for "
            "Wednesday after the city offered a new rota.",
            "\u201cThe offer is not perfect, but it is a start,\u201d said Pell Odum, a driver for 19 years.",
            "Mayor Tilda Varnham told the council that the rota would be reviewed in the autumn.",
        ],
    },
}


def text_of(article) -> str:
    """The article as a plain-text file: a date header, then paragraphs."""
    return f"date {article['date']}\n\n" + "\n\n".join(article["paragraphs"]) + "\n"


def page_of(article) -> str:
    """The article as a saved web page, with the menus and footer pages have."""
    paragraphs = "\n".join(f"<p>{paragraph}</p>" for paragraph in article["paragraphs"])
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{article['title']}</title>\n"
        f"<meta property=\"og:title\" content=\"{article['title']}\">\n"
        f"<meta property=\"article:published_time\" content=\"{article['date']}T08:15:00Z\">\n"
        f"<link rel=\"canonical\" href=\"{article['url']}\">\n"
        "</head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/weather\">Weather</a></nav>\n"
        f"<article><h1>{article['title']}</h1>\n{paragraphs}\n</article>\n"
        "<footer>Subscribe to our newsletter. Copyright 2026. <a href=\"/privacy\">Privacy</a></footer>\n"
        "</body></html>\n"
    )


def record_of(name, article) -> dict:
    return {"id": name, "text": text_of(article), "date": article["date"], "title": article["title"],
            "url": article["url"]}


def csv_of(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_forms(folder):
    """The same articles as .txt files, .html pages, a JSON Lines file, a JSON array and
    a CSV file: one folder (or file) per form."""
    records = [record_of(name, article) for name, article in ARTICLES.items()]
    forms = {}
    for form, suffix, content_of in (("text", "txt", text_of), ("html", "html", page_of)):
        forms[form] = folder / form
        forms[form].mkdir(parents=True)
        for name, article in ARTICLES.items():
            (forms[form] / f"{name}.{suffix}").write_text(content_of(article), encoding="utf-8")
    forms["jsonl"] = folder / "stories.jsonl"
    forms["jsonl"].write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    forms["json"] = folder / "stories.json"
    forms["json"].write_text(json.dumps(records, indent=2), encoding="utf-8")
    forms["csv"] = folder / "stories.csv"
    forms["csv"].write_text(csv_of(records), encoding="utf-8", newline="")
    return forms


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input)


def extracted(output):
    return [json.loads(line) for line in output.splitlines()]


def attribution(line) -> tuple:
    """What must not depend on the input's form (offsets index each form's own text)."""
    speaker = line["speaker"]["text"] if line["speaker"] else None
    cue = line["cue"]["text"] if line["cue"] else None
    return (line["quote"]["text"], line["type"], speaker, line["speaker_name"], line["speaker_kind"],
            line["speaker_title"], cue, json.dumps(line["source"], sort_keys=True), line["article_meta"]["date"])


STORED_ATTRIBUTIONS = """
select quotes.text, quotes.type, speaker_text, speakers.name, speakers.kind, speaker_title, cue,
  json_object('kind', source_kind, 'platform', platform, 'date', source_date, 'via', json(via)), articles.date
from quotes join articles on articles.id = quotes.article_id left join speakers on speakers.id = speaker_id
"""


def stored(db_path) -> list[tuple]:
    rows = sqlite3.connect(db_path).execute(STORED_ATTRIBUTIONS).fetchall()
    return sorted((*row[:7], json.dumps(json.loads(row[7]), sort_keys=True), row[8]) for row in rows)


def assert_consistent(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    conn.execute("insert into articles_fts(articles_fts, rank) values ('integrity-check', 1)")


def test_every_form_gives_the_same_attributions_in_extract_and_load(tmp_path):
    forms = write_forms(tmp_path / "in")
    by_form = {}
    for form, path in forms.items():
        result = run("extract", path)
        assert result.exit_code == 0, (form, result.output)
        lines = extracted(result.stdout)
        by_form[form] = sorted(attribution(line) for line in lines)
        db_path = tmp_path / f"{form}.db"
        loaded = run("load", db_path, path)
        assert loaded.exit_code == 0, (form, loaded.output)
        assert loaded.stdout.startswith(f"Loaded {len(ARTICLES)} articles, {len(lines)} quotes")
        assert stored(db_path) == by_form[form], form
    text = by_form.pop("text")
    assert {form: lines for form, lines in by_form.items()} == {form: text for form in by_form}
    # Not a trivial agreement: every kind of attribution, a platform and a relay are in it.
    assert {line[1] for line in text} == {"direct", "partial", "indirect"}
    assert any('"platform": "X"' in line[7] for line in text)
    assert any('"via": ["Belmar Press"]' in line[7] for line in text)


def test_where_each_article_came_from_is_in_the_output_and_the_database(tmp_path):
    forms = write_forms(tmp_path / "in")
    for form, path in forms.items():
        lines = extracted(run("extract", path).stdout)
        came_from = {(line["article"], line["article_title"], line["article_url"]) for line in lines}
        assert came_from == {(name, None, None) if form == "text" else (name, article["title"], article["url"])
                             for name, article in ARTICLES.items()}, form
    db_path = tmp_path / "quotes.db"
    assert run("load", db_path, forms["html"], forms["csv"]).exit_code == 0
    rows = sqlite_utils.Database(db_path).execute("select file, title, url, source, date from articles").fetchall()
    assert sorted(rows) == sorted(
        [(f"{name}.html", a["title"], a["url"], str(forms["html"] / f"{name}.html"), a["date"]) for name, a in ARTICLES.items()]
        + [("stories.csv", a["title"], a["url"], f"{forms['csv']}#{name}", a["date"]) for name, a in ARTICLES.items()])


def test_a_page_keeps_its_body_without_headline_or_menus(tmp_path):
    article = ARTICLES["night-ferry"]
    page = tmp_path / "ferry.html"
    page.write_text(page_of(article), encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    assert run("load", db_path, page).exit_code == 0
    [text] = sqlite_utils.Database(db_path).execute("select text from articles").fetchone()
    assert text == "\n\n".join(article["paragraphs"])


def test_column_options_name_the_fields_and_a_record_date_overrides_the_text(tmp_path):
    article = ARTICLES["night-ferry"]
    # The text says May 9; the record says Tuesday May 12, so "on Saturday" is May 9 still.
    row = {"story_id": "77", "body": text_of(article), "published": "2026-05-12T06:00:00+00:00",
           "headline": "Ferry back", "link": "https://example.org/77"}
    path = tmp_path / "export.csv"
    path.write_text(csv_of([row]), encoding="utf-8", newline="")
    options = ["--text", "body", "--id", "story_id", "--date", "published", "--title", "headline", "--url", "link"]
    lines = extracted(run("extract", path, *options).stdout)
    assert lines and {line["article"] for line in lines} == {"77"}
    assert {line["article_meta"]["date"] for line in lines} == {"2026-05-12"}
    assert {(line["article_title"], line["article_url"]) for line in lines} == {("Ferry back", "https://example.org/77")}
    told = next(line for line in lines if line["cue"]["text"] == "told")
    assert told["source"]["date"] == "2026-05-09"
    # Without the record's date the text's own header is used.
    plain = extracted(run("extract", path, "--text", "body").stdout)
    assert {line["article_meta"]["date"] for line in plain} == {"2026-05-09"}
    assert {line["article"] for line in plain} == {"export#1"}


def test_bad_records_are_one_line_errors_and_the_good_ones_still_load(tmp_path):
    good = record_of("night-ferry", ARTICLES["night-ferry"])
    lines = [
        json.dumps(good),
        "{\"id\": \"broken\", \"text\": ",
        json.dumps({"id": "no-text", "body": "words"}),
        json.dumps({"id": "numeric", "text": 42}),
        json.dumps({"id": "bad-date", "text": text_of(ARTICLES["tram-strike"]), "date": "last Tuesday"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "blank", "text": "  \n"}),
        json.dumps(record_of("apricot-frost", ARTICLES["apricot-frost"])),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    result = run("load", db_path, path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {path}: record 2: not valid JSON: Expecting value (column 25)",
        f"Error: {path}: record 3: no field 'text'",
        f"Error: {path}: record 4: 'text' is a number, not text",
        f"Error: {path}: record 5: 'date': not a YYYY-MM-DD date: 'last Tuesday'",
        f"Error: {path}: record 6: an array, not an object of fields",
        f"Error: {path}: record 7: 'text' is empty",
    ]
    assert sorted(row[0] for row in sqlite3.connect(db_path).execute("select source from articles")) == [
        f"{path}#apricot-frost", f"{path}#night-ferry"]
    assert_consistent(db_path)
    # --strict stops at the first bad record and keeps those before it.
    strict_db = tmp_path / "strict.db"
    result = run("load", strict_db, path, "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {path}: record 2: not valid JSON: Expecting value (column 25)"]
    assert [row[0] for row in sqlite3.connect(strict_db).execute("select source from articles")] == [f"{path}#night-ferry"]
    assert_consistent(strict_db)


def test_a_missing_column_or_a_bad_file_is_one_line_and_nothing_is_stored(tmp_path):
    records = [record_of(name, article) for name, article in ARTICLES.items()]
    csv_path = tmp_path / "stories.csv"
    csv_path.write_text(csv_of(records), encoding="utf-8", newline="")
    json_path = tmp_path / "object.json"
    json_path.write_text(json.dumps(records[0]), encoding="utf-8")
    broken_path = tmp_path / "broken.json"
    broken_path.write_text("[{\"text\": \"a\"},", encoding="utf-8")
    db_path = tmp_path / "quotes.db"
    result = run("load", db_path, csv_path, json_path, broken_path, "--text", "body")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {csv_path}: no column 'body' (its columns: id, text, date, title, url)",
        f"Error: {json_path}: not a JSON array of records",
        f"Error: {broken_path}: not valid JSON: Expecting value (line 1 column 16)",
    ]
    assert sqlite_utils.Database(db_path)["articles"].count == 0
    # A field named on the command line must be in every record; a default one may be missing.
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(json.dumps(records[0]) + "\n" + json.dumps({"text": records[1]["text"]}) + "\n", encoding="utf-8")
    result = run("extract", jsonl, "--title", "title")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {jsonl}: record 2: no field 'title'"]
    assert {line["article"] for line in extracted(result.stdout)} == {"night-ferry"}
    result = run("extract", jsonl)
    assert result.exit_code == 0
    assert {line["article"] for line in extracted(result.stdout)} == {"night-ferry", "mixed#2"}


def test_standard_input_gives_what_the_file_gives(tmp_path):
    forms = write_forms(tmp_path / "in")
    for form, path in (("text", forms["text"] / "night-ferry.txt"), ("html", forms["html"] / "night-ferry.html"),
                       ("jsonl", forms["jsonl"]), ("csv", forms["csv"]), ("json", forms["json"])):
        from_file = extracted(run("extract", path).stdout)
        options = [] if form == "text" else ["--format", form]
        piped = run("extract", "-", *options, input=path.read_bytes())
        assert piped.exit_code == 0, piped.output
        from_stdin = extracted(piped.stdout)
        assert [attribution(line) for line in from_stdin] == [attribution(line) for line in from_file]
        # Records keep their ids, pages and records their titles; a text or page is <stdin>.
        assert [(line["article"], line["article_title"]) for line in from_stdin] == [
            ("<stdin>" if form in ("text", "html") else line["article"], line["article_title"]) for line in from_file]
    db_path = tmp_path / "quotes.db"
    result = CliRunner().invoke(cli, ["load", str(db_path), "-"], input=b"")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == ["Error: <stdin>: empty file"]


def test_folders_give_pages_and_record_files_too(tmp_path):
    forms = write_forms(tmp_path / "in")
    (tmp_path / "in" / "notes.md").write_text("\u201cNot an article,\u201d said Nobody.", encoding="utf-8")
    lines = extracted(run("extract", tmp_path / "in").stdout)
    one_form = len(extracted(run("extract", forms["text"]).stdout))
    # The .txt files, and the .html pages and three record files, which give titles; not notes.md.
    assert len(lines) == 5 * one_form
    assert len([line for line in lines if line["article_title"]]) == 4 * one_form
    assert {line["article"] for line in lines} == set(ARTICLES)


def test_a_database_made_before_titles_and_urls_still_loads(tmp_path):
    db_path = tmp_path / "old.db"
    old = sqlite_utils.Database(db_path)
    old["articles"].insert({"id": "0123456789abcdef", "file": "old.txt", "date": "2026-01-02", "dateline": None,
                            "agency": None, "text": "An article loaded before."}, pk="id")
    old.close()
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(record_of("tram-strike", ARTICLES["tram-strike"])) + "\n", encoding="utf-8")
    result = run("load", db_path, path)
    assert result.exit_code == 0, result.output
    rows = sqlite_utils.Database(db_path).execute("select file, title, source from articles order by rowid").fetchall()
    assert rows == [("old.txt", None, None), ("stories.jsonl", ARTICLES["tram-strike"]["title"], f"{path}#tram-strike")]
    assert_consistent(db_path)


@pytest.mark.parametrize("options, message", [
    (["--table", "stories", "--text-column", "body", "--id-column", "id", "--text", "body"],
     "--format, --text, --id, --date, --title and --url are for PATHs, not --table or --shards"),
])
def test_record_options_are_for_paths_only(tmp_path, options, message):
    db_path = tmp_path / "stories.db"
    sqlite_utils.Database(db_path)["stories"].insert({"id": 1, "body": "words"}, pk="id")
    result = run("load", db_path, *options)
    assert result.exit_code == 2
    assert message in result.output


def test_workers_store_records_and_pages_as_one_process_does(tmp_path):
    forms = write_forms(tmp_path / "in")
    dumps = {}
    for workers in (1, 2):
        db_path = tmp_path / f"workers-{workers}.db"
        result = run("load", db_path, forms["jsonl"], forms["html"], forms["csv"], "--workers", workers)
        assert result.exit_code == 0, result.output
        dumps[workers] = list(sqlite_utils.Database(db_path).conn.iterdump())
    assert dumps[1] == dumps[2]


def test_a_page_without_text_or_that_the_parser_fails_on_is_one_line(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a-empty.html").write_text("<!DOCTYPE html><html><head><title>Closed</title></head><body></body></html>",
                                         encoding="utf-8")
    # trafilatura fails an internal assertion on a page that opens with an SVG element.
    (folder / "b-svg.html").write_text("<svg><html><body><p>Hi</p></body></html>", encoding="utf-8")
    (folder / "c-ferry.html").write_text(page_of(ARTICLES["night-ferry"]), encoding="utf-8")
    for workers in (1, 2):
        db_path = tmp_path / f"{workers}.db"
        result = run("load", db_path, folder, "--workers", workers)
        assert result.exit_code == 1
        empty, svg = result.stderr.splitlines()
        assert empty == f"Error: {folder / 'a-empty.html'}: an HTML page with no article text found in it"
        assert svg.startswith(f"Error: {folder / 'b-svg.html'}: an HTML page that trafilatura cannot read (")
        assert [row[0] for row in sqlite3.connect(db_path).execute("select file from articles")] == ["c-ferry.html"]


def test_encodings_of_record_files(tmp_path):
    records = [record_of(name, article) for name, article in ARTICLES.items()]
    lines = [json.dumps(record, ensure_ascii=False).encode("utf-8") for record in records]
    lines[1] = lines[1].replace(b"apricot harvest", b"apric\xf6t harvest")  # one Latin-1 byte
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_bytes(b"\n".join(lines) + b"\n")
    result = run("extract", jsonl)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Warning: {jsonl}: record 2: not valid UTF-8, undecodable bytes replaced"]
    assert {line["article"] for line in extracted(result.stdout)} == set(ARTICLES)
    # A spreadsheet's UTF-8 byte-order mark is not part of the first column's name.
    with_bom = tmp_path / "excel.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + csv_of(records).encode("utf-8"))
    assert {line["article"] for line in extracted(run("extract", with_bom).stdout)} == set(ARTICLES)
    utf16 = tmp_path / "unicode.csv"
    utf16.write_bytes(csv_of(records).encode("utf-16"))
    result = run("extract", utf16)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {utf16}: UTF-16 text; convert it to UTF-8"]
