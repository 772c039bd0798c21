import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aleppo_cli.text import cleanup
from aleppo_cli.text.cleanup import ADVERTISEMENT, GLUED, clean
from aleppo_cli.text.document import build
from tests.conftest import REVIEW, read_book


def review() -> str:
    return REVIEW.read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- the bundled review ------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("co-directorSteen", "co-director Steen"),
        ("photographyFadi", "photography Fadi"),
        ("Halabidocument", "Halabi document"),
        ("averydifficult", "a very difficult"),
    ],
)
def test_review_glued_words_are_repaired(glued: str, repaired: str) -> None:
    cleaned = clean(review())
    assert glued in cleaned.raw
    assert glued not in cleaned.text
    assert repaired in cleaned.text


def test_review_advertisement_markers_become_paragraph_breaks() -> None:
    cleaned = clean(review())
    assert cleaned.raw.count("Advertisement") == 3
    assert "Advertisement" not in cleaned.text
    assert len(cleaned.edits_for(ADVERTISEMENT)) == 3
    assert "word.\n\nYet, Firas" in cleaned.text
    assert "his voice.\n\nFayyad, co-director" in cleaned.text
    assert cleaned.text.endswith("to a T.")


def test_review_edits_are_only_those() -> None:
    cleaned = clean(review())
    assert len(cleaned.edits_for(GLUED)) == 5  # averydifficult takes two spaces
    reasons = {edit.reason for edit in cleaned.edits}
    assert reasons == {ADVERTISEMENT, GLUED}


def test_review_on_disk_is_verbatim_copy_of_the_scrape() -> None:
    data = REVIEW.read_bytes()
    assert data.count(b"\n") == 0
    assert data.startswith(b"Since late 2012")
    assert data.endswith(b"to a T. Advertisement")


# --- generality: the same rules on text they were not written for -----------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Music by the composerHans Zimmer.", "Music by the composer Hans Zimmer."),
        (
            "The story, as Anna Kowalczykexplains it, is simple.",
            "The story, as Anna Kowalczyk explains it, is simple.",
        ),
        ("This is thefilm of the year.", "This is the film of the year."),
        ("It runs averylong time.", "It runs a very long time."),
    ],
)
def test_glued_words_elsewhere(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


@pytest.mark.parametrize(
    "name",
    [
        "McDonald",
        "DeVito",
        "iPhone",
        "YouTube",
        "MacArthur",
        "LeBron",
        "PowerPoint",
        "eBay",
        "macOS",
        "JavaScript",
        "McKinsey",
        "O'Neill",
        "getElementById",
    ],
)
def test_names_and_brands_are_not_split(name: str) -> None:
    raw = f"They talked about {name} again. Then {name} left."
    assert clean(raw).text == raw


@pytest.mark.parametrize(
    "word",
    [
        "whalemen",
        "bethinking",
        "harpooneer",
        "workbag",
        "shapelessness",
        "cannikin",
        "Hunsford",
        "Minnesingers",
        "Mortemart",
        "overhearings",
        "secourable",
    ],
)
def test_rare_words_compounds_and_place_names_are_not_split(word: str) -> None:
    raw = f"There was {word} here."
    assert clean(raw).text == raw


@pytest.mark.parametrize("book", ["pride_and_prejudice.txt", "moby-dick.txt", "war_and_peace.txt"])
def test_zero_word_edits_on_clean_books(book: str) -> None:
    cleaned = clean(read_book(book))
    assert cleaned.edits_for(GLUED) == []
    assert cleaned.edits_for(ADVERTISEMENT) == []
    # white-space normalisation never changes a word
    assert cleaned.raw.split() == cleaned.text.split()


def test_advertisement_in_prose_is_kept() -> None:
    raw = "Advertisement was his trade. He placed an Advertisement. The Advertisement ran."
    assert clean(raw).text == raw


def test_advertisement_on_its_own_line_is_removed() -> None:
    raw = "First paragraph ends here\n\nAdvertisement\n\nsecond one starts."
    assert clean(raw).text == "First paragraph ends here\n\nsecond one starts."


# --- white space -------------------------------------------------------------


def test_whitespace_is_normalised_without_changing_words() -> None:
    raw = "\ufeffOne\u00a0two  three\tfour\u200b five\r\nsix\r\n\r\n\r\nseven\rEight \u2003nine  "
    cleaned = clean(raw)
    assert cleaned.text == "One two three four five\nsix\n\nseven\nEight nine"


def test_zero_width_joiners_in_emoji_and_scripts_are_kept() -> None:
    raw = "A family: 👨\u200d👩\u200d👧. میخواهم"
    assert clean(raw).text == raw


# --- the offset map ----------------------------------------------------------


def test_every_sentence_maps_back_to_its_raw_span() -> None:
    document = build(review())
    for sentence in document.sentences:
        span = document.raw[sentence.start : sentence.end]
        assert squeeze(span) == squeeze(sentence.text)
        assert not span[:1].isspace() and not span[-1:].isspace()


def test_offsets_inside_an_inserted_space() -> None:
    cleaned = clean("a co-directorSteen b")
    position = cleaned.text.index(" Steen")
    assert cleaned.to_raw(position) == cleaned.raw.index("Steen")
    assert cleaned.to_raw(position + 1) == cleaned.raw.index("Steen")


_messy = st.lists(
    st.one_of(
        st.sampled_from(
            ["word", "Mr.", "end.", "Advertisement", "“Quote,”", "x-y", "averydifficult"]
        ),
        st.sampled_from([" ", "  ", "\n", "\r\n", "\n\n", "\t", "\u00a0", "\u200b", "\r"]),
        st.text(min_size=1, max_size=5),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_messy)
def test_cleaning_maps_every_offset_monotonically(raw: str) -> None:
    cleaned = cleanup.clean(raw)
    mapped = [cleaned.to_raw(i) for i in range(len(cleaned.text) + 1)]
    assert mapped == sorted(mapped)
    assert all(0 <= m <= len(raw) for m in mapped)
    for index, char in enumerate(cleaned.text):
        if not char.isspace():  # every visible character comes from the raw text
            assert raw[cleaned.to_raw(index)] == char


def test_word_list_agrees_with_wordfreq() -> None:
    import wordfreq

    from aleppo_cli.text import wordlist

    for word in ("the", "document", "halabi", "averydifficult", "Photography"):
        assert wordlist.zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en", "large"))
