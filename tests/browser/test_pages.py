"""The plugin's own pages in a real browser: speaker page, relay chain, article marks,
the relaying-outlet and month facets, and a canned query's form."""
import re
from urllib.parse import parse_qs, urlparse

QUOTES_VIEW = "/quotes/quotes_view"


def background(locator):
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_speaker_page_from_a_quote_page(page, datasette_url):
    page.goto(datasette_url + QUOTES_VIEW + "?via__arraycontains=TASS")
    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    speaker = page.locator("dd.quotes-speaker a").inner_text()
    page.locator("dd.quotes-speaker a").click()
    page.wait_for_url(re.compile(r"/-/speaker/"))
    assert page.locator("h1").inner_text() == speaker
    count = int(page.locator("dd.quotes-count").inner_text().split()[0])
    assert page.locator("ol.quotes-list > li").count() == count
    for chart in ("quotes-by-source-kind", "quotes-by-month"):
        numbers = [int(n) for n in page.locator(f"table.{chart} td:nth-child(2)").all_inner_texts()]
        assert sum(numbers) == count, chart
        widths = [bar.bounding_box()["width"] for bar in page.locator(f"table.{chart} .quotes-bar").all()]
        # The largest count draws the longest bar.
        assert widths[numbers.index(max(numbers))] == max(widths) > 0, chart


def test_relay_chain_reads_left_to_right_with_arrows(page, datasette_url):
    page.goto(datasette_url + QUOTES_VIEW + "?via__arraycontains=TASS")
    page.locator("td.col-id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    steps = page.locator("ol.quotes-chain > li")
    assert steps.count() >= 3
    assert "TASS" in page.locator("li.quotes-chain-relay").all_inner_texts()
    boxes = [step.bounding_box() for step in steps.all()]
    assert all(left["x"] < right["x"] for left, right in zip(boxes, boxes[1:])), "the chain is not one row"
    arrow = steps.nth(1).evaluate("li => getComputedStyle(li, '::before').content")
    assert "→" in arrow
    page.locator("li.quotes-chain-relay a", has_text="TASS").click()
    page.wait_for_url(re.compile(r"via__arraycontains=TASS"))
    assert all("TASS" in via for via in page.locator("td.col-via").all_inner_texts())


def test_article_page_tells_the_quote_types_apart(page, datasette_url):
    # The seed article has direct, partial and indirect quotes.
    page.goto(datasette_url + QUOTES_VIEW + "?article_file=000_c552f5dde1320bff.txt")
    page.locator("td.col-article_id a").first.click()
    page.wait_for_url(re.compile(r"/-/article/"))
    colours = {}
    for quote_type in ("direct", "partial", "indirect"):
        legend = page.locator(f".quotes-legend mark.quotes-{quote_type}")
        colours[quote_type] = background(legend)
        marks = page.locator(f".quotes-article mark.quotes-{quote_type}")
        for index in range(marks.count()):
            assert background(marks.nth(index)) == colours[quote_type]
            assert marks.nth(index).get_attribute("title")
    assert len(set(colours.values())) == 3, colours
    assert page.locator(".quotes-article mark").count() == page.locator("ol.quotes-list > li").count()


def test_outlet_and_month_facets(page, datasette_url):
    page.goto(datasette_url + QUOTES_VIEW)
    link = page.locator('.facet-info[data-column="relayed_by"] li a').first
    outlet = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"relayed_by="))
    assert parse_qs(urlparse(page.url).query)["relayed_by"] == [outlet]
    relays = page.locator("td.col-relayed_by").all_inner_texts()
    assert relays and all(relay == outlet for relay in relays)

    page.goto(datasette_url + QUOTES_VIEW)
    link = page.locator('.facet-info[data-column="article_month"] li a').first
    month = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"article_month="))
    dates = page.locator("td.col-article_date").all_inner_texts()
    assert dates and all(date.startswith(month) for date in dates)


def test_canned_query_form_takes_a_parameter(page, datasette_url):
    page.goto(datasette_url + "/quotes")
    page.locator('a[href$="/quotes/quotes_relayed_by_outlet"]').first.click()
    page.wait_for_url(re.compile(r"/quotes/quotes_relayed_by_outlet"))
    page.fill('input[name="outlet"]', "tass")
    page.locator('form input[type="submit"]').first.click()
    page.wait_for_url(re.compile(r"outlet=tass"))
    vias = page.locator("td.col-via").all_inner_texts()
    assert vias and all("TASS" in via for via in vias)
    page.locator("td.col-quote_id a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    assert "TASS" in page.locator("li.quotes-chain-relay").all_inner_texts()


def test_published_copy_speaker_page_stays_under_the_base_url(page, published_url):
    prefix = urlparse(published_url).path + "/"
    page.route(
        re.compile(re.escape(prefix)),
        lambda route: route.continue_(url=route.request.url.replace(prefix, "/", 1)),
    )
    page.goto(published_url + QUOTES_VIEW)
    page.locator("td.col-speaker a").first.click()
    page.wait_for_url(re.compile(r"/-/speaker/"))
    assert page.url.startswith(published_url + "/quotes/-/speaker/")
    assert background(page.locator(".quotes-bar").first) not in ("rgba(0, 0, 0, 0)", "transparent")
    page.locator("ol.quotes-list a").first.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    assert page.url.startswith(published_url + "/quotes/-/quote/")
