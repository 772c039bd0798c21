"""A web page's title, author and date from generic signals (meta tags,
JSON-LD, bylines, <time>, <address>): each rule on a page made here."""

from __future__ import annotations

import lxml.html
import pytest

from aleppo_cli.text.formats import html, pagemeta
from aleppo_cli.text.formats.model import Extracted

BODY = """<article><p>The volunteers have rushed toward the bombs since late 2012, and
the film follows them through a city where nobody else goes any more.</p>
<p>They dig children out of the rubble, and they are afraid for their own families
every single day of the siege, which the film never looks away from.</p></article>"""


def page(head: str = "", before: str = "", title: str = "A Quiet Rescue | Film Notes") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body>{before}{BODY}</body></html>"
    )


def facts(markup: str) -> pagemeta.Facts:
    return pagemeta.facts(lxml.html.fromstring(markup))


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jane Roe", "Jane Roe"),
        ("Written by: Jane Roe", "Jane Roe"),
        ("Author Jane Roe", "Jane Roe"),
        ("This post was written by Jane Roe", "Jane Roe"),
        ("Jane Roe December 3, 2024", "Jane Roe"),
        ("Jane Roe Dec", "Jane Roe"),
        ("Jane Roe Updated Jan 5", "Jane Roe"),
        ("Jane Roe · 7 min read", "Jane Roe"),
        ("Theresa May", "Theresa May"),  # a month that is a name stays
        ("April Ryan", "April Ryan"),
        ("Updated January", ""),
        ("https://www.facebook.com/someone", ""),
        ("Jane Roe; Film Notes", "Jane Roe"),  # the site beside a person is the publisher
        ("Film Notes", "Film Notes"),  # a site alone is its own author
        ("Jane Roe; John Doe", "Jane Roe; John Doe"),
        # a job title after the name ("Jane Roe, Head of Community Development" split
        # by trafilatura) goes; a group's byline and a title before a name stay
        ("Jane Roe; Head; Community Development", "Jane Roe"),
        ("Jane Roe Founder; Lead Reviewer", "Jane Roe"),
        ("Jane Roe Content Marketing Coordinator", "Jane Roe"),
        ("Jane Roe; John Doe; Senior Editor", "Jane Roe; John Doe"),
        ("The Film Notes editors", "The Film Notes editors"),
        ("Senior Editor Jane Roe", "Senior Editor Jane Roe"),
    ],
)
def test_a_byline_is_cleaned(byline: str, expected: str) -> None:
    assert pagemeta.clean_author(byline, "Film Notes") == expected


def test_the_author_from_a_written_by_label_in_twitter_meta() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Jane Roe">'
    )
    assert pagemeta.author("", facts(page(head)), "Film Notes") == "Jane Roe"


def test_a_one_word_meta_author_is_kept() -> None:
    # trafilatura drops one-word authors; a page's own <meta name="author"> is its word
    found = html.extract(page('<meta name="author" content="Zed">'))
    assert found is not None and found.metadata.author == "Zed"


@pytest.mark.parametrize(
    "before",
    [
        '<div><a href="/authors/jane-roe">Jane Roe</a></div>',
        '<div><a rel="author" href="/about">Jane Roe</a></div>',
        "<div><p>Written by</p><p>Jane Roe</p></div>",
        "<address>Jane Roe</address>",
    ],
)
def test_the_author_from_the_page_when_nothing_declares_one(before: str) -> None:
    found = html.extract(page(before=before))
    assert found is not None and found.metadata.author == "Jane Roe"


def test_no_author_is_invented() -> None:
    found = html.extract(page())
    assert found is not None and found.metadata.author == ""


def test_the_publisher_in_json_ld_is_not_an_author() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": [{"@type": "Person", "name": "Jane Roe"}, '
        '{"@type": "Organization", "name": "Daily Planet"}], '
        '"publisher": {"@type": "Organization", "name": "Daily Planet"}}</script>'
    )
    assert pagemeta.author("Jane Roe; Daily Planet", facts(page(ld)), "") == "Jane Roe"


def test_a_time_labelled_published_gives_the_date() -> None:
    before = (
        "<ul><li>Updated <time datetime='2025-01-02'>2 Jan</time></li>"
        "<li>Published on <time datetime='2024-12-19'>19 Dec</time></li></ul>"
    )
    assert pagemeta.date("2024-12-16", facts(page(before=before))) == "2024-12-19"
    assert pagemeta.date("2024-12-16", facts(page())) == "2024-12-16"


def test_a_date_read_with_day_and_month_swapped_follows_the_machine_readable_one() -> None:
    # "10/12/2023" read as 10 December where the page's <time> says 12 October
    before = "<p><time datetime='2023-10-12T19:38:01Z'>10/12/2023 7:38 PM</time></p>"
    assert pagemeta.date("2023-12-10", facts(page(before=before))) == "2023-10-12"
    meta = "<meta property='article:published_time' content='2023-10-12T19:38:01Z'>"
    assert pagemeta.date("2023-12-10", facts(page(meta))) == "2023-10-12"
    # a date the page also declares as it is read stays; so does one with no other reading
    both = before + "<p><time datetime='2023-12-10'>10 December</time></p>"
    assert pagemeta.date("2023-12-10", facts(page(before=both))) == "2023-12-10"
    assert pagemeta.date("2023-12-10", facts(page())) == "2023-12-10"
    assert pagemeta.date("2023-05-05", facts(page(before=before))) == "2023-05-05"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("<p>This story was originally published on 26 Sep 2019 at 4:12pm.</p>", "2019-09-26"),
        ("<p>Posted on <span>December 18th, 2025</span> by jane</p>", "2025-12-18"),
        ("<div>Published: 2025-01-03</div>", "2025-01-03"),
        # nor is a sentence's "first published on"
        ("<p>The novel was first published on 12 May 1998 in London.</p>", "2024-12-16"),
        # a profile's "last published" is not the article's date
        ("<p>Jane Roe · Last published Apr 8, 2024</p>", "2024-12-16"),
        # an update is not the publication
        ("<p>Last updated: Sep 4, 2025</p>", "2024-12-16"),
        # the date beside a reading time is the byline's
        ("<p><span>7 min read</span><span>·</span><span>Dec 30, 2013</span></p>", "2013-12-30"),
        ("<p>December 18, 2025 ・ 3 min read</p>", "2025-12-18"),
        # ... unless the page labels it, or declares it, as the update's
        ("<p>Updated Dec 3, 2025 · 12 min read</p>", "2024-12-16"),
        ("<p>Published Oct 10, 2023, updated Dec 3, 2025 · 12 min read</p>", "2023-10-10"),
        # a date with no label, or a number that is no date, changes nothing
        ("<p>On March 3, 2020 the rescue began.</p>", "2024-12-16"),
        ("<p>Posted on 45 Sep 2019</p>", "2024-12-16"),
        ("<p>Posted on 2019-02-30</p>", "2024-12-16"),
    ],
)
def test_a_date_the_page_shows_with_its_label(before: str, expected: str) -> None:
    assert pagemeta.date("2024-12-16", facts(page(before=before))) == expected


def test_a_reading_time_date_the_page_declares_as_modified_is_not_the_publication() -> None:
    meta = "<meta property='article:modified_time' content='2025-11-03T06:10:53+00:00'>"
    before = "<p><span>2025-11-03</span> 14 min read</p>"
    assert pagemeta.date("2022-01-03", facts(page(meta, before))) == "2022-01-03"
    assert pagemeta.date("2022-01-03", facts(page(before=before))) == "2025-11-03"


def test_a_modification_date_the_page_does_not_show_gives_way_to_the_publication() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2024-03-17T19:47:39+00:00", '
        '"dateModified": "2024-05-03T10:57:58+00:00"}</script>'
    )
    assert pagemeta.date("2024-05-03", facts(page(ld))) == "2024-03-17"
    # shown to readers ("Last updated"), the update is the date the page gives
    shown = "<p>Last updated: May 3, 2024</p>"
    assert pagemeta.date("2024-05-03", facts(page(ld, shown))) == "2024-05-03"
    # a date nobody declares as a modification stays
    assert pagemeta.date("2024-05-04", facts(page(ld))) == "2024-05-04"
    meta = (
        "<meta property='article:published_time' content='2024-03-17T19:47:39+00:00'>"
        "<meta property='article:modified_time' content='2024-05-03T10:57:58+00:00'>"
    )
    assert pagemeta.date("2024-05-03", facts(page(meta))) == "2024-03-17"


def test_shown_dates_skip_scripts() -> None:
    before = "<script>var x = 'Published on March 3, 2020';</script>"
    assert pagemeta.date("2024-12-16", facts(page(before=before))) == "2024-12-16"


def test_broken_json_ld_is_ignored() -> None:
    ld = '<script type="application/ld+json">{"@type": "Article", ' + "[" * 5000 + "</script>"
    assert facts(page(ld)).linked == {}


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # a heading that adds a byline or a section to the declared title is that title
        ("A Quiet Rescue in the City Posted by jane", "A Quiet Rescue in the City"),
        ("A Quiet Rescue in the City | Opinion", "A Quiet Rescue in the City"),
        # a long tail is part of the headline
        (
            "A Quiet Rescue in the City, and the Men Who Stayed Behind",
            "A Quiet Rescue in the City, and the Men Who Stayed Behind",
        ),
        # a headline that differs from the declared title is the headline readers see
        ("The Rescue of a Quiet City", "The Rescue of a Quiet City"),
        # a tail that goes on with the sentence is part of the headline
        (
            "A Quiet Rescue in the City at Dawn",
            "A Quiet Rescue in the City at Dawn",
        ),
        ("A Quiet Rescue in the City (1 of 3)", "A Quiet Rescue in the City"),
        ("A Quiet Rescue in the City By Jane Roe", "A Quiet Rescue in the City"),
        ("A Quiet Rescue in the City by the Sea", "A Quiet Rescue in the City by the Sea"),
    ],
)
def test_the_title_is_the_headline_less_a_tail(heading: str, expected: str) -> None:
    declared = '<meta property="og:title" content="A Quiet Rescue in the City">'
    markup = page(declared, f"<h1>{heading}</h1>", "A Quiet Rescue in the City | Film Notes")
    assert pagemeta.title("A Quiet Rescue in the City", facts(markup)) == expected


def test_a_heading_that_is_the_head_of_the_declared_title_before_its_colon() -> None:
    markup = page(
        before="<h1>Quiet rescues</h1>", title="Quiet Rescues: How They Work | Film Notes"
    )
    assert pagemeta.title("Quiet Rescues: How They Work", facts(markup)) == (
        "Quiet Rescues: How They Work"
    )
    # a heading that merely begins like the title stays
    markup = page(before="<h1>Quiet rescues</h1>", title="Quiet Rescues in the City | Film Notes")
    assert pagemeta.title("Quiet Rescues in the City", facts(markup)) == "Quiet rescues"


def test_a_heading_that_shares_only_function_words_with_the_title_is_not_the_title() -> None:
    # "the" alone: a box's heading, not the headline
    markup = page(
        before="<h1>Ten Ways to Help the Volunteers</h1>", title="The Quiet Rescue | Film"
    )
    assert pagemeta.title("The Quiet Rescue", facts(markup)) == "The Quiet Rescue"
    markup = page(before="<h1>Ten Ways to Help the Rescue</h1>", title="The Quiet Rescue | Film")
    assert pagemeta.title("The Quiet Rescue", facts(markup)) == "Ten Ways to Help the Rescue"


def test_a_stray_title_guess_gives_way_to_the_title_element() -> None:
    markup = page(before="<h1>94</h1><h1>A Quiet Rescue</h1><h1>Ω 48</h1>")
    assert pagemeta.title("Ω 48", facts(markup)) == "A Quiet Rescue"


def test_a_title_guess_the_page_declares_stands() -> None:
    # not in the <title>, but the page's og:title: the headline that matches it wins
    head = '<meta property="og:title" content="Tax 101: The Basics">'
    before = "<h1>Tax 101: The Basics</h1><h1>The Basics<h4>Why taxes are paid</h4></h1>"
    markup = page(head, before, "What Are Taxes? | Film Notes")
    assert pagemeta.title("Tax 101: The Basics", facts(markup)) == "Tax 101: The Basics"


def test_a_headings_lines_are_apart() -> None:
    markup = page(before="<h1><span>A Quiet <b>Rescue</b></span><br>In the City<!-- x --></h1>")
    assert facts(markup).headings == ["A Quiet Rescue In the City"]


# --- the article's text ---------------------------------------------------------


def article(inner: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>A Quiet Rescue</title></head><body><article>"
        f"<h1>A Quiet Rescue</h1>{BODY}{inner}</article></body></html>"
    )


def test_words_run_together_by_extraction_are_split_where_the_page_has_them_apart() -> None:
    markup = article(
        "<p>Sustainable concepts for affordable <strong>nutrition<br></strong>Everyone has "
        "a right to safe food, and the volunteers bring it to them every single day.</p>"
    )
    found = html.extract(markup)
    assert found is not None
    assert "nutrition Everyone" in found.text and "nutritionEveryone" not in found.text
    bold = [found.text[s.start : s.end] for s in found.spans if s.style == "bold"]
    assert bold == ["nutrition"]
    for block in found.blocks:
        assert found.text[block.start : block.end].strip() == found.text[block.start : block.end]


def test_a_word_the_page_itself_runs_together_stays() -> None:
    markup = article(
        "<p>The <b>water</b>proof case and the rescue<i>workers</i> stay as the page writes "
        "them, every word of them, since the page itself runs these words on.</p>"
    )
    found = html.extract(markup)
    assert found is not None
    assert "waterproof case" in found.text and "rescueworkers" in found.text


def test_back_matter_sections_are_left_out() -> None:
    markup = article(
        "<h2>What the film shows</h2><p>The men who stay behind, and what it costs them, "
        "is what the film shows over its long and patient hour and a half.</p>"
        "<h2>References</h2><ol><li>Smith, J. (2017). A paper. Journal 3.</li></ol>"
        "<h2>Acknowledgements</h2><p>We thank the volunteers for their time.</p>"
    )
    found = html.extract(markup)
    assert found is not None
    assert "What the film shows" in found.text and "patient hour" in found.text
    assert "References" not in found.text and "Smith" not in found.text
    assert "We thank" not in found.text


def test_invisible_blocks_and_hidden_icons_are_left_out() -> None:
    markup = article(
        "<p>\u200d</p><p>Read the rest <span aria-hidden='true'>chevron_right</span>of the "
        "story below, where the volunteers go back into the city once more.</p>"
    )
    found = html.extract(markup)
    assert found is not None
    assert "chevron_right" not in found.text and "Read the rest of the story" in found.text
    assert all(found.text[b.start : b.end].strip("\u200d") for b in found.blocks)


def test_a_name_run_into_the_next_is_split_where_the_page_has_them_apart() -> None:
    markup = article(
        "<p>The bill was backed by Rep. <span class='tip'><span>Jane Roe</span>"
        "<div class='card'>Jane Roe</div></span> and passed the house on a quiet Tuesday "
        "afternoon, after a long and bitter debate on the floor.</p>"
    )
    found = html.extract(markup)
    assert found is not None
    assert "RoeJane" not in found.text


def test_a_large_hidden_region_is_kept() -> None:
    # a page saved with a dialog open marks its whole article aria-hidden
    markup = article("").replace("<article>", "<article aria-hidden='true'>")
    found = html.extract(markup)
    assert found is not None and "rushed toward the bombs" in found.text


def test_a_cookie_notice_is_left_out_and_a_recipe_for_cookies_is_not() -> None:
    notice = (
        "<h2>Details</h2><table class='cookie-table'><tr><td>viewed_policy</td>"
        "<td>11 months</td><td>This COOKIE is set by the plugin to record consent.</td>"
        "</tr><tr><td>analytics</td><td>11 months</td><td>The COOKIE counts visits.</td>"
        "</tr></table>"
    )
    found = html.extract(article(notice))
    assert found is not None and "COOKIE" not in found.text
    recipe = article("").replace("<article>", "<article><div class='cookie-recipe'>")
    recipe = recipe.replace("</article>", "</div></article>")
    found = html.extract(recipe)
    assert found is not None and "rushed toward the bombs" in found.text


def test_what_the_pages_stylesheet_hides_is_left_out() -> None:
    hidden = (
        "<div class='promo hide'><p>Free express shipping on qualifying orders over forty "
        "dollars, with returns that are always free of charge for members.</p></div>"
        "<p>Some of them were in their twenties.<span class='sr-only'> (opens in a new "
        "window)</span></p>"
    )
    found = html.extract(article(hidden))
    assert found is not None and "rushed toward the bombs" in found.text
    assert "shipping" not in found.text and "new window" not in found.text
    assert "Some of them were in their twenties." in found.text


@pytest.mark.parametrize(
    "classes",
    [
        "hidden md:block",  # shown again from a screen width on
        "d-none d-lg-block",
        "reveal-hidden",  # not a hiding class
    ],
)
def test_what_is_shown_at_some_width_stays(classes: str) -> None:
    shown = (
        f"<div class='{classes}'><p>Free express shipping on qualifying orders over forty "
        "dollars, with returns that are always free of charge for members.</p></div>"
    )
    found = html.extract(article(shown))
    assert found is not None and "shipping" in found.text


def test_a_page_that_hides_its_article_until_scripts_run_is_read() -> None:
    markup = article("").replace("<article>", "<article><div class='hidden'>")
    found = html.extract(markup.replace("</article>", "</div></article>"))
    assert found is not None and "rushed toward the bombs" in found.text


def test_footnotes_are_left_out() -> None:
    notes = (
        "<p>The men who stay behind<sup>1</sup> are what the film shows over its long and "
        "patient hour and a half, with nothing else in the frame.</p>"
        "<ol class='notes'><li>Some of them were in their twenties. ↩︎</li>"
        "<li>Others were older than the city's walls. ↩</li></ol>"
    )
    found = html.extract(article(notes))
    assert found is not None and "patient hour" in found.text
    assert "twenties" not in found.text and "walls" not in found.text


def test_placeholder_text_is_left_out() -> None:
    template = (
        "<h3>Lorem Ipsum</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
        "do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>"
        "<p>The lorem ipsum of a template is what the film never shows.</p>"
    )
    found = html.extract(article(template))
    assert found is not None and "rushed toward the bombs" in found.text
    assert "dolor sit amet" not in found.text and "Lorem Ipsum" not in found.text
    assert "The lorem ipsum of a template" in found.text  # words about it stay


def _paragraphs_only(*texts: str) -> Extracted:
    from aleppo_cli.text.formats.model import Builder, Metadata

    builder = Builder()
    for text in texts:
        builder.begin("paragraph")
        builder.add(text)
    return builder.finish(Metadata(title="A Quiet Rescue"), "html")


def test_headings_and_lists_between_the_paragraphs_are_put_back() -> None:
    # what trafilatura returns when it gathers a page's paragraphs without a
    # container: the headings and lists among them are missing
    first = "The volunteers have rushed toward the bombs since late 2012."
    second = "They dig children out of the rubble of the city every day."
    third = "Nobody else goes there any more, and the film never looks away."
    markup = (
        "<html><body><nav><ul><li>Home</li><li>Films</li></ul></nav>"
        "<ul><li>Before the story</li></ul>"
        f"<div><p>{first}</p><h2>What they carry</h2>"
        "<ol><li>Shovels and <em>gloves</em></li><li><b>Water</b><br>for the day</li></ol>"
        f"<p>{second}</p>"
        "<div class='related-stories'><h3>More films</h3><ul><li>A river film</li></ul></div>"
        "<ul><li><a href='/a'>Another story entirely</a></li></ul>"
        "<h2>References</h2>"
        f"<p>{third}</p></div><ul><li>After the story</li></ul></body></html>"
    )
    found = html._with_gaps_filled(_paragraphs_only(first, second, third), markup)
    blocks = [(b.kind, b.level, b.marker, found.text[b.start : b.end]) for b in found.blocks]
    assert blocks == [
        ("paragraph", 0, "", first),
        ("heading", 2, "", "What they carry"),
        ("item", 1, "1.", "Shovels and gloves"),
        ("item", 1, "2.", "Water for the day"),
        ("paragraph", 0, "", second),
        ("paragraph", 0, "", third),
    ]
    spans = [(found.text[s.start : s.end], s.style) for s in found.spans]
    assert spans == [("gloves", "italic"), ("Water", "bold")]


def test_a_text_with_headings_or_lists_is_left_as_it_is() -> None:
    first = "The volunteers have rushed toward the bombs since late 2012."
    second = "They dig children out of the rubble of the city every day."
    markup = f"<html><body><p>{first}</p><h2>Inside</h2><p>{second}</p></body></html>"
    from aleppo_cli.text.formats.model import Builder, Metadata

    builder = Builder()
    for kind, text in (("paragraph", first), ("item", "One"), ("paragraph", second)):
        builder.begin(kind)  # type: ignore[arg-type]
        builder.add(text)
    found = builder.finish(Metadata(), "html")
    assert html._with_gaps_filled(found, markup) is found
