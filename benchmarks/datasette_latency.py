"""Datasette latency on a database of one million quotes: p50 and p95 of the quote view with
its facets, a full-text search, a speaker page and an article page, and the server's CPU
time per request.

    python benchmarks/datasette_latency.py                       # builds /tmp/quotes-1m/quotes.db once
    python benchmarks/datasette_latency.py --quotes 100000 --requests 10

The database is built with the real `load` on the project's `data/` articles, then every
article, quote and relay row is copied with SQL under new ids (each copy of an article
gets another date; speakers are copied 50 ways, so facets see thousands of speakers), the
copies are indexed for search as a load indexes a batch, and the quote view's facet counts
and ANALYZE run as after a load.
Every quote is copied alike, so a word matches a multiple of the copies (4,099 quotes or more
on a million). For searches that match fewer, as most do in a real archive, a word found in
one quote of the data is written reversed, in the article text and its quotes alike (the
offsets still hold), in every 41st copy of its article ("slerrab": about 100 quotes) or every
4th ("gnihtaerb": about 1,000); "bilateral" (about 10,000) and "india" (about 100,000) are
words of the data as they are. The search by matches is timed on these four words.
Datasette is started on 127.0.0.1 with the project's metadata.yml and default settings
(plus trace_debug, to show the slowest SQL of each page; --no-suggest turns facet
suggestions off); every request goes to 127.0.0.1 and their number is bounded.
"""
import html
import json
import math
import socket
import statistics
import subprocess
import time
from pathlib import Path

import click
import httpx
import psutil
import regex
import sqlite_utils
from click.testing import CliRunner

from datasette_quotes import facet_counts, store
from datasette_quotes.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SPEAKER_VARIANTS = 50
DAYS = 730
STARTUP_SECONDS = 300
SEARCH_WORDS = ["minister", "satellite", "visit", "fishermen", "talks"]  # each in 20,000 to 90,000 quotes
# A word of one quote of data/, and every how many copies of its article write it reversed.
REVERSED_IN_COPIES = {"barrels": 41, "breathing": 4}
# Searches by how many quotes they match: about 100, 1,000, 10,000 and 100,000.
SEARCHES_BY_MATCHES = ["slerrab", "gnihtaerb", "bilateral", "india"]


def build(db_path: Path, quotes_wanted: int) -> None:
    result = CliRunner().invoke(cli, ["load", str(db_path), str(ROOT / "data")])
    if result.exit_code:
        raise click.ClickException(f"load failed: {result.output}")
    db = sqlite_utils.Database(db_path)
    base = db["quotes"].count
    copies = math.ceil(quotes_wanted / base) - 1
    columns = {table: [c.name for c in db[table].columns] for table in ("articles", "speakers", "quotes", "quote_via")}

    def select(table: str, replace: dict[str, str]) -> str:
        return ", ".join(replace.get(c, f"[{c}]") for c in columns[table])

    copy_ids = f"with recursive k(n) as (select 1 union all select n + 1 from k where n < {copies})"
    shifted = f"date(coalesce(date, '2026-01-01'), '-' || (n % {DAYS}) || ' days')"
    newest = store._newest_rowids(db)
    with db.conn:
        # As a load does: the copies are indexed for search in one statement, not by triggers.
        for table in store.FTS_COLUMNS:
            db.execute(f"drop trigger [{table}_ai]")
        db.execute(f"""insert into articles {copy_ids} select {select("articles", {
            "id": "id || '-' || n",
            "file": "n || '-' || file",
            "date": shifted,
        })} from articles, k where instr(id, '-') = 0""")
        db.execute(f"""insert into speakers {copy_ids} select {select("speakers", {
            "id": "id || '-' || n", "name": "name || ' ' || n",
        })} from speakers, k where n < {SPEAKER_VARIANTS} and instr(id, '-') = 0""")
        db.execute(f"""insert into quotes {copy_ids} select {select("quotes", {
            "id": "id || '-' || n",
            "article_id": "article_id || '-' || n",
            "speaker_id": f"case when n % {SPEAKER_VARIANTS} = 0 then speaker_id"
                          f" else speaker_id || '-' || (n % {SPEAKER_VARIANTS}) end",
            "speaker_name": f"case when n % {SPEAKER_VARIANTS} = 0 then speaker_name"
                            f" else speaker_name || ' ' || (n % {SPEAKER_VARIANTS}) end",
            "article_date": shifted.replace("date,", "article_date,"),
            "article_month": "substr(" + shifted.replace("date,", "article_date,") + ", 1, 7)",
            "article_file": "n || '-' || article_file",
        })} from quotes, k where instr(id, '-') = 0""")
        db.execute(f"""insert into quote_via {copy_ids} select {select("quote_via", {
            "quote_id": "quote_id || '-' || n",
        })} from quote_via, k where instr(quote_id, '-') = 0""")
        store._index_new_rows(db, newest)
    store.ensure_schema(db)  # the insert triggers again
    facet_counts.refresh(db)
    store.analyze(db)


def reverse_in_copies(db: sqlite_utils.Database) -> None:
    """Write each REVERSED_IN_COPIES word reversed in every k-th copy of its article, once."""
    for word, every in REVERSED_IN_COPIES.items():
        reversed_word = word[::-1]
        if db.execute("select 1 from quotes_fts where quotes_fts match ? limit 1", [reversed_word]).fetchone():
            continue
        (article,), = db.execute("select article_id from quotes where instr(id, '-') = 0 and rowid in"
                                 " (select rowid from quotes_fts where quotes_fts match ?)", [word]).fetchall()
        copies = (f"select id from articles where id like :article || '-%'"
                  f" and cast(substr(id, length(:article) + 2) as integer) % {every} = 1")
        params = {"article": article, "word": word, "reversed": reversed_word}
        with db.conn:
            # The quote text is not a facet: the stored facet counts stay right.
            for event in facet_counts.TRIGGER_EVENTS:
                db.execute(f"drop trigger quotes_facet_counts_{event}")
            db.execute(f"update articles set text = replace(text, :word, :reversed) where id in ({copies})", params)
            db.execute(f"update quotes set text = replace(text, :word, :reversed)"
                       f" where article_id in ({copies}) and instr(text, :word)", params)
            facet_counts.create(db)
            (misplaced,), = db.execute(
                f"select count(*) from quotes join articles on articles.id = quotes.article_id"
                f" where article_id in ({copies}) and (substr(articles.text, start + 1, end - start) is not quotes.text"
                f" or substr(articles.text, speaker_start + 1, speaker_end - speaker_start) is not speaker_text"
                f" or substr(articles.text, cue_start + 1, cue_end - cue_start) is not cue)", params).fetchall()
            if misplaced:
                raise click.ClickException(f"reversing {word!r}: {misplaced} quotes no longer match their article")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


def slowest_sql(client: httpx.Client, url: str, top: int = 3) -> list[tuple[float, str]]:
    """The slowest SQL queries one request of the HTML page `url` ran, from Datasette's trace
    (appended to the page as a JSON block)."""
    try:
        text = client.get(url + ("&" if "?" in url else "?") + "_trace=1").text
    except httpx.HTTPError:  # Datasette's tracer can cut a large page short
        return []
    if "<pre>" not in text:
        return []
    trace = json.loads(html.unescape(text[text.rindex("<pre>") + len("<pre>"):text.rindex("</pre>")]))
    timed = [(q["duration_ms"], " ".join(q["sql"].split())) for q in trace["traces"] if "sql" in q]
    return sorted(timed, reverse=True)[:top]


def wait_until_serving(client: httpx.Client, server: subprocess.Popen) -> None:
    """Datasette opens a large database slowly (it counts tables first): poll until it answers."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise click.ClickException(f"datasette exited with status {server.returncode}")
        try:
            client.get("/-/versions.json")
            return
        except httpx.TransportError:
            time.sleep(0.5)
    raise click.ClickException(f"datasette did not answer within {STARTUP_SECONDS} s")


def facets_timed_out(client: httpx.Client, url: str) -> str:
    """Facets Datasette gave up on (facet_time_limit_ms) for a table or view page, or the
    SQL that made the page fail."""
    path, _, query = url.partition("?")
    if "/-/" in path:
        return ""
    body = client.get(f"{path}.json?{query}").json()
    if not body.get("ok", True):
        failed_sql = regex.search(r"<textarea[^>]*>(.*?)</textarea>", body["error"], regex.S)
        return f"page failed: {body['title']}: " + (" ".join(failed_sql.group(1).split()) if failed_sql else body["error"])
    # Datasette 0.65 tells the facets that timed out on the HTML page only, not in its JSON.
    timed_out = regex.search(r'<p class="facets-timed-out">These facets timed out: (.*?)</p>', client.get(url).text)
    return html.unescape(timed_out.group(1)) if timed_out else ""


def measure(client: httpx.Client, server_cpu: psutil.Process, name: str, urls: list[str], count: int) -> None:
    """Time `count` requests of `urls` in turn and print their p50, p95, the server's CPU time per
    request, the failures and the slowest SQL of the first."""
    for url in urls:  # warm: the first request of a page pays for its cold caches
        client.get(url)
    times, failed = [], 0
    cpu_before = server_cpu.cpu_times()
    for i in range(count):
        started = time.perf_counter()
        response = client.get(urls[i % len(urls)])
        times.append((time.perf_counter() - started) * 1000)
        failed += response.status_code != 200  # 400 is Datasette's "SQL query took too long"
    cpu_after = server_cpu.cpu_times()
    # The server's CPU time per request: unlike latency, it does not depend on
    # what else the machine runs.
    cpu_ms = (cpu_after.user + cpu_after.system - cpu_before.user - cpu_before.system) * 1000 / count
    click.echo(f"{name:24s} {statistics.median(times):8.0f} {percentile(times, 0.95):8.0f} {cpu_ms:7.0f} "
               f"{failed:4d}/{count:<2d}  {facets_timed_out(client, urls[0])[:200] or '-'}")
    for ms, sql in slowest_sql(client, urls[0]):
        click.echo(f"{'':55s} {ms:7.0f}  {sql[:140]}")


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("/tmp/quotes-1m/quotes.db"), show_default=True,
              help="Database to serve; built first when it does not exist. Must be named quotes.db.")
@click.option("--quotes", "quotes_wanted", type=click.IntRange(min=1000), default=1_000_000, show_default=True)
@click.option("--requests", "count", type=click.IntRange(min=1, max=200), default=20, show_default=True,
              help="Timed requests per page kind.")
@click.option("--no-suggest", is_flag=True, help="Serve with --setting suggest_facets off, as a large "
              "published database would be.")
def main(db_path, quotes_wanted, count, no_suggest):
    if db_path.name != "quotes.db":
        raise click.ClickException(f"{db_path}: metadata.yml describes a database file named quotes.db")
    if not db_path.exists():
        db_path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        build(db_path, quotes_wanted)
        click.echo(f"Built {db_path} in {time.perf_counter() - started:.0f} s")
    db = sqlite_utils.Database(db_path)
    store.ensure_schema(db)  # a database built earlier gets the store's current views
    reverse_in_copies(db)  # and the rarer words
    started = time.process_time()
    facet_counts.refresh(db)  # as a load ends; nothing to do when the counts are there
    click.echo(f"Facet counts refreshed in {time.process_time() - started:.1f} s CPU")
    click.echo(f"{db_path}: {db['quotes'].count:,} quotes, {db['articles'].count:,} articles, "
               f"{db['speakers'].count:,} speakers, {db_path.stat().st_size / 2**20:,.0f} MB")
    speakers = [row["speaker_id"] for row in db.query(
        "select speaker_id from quotes where speaker_id is not null group by speaker_id"
        " order by count(*) desc limit 5")]
    articles = [row["id"] for row in db.query("select id from articles order by random() limit 5")]
    quotes = [row["id"] for row in db.query("select id from quotes order by random() limit 5")]
    searches_by_matches = {word: db.execute("select count(*) from quotes_fts where quotes_fts match ?", [word]).fetchone()[0]
                           for word in SEARCHES_BY_MATCHES}
    pages = {
        "quote view + facets": ["/quotes/quotes_view"],
        "quotes table + facets": ["/quotes/quotes"],
        "search (quote view)": [f"/quotes/quotes_view?_search={w}" for w in SEARCH_WORDS],
        "search (quotes table)": [f"/quotes/quotes?_search={w}" for w in SEARCH_WORDS],
        "search (search_quotes)": [f"/quotes/search_quotes?words={w}" for w in SEARCH_WORDS],
        "speaker page": [f"/quotes/-/speaker/{s}" for s in speakers],
        "speaker's quotes (view)": [f"/quotes/quotes_view?speaker_id={s}" for s in speakers],
        "article page": [f"/quotes/-/article/{a}" for a in articles],
        "quote page": [f"/quotes/-/quote/{q}" for q in quotes],
    }

    port = free_port()
    server = subprocess.Popen(
        ["datasette", "serve", str(db_path), "-m", str(ROOT / "metadata.yml"), "--host", "127.0.0.1",
         "--port", str(port), "--setting", "trace_debug", "1"]
        + (["--setting", "suggest_facets", "off"] if no_suggest else []),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            wait_until_serving(client, server)
            server_cpu = psutil.Process(server.pid)
            click.echo(f"{'page':24s} {'p50 ms':>8s} {'p95 ms':>8s} {'CPU ms':>7s} {'failed':>7s}  "
                       "facets timed out / slowest SQL (ms)")
            for name, urls in pages.items():
                measure(client, server_cpu, name, urls, count)
            click.echo(f"\nSearch by number of matching quotes ({count} requests each)")
            for word, matches in searches_by_matches.items():
                for page, path in (("view", "/quotes/quotes_view"), ("table", "/quotes/quotes")):
                    measure(client, server_cpu, f"{word} {matches:,} ({page})", [f"{path}?_search={word}"], count)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
