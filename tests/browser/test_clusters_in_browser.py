"""Quote clusters in a real browser, on the demo database: from the most repeated quotes
to a cluster page, who carried it first, and back from a quote page."""
import re

REPEATED = "/quotes/repeated_quotes"


def background(locator):
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_most_repeated_quote_to_its_cluster_page_and_first_carrier(page, datasette_url):
    page.goto(datasette_url + REPEATED)
    articles = [int(n) for n in page.locator("table.rows-and-columns td.col-articles").all_inner_texts()]
    assert articles == sorted(articles, reverse=True) and len(articles) >= 4
    first_agency = page.locator("td.col-first_agency").first.inner_text()
    page.locator("td.col-cluster_id a").first.click()
    page.wait_for_url(re.compile(r"/-/cluster/"))
    assert page.locator("h1").inner_text() == f"Quotation carried by {articles[0]} articles"
    rows = page.locator("table.quotes-carriers tbody tr")
    assert rows.count() >= articles[0]
    dates = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert dates == sorted(dates)
    first = page.locator("tr.quotes-first-carrier")
    assert first.locator("td").nth(1).inner_text() == first_agency
    # The first carrier stands out from the rows after it.
    assert background(first.locator("td").first) != background(rows.nth(1).locator("td").first)
    article = first.locator("td").nth(2).inner_text()
    first.locator("td").nth(2).locator("a").click()
    page.wait_for_url(re.compile(r"/-/article/"))
    assert page.locator("h1").inner_text() == article


def test_quote_page_leads_to_the_cluster_of_its_quotation(page, datasette_url):
    page.goto(datasette_url + "/quotes/quotes_view?_search=textbook")
    page.locator("td.col-id a").last.click()
    page.wait_for_url(re.compile(r"/-/quote/"))
    link = page.locator("dd.quotes-cluster a")
    assert link.inner_text() == "2 articles"
    link.click()
    page.wait_for_url(re.compile(r"/-/cluster/"))
    texts = page.locator("table.quotes-carriers tbody td:last-child a").all_inner_texts()
    assert all(text.startswith("This was a textbook launch") for text in texts) and len(texts) == 2
    page.locator("dd.quotes-speaker a").click()
    page.wait_for_url(re.compile(r"/-/speaker/"))
    assert page.locator("h1").inner_text() == "K Sreedharan"


def test_facet_by_first_carrier(page, datasette_url):
    page.goto(datasette_url + REPEATED)
    link = page.locator('.facet-info[data-column="first_agency"] li a', has_text="PTI")
    link.click()
    page.wait_for_url(re.compile(r"first_agency=PTI"))
    values = page.locator("td.col-first_agency").all_inner_texts()
    assert values and set(values) == {"PTI"}
