"""Web pages, Markdown and EPUB: read into blocks, emphasis and metadata,
with every offset exact into the extracted text. Every file is made here."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from aleppo_cli.errors import InputError
from aleppo_cli.text import sources
from aleppo_cli.text.formats import epub, html, markdown
from aleppo_cli.text.prebuilt import document_for
from tests.builders import fake_env, invoke

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>The Quiet Rescue | Film Notes</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2017-05-05T10:00:00Z">
<meta property="og:site_name" content="Film Notes">
<link rel="canonical" href="https://films.example/reviews/quiet-rescue">
<script>var dataLayer = [];
document.write("SCRIPT TEXT");</script>
<style>body { color: red } .STYLE-TEXT {}</style></head>
<body>
<nav><ul><li><a href="/">Home NAVLINK</a></li>
<li><a href="/reviews">Reviews NAVLINK</a></li></ul></nav>
<div class="ad">ADVERT buy now</div>
<article>
<h1>The Quiet Rescue</h1>
<p>Since late 2012, the volunteers have rushed toward the bombs. In <em>The Quiet Rescue</em>,
the director follows them through a city &ldquo;where nobody else goes.&rdquo;</p>
<p>&ldquo;This is our destiny,&rdquo; Khaled says. &ldquo;We&rsquo;re going to die.&rdquo; The film,
like <i>Salvador</i> before it, never looks away from the <strong>people</strong> it follows.</p>
<h2>The volunteers</h2>
<p>Khaled and Mahmoud are the two men at its centre. They dig children out of the rubble,
and they are afraid for their own families every single day.</p>
<blockquote><p>It is a film about the people who stay when everyone else is leaving the city.</p>
</blockquote>
<ul><li>Directed by someone who knows the city well.</li><li>Edited over two long years.</li></ul>
<p>The documentary won a prize at a festival in 2017 and was nominated for an award.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">RELATED review</a></li></ul></aside>
<div id="comments" class="comments"><h3>Comments</h3><p>COMMENT great review, thanks!</p></div>
<footer>FOOTER text</footer>
</body></html>
"""


def test_html_keeps_the_article_and_drops_the_rest() -> None:
    found = html.extract(PAGE)
    assert found is not None
    text = found.text
    # the headline is the title (shown above the text), not a block of it
    assert text.startswith("Since late 2012")
    assert "“This is our destiny,” Khaled says." in text
    for boilerplate in ("SCRIPT", "STYLE", "NAVLINK", "RELATED", "COMMENT", "FOOTER", "ADVERT"):
        assert boilerplate not in text
    kinds = [(b.kind, b.level) for b in found.blocks]
    assert kinds[:3] == [("paragraph", 0), ("paragraph", 0), ("heading", 2)]
    assert ("quote", 1) in kinds and kinds.count(("item", 1)) == 2
    emphasis = [(s.style, text[s.start : s.end]) for s in found.spans]
    assert ("italic", "The Quiet Rescue") in emphasis
    assert ("italic", "Salvador") in emphasis and ("bold", "people") in emphasis
    for block in found.blocks:
        assert text[block.start : block.end] == text[block.start : block.end].strip()


def test_a_first_heading_that_is_not_the_title_stays() -> None:
    page = PAGE.replace("<h1>The Quiet Rescue</h1>", "<h2>Our verdict</h2>")
    found = html.extract(page)
    assert found is not None
    assert found.text.startswith("Our verdict\n\nSince late 2012")
    assert found.metadata.title == "The Quiet Rescue"  # the <title> less " | Film Notes"


def test_html_metadata() -> None:
    found = html.extract(PAGE)
    assert found is not None
    meta = found.metadata
    assert meta.title == "The Quiet Rescue"
    assert meta.author == "Jane Roe"
    assert meta.date == "2017-05-05"
    assert meta.site == "Film Notes"
    assert meta.url == "https://films.example/reviews/quiet-rescue"


MARKDOWN = """Intro line before the title.

# Field Notes

Some *emphasis*, **bold** and `dataLayer.push()` here; I watched *The Godfather*.

## Lists

- first item
- second item
  - nested *deep*

> “Go away,” said Bob. He meant it.

```python
def f():

    return "This is code, not a quotation."
```

| name | value |
|------|-------|
| a    | 1     |
"""


def test_markdown_blocks_spans_and_title() -> None:
    found = markdown.extract(MARKDOWN)
    text = found.text
    assert found.metadata.title == "Field Notes"
    blocks = [(b.kind, b.level, text[b.start : b.end]) for b in found.blocks]
    assert blocks == [
        ("paragraph", 0, "Intro line before the title."),
        ("heading", 1, "Field Notes"),
        (
            "paragraph",
            0,
            "Some emphasis, bold and dataLayer.push() here; I watched The Godfather.",
        ),
        ("heading", 2, "Lists"),
        ("item", 1, "first item"),
        ("item", 1, "second item"),
        ("item", 2, "nested deep"),
        ("quote", 1, "“Go away,” said Bob. He meant it."),
        ("code", 0, 'def f():\n\n    return "This is code, not a quotation."'),
        ("row", 0, "name | value"),
        ("row", 0, "a | 1"),
    ]
    spans = [(s.style, text[s.start : s.end]) for s in found.spans]
    assert spans == [
        ("italic", "emphasis"),
        ("bold", "bold"),
        ("code", "dataLayer.push()"),
        ("italic", "The Godfather"),
        ("italic", "deep"),
    ]


def test_numbered_lists_keep_their_numbers(tmp_path: Path) -> None:
    found = markdown.extract("3. tight\n4. list\n\n- a bullet\n\n1) loose\n\n2) list\n")
    items = [(b.marker, found.text[b.start : b.end]) for b in found.blocks]
    assert items == [
        ("3.", "tight"),
        ("4.", "list"),
        ("", "a bullet"),
        ("1)", "loose"),
        ("2)", "list"),
    ]
    page = PAGE.replace("<ul><li>Directed", '<ol start="2"><li>Directed').replace(
        "years.</li></ul>", "years.</li></ol>"
    )
    found_page = html.extract(page)
    assert found_page is not None
    # trafilatura keeps that the list is numbered, not where it starts
    assert [b.marker for b in found_page.blocks if b.kind == "item"] == ["1.", "2."]
    path = tmp_path / "list.md"
    path.write_text("Steps:\n\n1. Open it.\n2. Read it.\n", encoding="utf-8")
    assert invoke(["show", str(path)]).stdout.endswith("Steps:\n\n1. Open it.\n2. Read it.\n")


def test_code_is_verbatim_and_never_a_sentence_or_quotation(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    source = sources.load(str(path))
    document = document_for(source)
    code = [p for p in document.paragraphs if p.kind == "code"]
    assert len(code) == 1 and code[0].sentences == ()
    assert code[0].text == 'def f():\n\n    return "This is code, not a quotation."'
    assert all("def f" not in s.text for s in document.sentences)
    quotes = json.loads(invoke(["quotes", "--all", "--json", str(path)]).stdout)["quotes"]
    assert [q["text"] for q in quotes] == ["Go away,"]
    summary = invoke(["summarize", "-s", "20", "--json", str(path)])
    assert "def f" not in summary.stdout
    # inline code is never repaired: the glued-word repair would split "dataLayer"
    shown = invoke(["show", str(path)]).stdout
    assert "dataLayer.push()" in shown and '        return "This is code' in shown


def test_every_offset_is_exact_into_the_extracted_text(tmp_path: Path) -> None:
    for name, content in (("page.html", PAGE), ("notes.md", MARKDOWN)):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        raw = json.loads(invoke(["show", "--raw", "--json", str(path)]).stdout)["raw"]
        shown = json.loads(invoke(["show", "--json", str(path)]).stdout)
        assert shown["input"]["format"] in ("html", "markdown")
        for paragraph in shown["paragraphs"]:
            if paragraph["kind"] == "code":
                assert raw[paragraph["start"] : paragraph["end"]] == paragraph["code"]
            for sentence in paragraph["sentences"]:
                assert (
                    " ".join(raw[sentence["start"] : sentence["end"]].split()) == sentence["text"]
                )
            for emphasis in paragraph["emphasis"]:
                assert raw[emphasis["start"] : emphasis["end"]].strip()
        hits = json.loads(invoke(["search", "--json", "Khaled", str(path)]).stdout)["hits"]
        for hit in hits:
            assert raw[hit["start"] : hit["end"]] == hit["match"]


def test_show_header_info_and_json_carry_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    shown = invoke(["show", "-w", "1000", str(path)]).stdout.splitlines()
    assert shown[:2] == [
        "The Quiet Rescue",
        f"web page · Jane Roe · 2017-05-05 · Film Notes · {path}",
    ]
    assert "│ It is a film about the people" in "\n".join(shown)
    assert "• Directed by someone who knows the city well." in shown
    info = invoke(["info", str(path)]).stdout
    assert "Jane Roe · 2017-05-05 · Film Notes" in info
    envelope = json.loads(invoke(["info", "--json", str(path)]).stdout)["input"]
    assert envelope == {
        "name": str(path),
        "title": "The Quiet Rescue",
        "kind": "web page",
        "source": str(path),
        "format": "html",
        "author": "Jane Roe",
        "date": "2017-05-05",
        "site": "Film Notes",
        "url": "https://films.example/reviews/quiet-rescue",
        "language": "en",
    }


@pytest.mark.parametrize("terminal", [False, True])
def test_a_markdown_title_heading_is_shown_once(tmp_path: Path, terminal: bool) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Field Notes\n\nFirst line.\n\n## Later\n\nMore.\n", encoding="utf-8")
    env = fake_env(terminal=terminal)
    shown = invoke(["show", "--no-pager", "-w", "60", str(path)], env).stdout
    assert shown.count("Field Notes") == 1  # the header's title, not the heading again
    assert "First line." in shown and "Later" in shown
    # the heading stays in the document: its section, and sentence 1 with --numbers
    numbered = invoke(["show", "-n", "-w", "1000", str(path)]).stdout.splitlines()
    assert numbered[:4] == ["Field Notes", f"Markdown · {path}", "", "[1] Field Notes"]
    toc = invoke(["show", "--toc", str(path)]).stdout
    assert "1  Field Notes" in toc
    # a first heading that is not the title is shown
    other = tmp_path / "other.md"
    other.write_text("## Intro\n\nText.\n", encoding="utf-8")
    assert invoke(["show", "-w", "1000", str(other)]).stdout.splitlines()[2:4] == ["", "Intro"]


def test_a_terminal_shows_emphasis_in_italics(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    out = invoke(["show", "--no-pager", str(path)], fake_env(terminal=True)).stdout
    assert "\x1b[3mSalvador\x1b[0m" in out


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"),
        (b"  <!-- saved --><html lang=en><p>x</p>", ".txt", "html"),
        (b"<p>A fragment</p>", ".htm", "html"),
        (b"He wrote <b> in the text.", "", "text"),
        (b"<header> is the tag he meant.", "", "text"),
        (b"# Title\n\nText.", ".md", "markdown"),
        (b"# Title\n\nText.", "", "text"),
        (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/epub+zip", "", "epub"),
        (b"PK\x03\x04rest", ".epub", "epub"),
        (b"Plain words.", ".html", "text"),
    ],
)
def test_formats_are_told_apart_by_content(data: bytes, suffix: str, expected: str) -> None:
    assert sources.detect(data, suffix) == expected


def test_the_bundled_review_and_plain_text_stay_as_they_are(tmp_path: Path) -> None:
    review = sources.load(None)
    assert review.format == "text" and review.blocks == ()
    path = tmp_path / "notes.txt"
    path.write_text("# Not markdown\n\n- a line\n\n<b>not html</b> here.", encoding="utf-8")
    source = sources.load(str(path))
    assert source.text == path.read_text(encoding="utf-8") and source.format == "text"


def test_a_page_in_a_legacy_charset_is_decoded_by_its_meta() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("&rsquo;", "’")
    text, encoding, _ = sources.decode_html(page.encode("cp1252"))
    assert encoding == "cp1252" and "We’re" in text


# --- EPUB ----------------------------------------------------------------------

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles></container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>A Short Book</dc:title><dc:creator>Ann Author</dc:creator>
<dc:creator>Bo Writer</dc:creator><dc:language>en</dc:language><dc:date>1901-02-03</dc:date>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
<item id="notes" href="text/notes.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine><itemref idref="nav" linear="no"/><itemref idref="c1"/><itemref idref="c2"/>
<itemref idref="notes"/></spine>
</package>"""

NAV = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc"><ol><li><a href="text/one.xhtml">Chapter One: Arrival</a></li>
<li><a href="text/two.xhtml#start">Chapter Two: Departure</a></li></ol></nav></body></html>"""

ONE = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>One</title><style>p { margin: 0 }</style></head><body>
<h1>Chapter One: Arrival</h1>
<p>She came to the town in <i>early spring</i>.<sup><a epub:type="noteref"
href="notes.xhtml#n1">1</a></sup>
It was cold.</p>
<aside epub:type="footnote" id="n1"><p>FOOTNOTE about the spring.</p></aside>
<p>&#8220;Who are you?&#8221; asked the keeper.</p>
</body></html>"""

TWO = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head><body>
<p id="start">Then she left, and nobody saw her go.</p></body></html>"""

NOTES = """<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<body epub:type="endnotes"><p>ENDNOTE text.</p></body></html>"""


def make_epub(members: Mapping[str, str | bytes], mimetype: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:
            archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, content in members.items():
            archive.writestr(name, content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


BOOK = {
    "META-INF/container.xml": CONTAINER,
    "OEBPS/content.opf": OPF,
    "OEBPS/nav.xhtml": NAV,
    "OEBPS/text/one.xhtml": ONE,
    "OEBPS/text/two.xhtml": TWO,
    "OEBPS/text/notes.xhtml": NOTES,
    "OEBPS/style.css": "p {}",
}


def test_epub_chapters_in_spine_order_with_titles_and_metadata() -> None:
    found = epub.extract(make_epub(BOOK))
    text = found.text
    assert text == (
        "Chapter One: Arrival\n\n"
        "She came to the town in early spring. It was cold.\n\n"
        "“Who are you?” asked the keeper.\n\n"
        "Chapter Two: Departure\n\n"
        "Then she left, and nobody saw her go."
    )
    assert [b.kind for b in found.blocks] == ["heading", "paragraph", "paragraph"] * 1 + [
        "heading",
        "paragraph",
    ]
    assert [(s.style, text[s.start : s.end]) for s in found.spans] == [("italic", "early spring")]
    meta = found.metadata
    assert (meta.title, meta.author, meta.language, meta.date) == (
        "A Short Book",
        "Ann Author, Bo Writer",
        "en",
        "1901-02-03",
    )


def test_an_epub_file_through_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(make_epub(BOOK))
    shown = invoke(["show", str(path)])
    assert shown.status == 0, shown.stderr
    assert shown.stdout.startswith("A Short Book\nEPUB · Ann Author, Bo Writer · 1901-02-03\n")
    quotes = json.loads(invoke(["quotes", "--json", str(path)]).stdout)["quotes"]
    assert [q["text"] for q in quotes] == ["Who are you?"]


NCX_OPF = """<?xml version="1.0"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Old Book</dc:title></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="c2"/></spine></package>"""

NCX = """<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="p1"><navLabel><text>The Leaving</text></navLabel>
<content src="text/two.xhtml#start"/></navPoint></navMap></ncx>"""


def test_an_epub_2_chapter_without_a_heading_takes_its_title_from_the_ncx() -> None:
    book = {**BOOK, "OEBPS/content.opf": NCX_OPF, "OEBPS/toc.ncx": NCX}
    found = epub.extract(make_epub(book))
    assert found.text == "The Leaving\n\nThen she left, and nobody saw her go."
    assert found.blocks[0].kind == "heading" and found.metadata.title == "Old Book"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest/><spine/></package>"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&secret;</p></body></html>"""


def test_an_xml_bomb_or_external_entity_is_refused() -> None:
    with pytest.raises(InputError, match="declares XML entities; refused"):
        epub.extract(make_epub({**BOOK, "OEBPS/content.opf": BOMB}))
    with pytest.raises(InputError, match="declares XML entities; refused"):
        epub.extract(make_epub({**BOOK, "OEBPS/text/one.xhtml": EXTERNAL}))


def test_a_zip_bomb_is_refused_before_anything_is_extracted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(epub, "MAX_EXPANDED", 1_000_000)
    data = make_epub({**BOOK, "OEBPS/zeros.bin": b"\0" * 2_000_000})
    assert len(data) < 20_000
    with pytest.raises(InputError, match=r"would expand to 2 MB .* refused \(the limit is 1 MB\)"):
        epub.extract(data)


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"mimetype": "application/epub+zip"}, "'META-INF/container.xml' is missing"),
        ({**BOOK, "OEBPS/content.opf": "<package"}, "'OEBPS/content.opf':"),
    ],
)
def test_a_broken_epub_is_one_error(members: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=message):
        epub.extract(make_epub(members, mimetype=False))


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>She wore a “lamé” dress; it cost £5.</p>",
        "<div><p>She wore a lamé dress.</p><p>It was <i>Vogue</i>’s pick.</p></div>",
        "<h2>Notes</h2>\n<p>She wore a lamé dress.</p>",
    ],
)
def test_an_html_fragment_without_an_html_element_is_read(fragment: str, tmp_path: Path) -> None:
    # a saved snippet (no <html>, <head> or <body>) is still a page: its text is
    # read, not refused as "no article text"
    found = html.extract(fragment)
    assert found is not None
    assert "She wore a" in found.text and "<" not in found.text
    page = tmp_path / "snippet.html"
    page.write_text(fragment, encoding="utf-8")
    result = invoke(["show", "--raw", str(page)])
    assert result.status == 0, result.stderr
    assert "She wore a" in result.stdout and not result.stderr
