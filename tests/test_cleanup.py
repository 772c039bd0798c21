import random
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
    assert clean(raw, repair=True).text == expected
    assert clean(raw).text == raw  # one glued word is no sign of scraping: left alone


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
    assert clean(raw, repair=True).text == raw


@pytest.mark.parametrize(
    "word",
    [
        "whalemen",
        "bethinking",
        "harpooneer",
        "shapelessness",
        "Hunsford",
        "Minnesingers",
        "overhearings",
        "secourable",
        "Mortemart",
        "Letwin",
    ],
)
def test_rare_words_compounds_and_place_names_are_not_split(word: str) -> None:
    raw = f"There was {word} here."
    assert clean(raw, repair=True).text == raw


# Forced on, the repair splits these (see the README's figures): left alone
# by default, in a text that shows no scrape.
@pytest.mark.parametrize("word", ["carmaking", "planemaker", "postboy"])
def test_compounds_the_forced_repair_splits_are_kept_by_default(word: str) -> None:
    raw = f"There was {word} here."
    assert clean(raw, repair=True).text != raw
    assert clean(raw).text == raw


def test_a_compound_the_text_writes_with_a_hyphen_elsewhere_is_kept() -> None:
    raw = "She put the work-bag down. Later the workbag was gone, and thefilm began."
    assert clean(raw, repair=True).text == raw.replace("thefilm", "the film")


def test_a_compound_the_text_has_twice_is_its_word() -> None:
    once = "He was behindhand with the rent."
    twice = once + " Always behindhand, he said."
    assert clean(once, repair=True).text != once  # alone, it may be glue
    assert clean(twice, repair=True).text == twice
    glue = "Then thefilm began, and thefilm ended."  # a grammar word: glue all the same
    assert clean(glue, repair=True).text == glue.replace("thefilm", "the film")


def test_a_short_rare_name_the_text_never_has_alone_is_not_cut() -> None:
    raw = "They met Misamore yesterday."
    assert clean(raw, repair=True).text == raw
    alone = "Misa came. " + raw  # the text has the name on its own: glue
    assert clean(alone, repair=True).text == alone.replace("Misamore", "Misa more")
    longer = "The photographyFadi Al Halabidocument won."  # a longer name is cut
    assert "Halabi document" in clean(longer, repair=True).text


def test_three_letter_pieces_must_be_common_words() -> None:
    for word in ["latten", "teazed", "whalin"]:  # "lat ten", "tea zed", "wha lin"
        raw = f"There was {word} here."
        assert clean(raw, repair=True).text == raw
    assert clean("It was thecar again.", repair=True).text == "It was the car again."


def test_names_are_those_inside_a_sentence() -> None:
    names = cleanup._names("Let us go. He met Halabi, Sónya and Pierre. Fadi Al Halabi came.")
    assert {"Halabi", "Pierre"} <= names
    assert "Let" not in names  # a sentence's first word
    assert "Fadi" not in names  # after a sentence's end


@pytest.mark.slow
def test_the_forced_repair_changes_no_word_of_the_clean_books() -> None:
    # bench/glued.py measures it on all the novels and the BBC articles (README).
    for book in ["pride_and_prejudice.txt", "moby-dick.txt", "war_and_peace.txt"]:
        assert clean(read_book(book), repair=True).repairs()[GLUED] == 0, book


@pytest.mark.parametrize("book", ["pride_and_prejudice.txt", "moby-dick.txt", "war_and_peace.txt"])
def test_zero_word_edits_on_clean_books(book: str) -> None:
    cleaned = clean(read_book(book))
    assert cleaned.repair == cleanup.AUTO_OFF  # no sign of scraping: nothing repaired
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
    cleaned = clean("a co-directorSteen b", repair=True)
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


# --- the quick paths find what the plain definitions find ----------------------
# (the golden data of tests/test_pipeline_golden.py holds the whole books)

_ZW = cleanup._ZERO_WIDTH
# The white-space runs as first defined: every run that may need an edit.
_RUNS_AS_DEFINED = re.compile(rf"\A[\s{_ZW}]+|[\s{_ZW}]+\Z|[\s{_ZW}]{{2,}}|[^\S \n]|[{_ZW}]")


def _whitespace_as_defined(raw: str) -> list[tuple[int, int, str]]:
    edits = []
    for match in _RUNS_AS_DEFINED.finditer(raw):
        run = match.group()
        if match.start() == 0 or match.end() == len(raw) or not run.strip(_ZW):
            replacement = ""
        else:
            breaks = cleanup._line_breaks(run)
            replacement = "\n\n" if breaks >= 2 else "\n" if breaks == 1 else " "
        if replacement != run:
            edits.append((match.start(), match.end(), replacement))
    return edits


_spaced = st.lists(
    st.one_of(
        st.sampled_from(
            ["word", "Advertisement", ". Advertisement The", "-Advertisement", "Advertisements"]
        ),
        st.sampled_from(["averydifficult", "Halabidocument", "directorSteen", "x:averydifficult"]),
        st.sampled_from(
            [" ", "  ", "\n", "\r\n", "\n\n", "\t", "\u00a0", "\u200b", "\x1c", "\u2029"]
        ),
        st.text(min_size=1, max_size=4),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_spaced)
def test_quick_paths_find_what_the_patterns_find(raw: str) -> None:
    edits = cleanup._whitespace(raw)
    assert [(e.start, e.end, e.replacement) for e in edits] == _whitespace_as_defined(raw)
    ads = [match.span() for match in cleanup._ad_matches(raw)]
    assert ads == [match.span() for match in cleanup._AD.finditer(raw)]
    candidates = [(match.start(), match.group()) for match in cleanup._CANDIDATE.finditer(raw)]
    first = cleanup._CANDIDATE.match(raw)
    quick = [(0, first.group())] if first else []
    quick += [(match.start(1), match.group(1)) for match in cleanup._AFTER_ONE.finditer(raw)]
    assert quick == candidates


def test_the_word_list_as_read_and_its_two_tables() -> None:
    from aleppo_cli.text import wordlist

    buckets = wordlist._buckets()
    words = [word for bucket in buckets for word in bucket]
    assert len(set(words)) == len(words)  # each word in one bucket
    assert all(bucket == sorted(bucket) for bucket in buckets)  # alphabetical, for bisection
    table = wordlist._words()
    for index in range(0, len(buckets), 7):
        for word in buckets[index][:: max(1, len(buckets[index]) // 5)]:
            expected = wordlist._zipf_of(index)
            text = word.decode("utf-8")
            assert wordlist.zipf(text) == expected and wordlist.known(text)
            for floor in (0.0, 2.0, wordlist.FREQUENT, 5.0):
                assert wordlist.zipf(text, floor) == (expected if expected >= floor else 0.0)
            found = table.find(text, rare=False)
            assert (found is not None) == (expected >= wordlist.FREQUENT)
    assert wordlist.zipf("photographyfadi") == 0.0 and not wordlist.known("\ud800")


def test_the_rarer_words_are_decompressed_only_when_one_is_looked_up() -> None:
    from aleppo_cli.text import wordlist

    words = wordlist._Words(wordlist._stream())
    assert words.find("document", rare=False) == wordlist.zipf("document")
    assert words._rare is None  # the rest of the file is still compressed
    assert words.find("halabi") == pytest.approx(1.77)
    assert words._rare is not None


def test_the_word_list_is_read_again_after_it_is_let_go() -> None:
    from aleppo_cli.text import wordlist

    before = wordlist.zipf("document")
    wordlist.forget()
    assert wordlist._words.cache_info().currsize == 0
    assert wordlist.zipf("document") == before > 4.0


def test_rarer_words_are_found_in_their_packed_buckets() -> None:
    import random

    from aleppo_cli.text import wordlist

    buckets = wordlist._buckets()
    zipf = {word: wordlist._zipf_of(i) for i, bucket in enumerate(buckets) for word in bucket}
    rare = sorted(word for word, value in zipf.items() if value < wordlist.FREQUENT)
    chosen = random.Random(16).sample(rare, 40)
    unknown = [word + b"q" for word in chosen[:20]] + [b"a" * 32, "ß\u0301q".encode()]
    unknown = [word for word in unknown if word not in zipf]
    packed = wordlist._packed()
    one_by_one = wordlist._Words(packed)  # each look-up in the bytes of the buckets
    for word in chosen + unknown:
        assert one_by_one.find(word.decode()) == zipf.get(word)
        assert one_by_one.find(word.decode(), rare=False) is None
    every = wordlist._Words(packed)  # after MANY_RARE look-ups, every bucket unpacked
    for word in (chosen + unknown) * 3:
        assert every.find(word.decode()) == zipf.get(word)


# --- repair only what was scraped ---------------------------------------------


def test_a_plain_text_keeps_its_identifiers_and_names() -> None:
    raw = (
        "The dataLayer object holds the pageTitle and the outputDir. "
        "Complaints go to the Advertisement Standards Authority."
    )
    cleaned = clean(raw)
    assert cleaned.text == raw
    assert cleaned.repair == cleanup.AUTO_OFF


def test_an_ad_marker_between_sentences_shows_a_scrape() -> None:
    raw = "It rained all day. Advertisement The film opens on Friday, said thedirector."
    cleaned = clean(raw)
    assert cleaned.repair == cleanup.AUTO_ON
    assert cleaned.text == "It rained all day.\n\nThe film opens on Friday, said the director."
    assert cleaned.repairs() == {ADVERTISEMENT: 1, GLUED: 1}


def test_several_run_together_words_show_a_scrape() -> None:
    raw = "The critic saw thefilm twice and saidthe opening scene was long."
    cleaned = clean(raw)
    assert cleaned.repair == cleanup.AUTO_ON
    assert cleaned.text == "The critic saw the film twice and said the opening scene was long."


def test_one_run_together_word_is_no_sign_of_a_scrape() -> None:
    raw = "The critic saw thefilm twice and returns to its opening scene."
    assert clean(raw).text == raw


def test_a_scraped_text_keeps_identifiers_and_names_that_begin_a_name() -> None:
    raw = (
        "It rained. Advertisement The page calls getElementById and window.dataLayer, "
        "sets pageTitle= and asks the Advertisement Standards Authority."
    )
    cleaned = clean(raw)
    assert cleaned.repair == cleanup.AUTO_ON
    assert cleaned.text == raw.replace(" Advertisement The", "\n\nThe")


def test_repair_forced_off_and_on() -> None:
    raw = "It rained all day. Advertisement The film opens on Friday, said thedirector."
    off = clean(raw, repair=False)
    assert off.text == raw
    assert off.repair == cleanup.FORCED_OFF
    on = clean("A one-off: thefilm.", repair=True)
    assert on.text == "A one-off: the film."
    assert on.repair == cleanup.FORCED_ON


@pytest.mark.parametrize(
    ("glued", "expected"),
    [
        ("alwaysreturns", "always returns"),
        ("undereverybridge", "under every bridge"),
        ("saidPierre", "said Pierre"),
        ("Pierresaid", "Pierre said"),
    ],
)
def test_run_together_words_without_a_grammar_word(glued: str, expected: str) -> None:
    raw = f"Then Pierre said that it {glued} there."
    assert clean(raw, repair=True).text == raw.replace(glued, expected)


# --- glue comes in bursts ----------------------------------------------------

_FILLER = (
    "The council met again on a grey morning, and its members talked about the "
    "plan for the new school until late in the day. "
)


def _long_text(words: int, *inserted: str) -> str:
    """Plain prose of about ``words`` words, with ``inserted`` sentences
    spread through it."""
    sentences = [_FILLER] * (words // len(_FILLER.split()) + 1)
    step = max(1, len(sentences) // (len(inserted) + 1))
    for number, sentence in enumerate(inserted, start=1):
        sentences.insert(number * step + number - 1, sentence + " ")
    return "".join(sentences).strip()


_SURE = [
    "It was thecar he wanted.",
    "They saidPierre would come.",
    "She sawthe house.",
    "He lost his wayinthe dark.",
    "We metthe others later.",
]


def test_a_compound_alone_in_a_long_clean_text_is_its_word() -> None:
    raw = _long_text(2 * cleanup.SHORT_TEXT, "The planemaker reported a loss.")
    assert clean(raw, repair=True).text == raw
    short = "The planemaker reported a loss."  # a sentence shows nothing either way
    assert clean(short, repair=True).text != short


def test_a_compound_among_other_glue_is_split() -> None:
    glue = _SURE[: cleanup.EVIDENCE_MIN]
    raw = _long_text(2 * cleanup.SHORT_TEXT, "The planemaker reported a loss.", *glue)
    assert "plane maker" in clean(raw, repair=True).text
    fewer = _long_text(2 * cleanup.SHORT_TEXT, "The planemaker reported a loss.", *glue[:-1])
    assert "planemaker" in clean(fewer, repair=True).text


def test_a_name_glued_to_a_word_needs_other_glue_in_a_long_text() -> None:
    alone = _long_text(2 * cleanup.SHORT_TEXT, "We met Kowalczyk there, and Kowalczykexplains.")
    assert "Kowalczykexplains" in clean(alone, repair=True).text
    glue = _SURE[: cleanup.EVIDENCE_MIN]
    among = _long_text(
        2 * cleanup.SHORT_TEXT, "We met Kowalczyk there, and Kowalczykexplains.", *glue
    )
    assert "Kowalczyk explains" in clean(among, repair=True).text


def test_a_compound_at_a_particle_is_no_sure_sign() -> None:
    # "sit out", but also "sitout": the nouns of phrasal verbs
    assert cleanup._decide("sitout") == ([3], False)
    assert cleanup._decide("thecar") == ([3], True)
    glue = _SURE[: cleanup.EVIDENCE_MIN - 1]
    raw = _long_text(2 * cleanup.SHORT_TEXT, "The sitout ended.", *glue)
    assert "sitout" in clean(raw, repair=True).text


def test_a_web_address_is_never_split() -> None:
    raw = "Songs came from bestmusicshop.com and thecar."
    assert clean(raw, repair=True).text == "Songs came from bestmusicshop.com and the car."


def test_a_sure_split_alone_in_a_long_text_needs_more_glue() -> None:
    words = int(2 / cleanup.STRONG_RATE)  # a novel: two sure splits besides each
    alone = _long_text(words, _SURE[0])
    assert "thecar" in clean(alone, repair=True).text
    several = _long_text(words, *_SURE[:3])
    assert "the car" in clean(several, repair=True).text


def test_a_run_that_is_a_word_of_its_own_is_no_evidence() -> None:
    # the text has it with another ending, or without one: its own word
    assert cleanup._is_own("hastier", {"hasty"})
    assert cleanup._is_own("midmost", {"midmosts"})
    assert not cleanup._is_own("hastier", {"haste"})
    assert not cleanup._is_own("thecar", {"the", "car", "cars"})
    assert not cleanup._is_own("saidPierre", {"said", "pierre"})
    assert cleanup._is_own("seethe", {"seethed"})
    assert not cleanup._is_own("seethe", set())  # in the word list, but so is "thefirst"


def test_sure_splits_of_the_texts_own_words_are_no_evidence() -> None:
    words = int(2 / cleanup.STRONG_RATE)  # a novel: two sure splits besides each
    own = [
        "He was hastier than the hasty man.",
        "It was headmost among the headmosts.",
        "The midmost stood among the midmosts.",
    ]
    raw = _long_text(words, *own)
    assert clean(raw, repair=True).text == raw
    without = [sentence.rsplit(" ", 2)[0] + "." for sentence in own]  # no other endings
    assert "hastier" not in clean(_long_text(words, *without), repair=True).text


def test_the_gate_of_frequent_runs_changes_no_split(monkeypatch: pytest.MonkeyPatch) -> None:
    # _may_split refuses a frequent word's split from the commonest words
    # alone: frequent words, and runs of common and frequent words, split as
    # they would without it
    from aleppo_cli.text import wordlist

    rng = random.Random(5)
    common = sorted(wordlist.common().words)
    frequent = sorted(wordlist._words().frequent)
    some = rng.sample(frequent, 1500)
    top = sorted(common, key=lambda word: -wordlist.common().words[word])[:60]
    runs = [a + b for a in top for b in top]  # "ofthe", "andthe": glue the list knows
    runs += [rng.choice(common) + rng.choice(common) for _ in range(1500)]
    runs += [rng.choice(common) + word for word in some[:500]]
    runs += [word + rng.choice(common) for word in some[500:1000]]
    runs += ["".join(rng.sample(common, 3)) for _ in range(250)] + some
    runs = [run for run in runs if len(run) >= 6 and run.isalpha() and run.islower()]
    gated = [(cleanup._split_lower(run), cleanup._split_lower(run, rare=False)) for run in runs]
    refused = [run for run in runs if wordlist.frequent().get(run) and not _may(run)]
    assert len(refused) > 250  # the gate is tried
    assert sum(bool(cleanup._split_lower(run)[0]) for run in runs if run not in refused) > 50
    monkeypatch.setattr(cleanup, "_may_split", lambda token, whole: True)
    for run, pair in zip(runs, gated, strict=True):
        for got, expected in zip(
            pair, (cleanup._split_lower(run), cleanup._split_lower(run, rare=False)), strict=True
        ):
            assert got[0] == expected[0], run
            if got[0]:
                assert got[1] == expected[1], run


def _may(run: str) -> bool:
    from aleppo_cli.text import wordlist

    return cleanup._may_split(run, wordlist.frequent()[run])
