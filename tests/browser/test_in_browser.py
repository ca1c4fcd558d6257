"""The demo database in a real browser: facets, search, quote and article pages, hostile text.

Set DATASETTE_QUOTES_SCREENSHOTS to a folder (scripts/screenshots.sh uses docs/) to keep
the screenshots the README shows.
"""
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

QUOTES_VIEW = "/quotes/quotes_view"
# What the hostile article would run if it were rendered as HTML rather than shown as text.
SCRIPT_IN_ARTICLE = "<script>window.__pwned = 1</script>"
IMAGE_IN_QUOTE = "<img src=x onerror='window.__pwned = 2'>"


def query_args(page):
    return parse_qs(urlparse(page.url).query)


def column_values(page, column):
    return page.locator(f"table.rows-and-columns td.col-{column}").all_inner_texts()


def facet_links(page, column):
    return page.locator(f'.facet-info[data-column="{column}"] li a')


def facet_count(link):
    "The count printed after a facet value's link."
    item_text = link.locator("xpath=..").inner_text()
    return int(item_text.rsplit(" ", 1)[1].replace(",", ""))


def rows_reported(page):
    "The row count Datasette puts in a table page's title (`db: table: 1,234 rows where ...`)."
    return int(re.search(r": ([\d,]+) rows?\b", page.title()).group(1).replace(",", ""))


def open_first_quote_page(page, url):
    page.goto(url)
    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))


def assert_shown_as_text(page, snippet):
    assert snippet in page.locator("body").inner_text(), f"{snippet!r} is not shown on {page.url}"
    assert page.evaluate("window.__pwned") is None, f"injected script ran on {page.url}"
    assert page.locator('img[src="x"]').count() == 0, f"injected image rendered on {page.url}"


def assert_highlighted(mark):
    background = mark.evaluate("mark => getComputedStyle(mark).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the highlight has no colour"


def test_clicking_a_facet_filters_the_quote_view(page, datasette_url):
    page.goto(datasette_url + QUOTES_VIEW)
    for column in ("speaker", "type", "source_kind", "agency"):
        assert facet_links(page, column).count() > 0, f"no {column} facet on the quote view"
    link = facet_links(page, "type").first
    value, count = link.inner_text(), facet_count(link)
    link.click()
    page.wait_for_url(re.compile(r"[?&]type="))
    assert query_args(page)["type"] == [value]
    assert rows_reported(page) == count
    types = column_values(page, "type")
    assert types and set(types) == {value}


def test_search_box_finds_quotes_by_their_words(page, datasette_url):
    page.goto(datasette_url + QUOTES_VIEW)
    first_quote = column_values(page, "quote")[0]
    word = max(re.findall(r"[A-Za-z]+", first_quote), key=len)
    page.fill("#_search", word)
    page.press("#_search", "Enter")
    page.wait_for_url(re.compile(r"[?&]_search="))
    assert query_args(page)["_search"] == [word]
    found = column_values(page, "quote")
    assert first_quote in found
    assert all(word.lower() in quote.lower() for quote in found)


def test_quote_page_highlights_the_quote_inside_its_article(page, datasette_url):
    open_first_quote_page(page, datasette_url + QUOTES_VIEW)
    quote_text = page.locator(".quotes-text").inner_text()
    highlight = page.locator(".quotes-article mark")
    assert highlight.count() == 1
    assert highlight.inner_text() == quote_text
    assert_highlighted(highlight)
    article_text = page.locator(".quotes-article").inner_text()
    assert len(article_text) > len(quote_text)


def test_html_in_an_article_shows_as_text_on_every_page(page, datasette_url):
    search = f"{datasette_url}{QUOTES_VIEW}?_search=onerror"
    page.goto(search)
    assert_shown_as_text(page, IMAGE_IN_QUOTE)

    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    # The quote page shows the quote's own paragraph; the script is in another one.
    assert_shown_as_text(page, IMAGE_IN_QUOTE)

    page.goto(search)
    page.locator("td.col-article_id a").first.click()
    page.wait_for_url(re.compile(r"/-/article/"))
    assert_shown_as_text(page, SCRIPT_IN_ARTICLE)
    assert_shown_as_text(page, IMAGE_IN_QUOTE)

    page.goto(f"{datasette_url}/quotes/articles?_search=Tellweather")
    page.locator("table.rows-and-columns td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/quotes/articles/\w+$"))
    assert_shown_as_text(page, SCRIPT_IN_ARTICLE)


def test_screenshots_of_the_faceted_quote_view_and_a_quote_page(page, datasette_url, tmp_path):
    folder = Path(os.environ.get("DATASETTE_QUOTES_SCREENSHOTS") or tmp_path)
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.goto(datasette_url + QUOTES_VIEW + "?_facet_size=6")
    facet_links(page, "type").first.click()
    page.wait_for_url(re.compile(r"[?&]type="))
    # Start at the filters: the column descriptions above them fill the first screen.
    page.locator("form.filters").evaluate("form => window.scrollTo(0, form.offsetTop - 10)")
    page.screenshot(path=folder / "quote-view.png")

    page.set_viewport_size({"width": 1280, "height": 600})  # the page grows to its content
    open_first_quote_page(page, datasette_url + QUOTES_VIEW + "?via__contains=TASS")
    page.screenshot(path=folder / "quote-page.png", full_page=True)
    for name in ("quote-view.png", "quote-page.png"):
        assert (folder / name).read_bytes().startswith(b"\x89PNG")


def test_a_published_copy_under_a_base_url_keeps_every_link_inside_it(page, published_url):
    "Immutable (as `datasette publish` serves it) and behind a proxy that strips the prefix."
    prefix = urlparse(published_url).path + "/"
    page.route(
        re.compile(re.escape(prefix)),
        lambda route: route.continue_(url=route.request.url.replace(prefix, "/", 1)),
    )
    page.goto(published_url + QUOTES_VIEW)
    facet_links(page, "type").first.click()
    page.wait_for_url(re.compile(r"[?&]type="))
    assert page.url.startswith(published_url + QUOTES_VIEW)

    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    assert page.url.startswith(published_url + "/quotes/-/quote/")
    assert_highlighted(page.locator(".quotes-article mark"))  # the plugin's CSS loaded

    page.locator(".quotes-fields a", has_text=".txt").click()
    page.wait_for_url(re.compile(r"/-/article/"))
    assert page.url.startswith(published_url + "/quotes/-/article/")
    assert page.locator(".quotes-article mark").count() >= 1
