import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aleppo_cli.analysis import search
from aleppo_cli.cli.app import app
from aleppo_cli.errors import UsageError
from tests.builders import document_of
from tests.conftest import REVIEW


@pytest.mark.parametrize(
    "query",
    [
        "This is our destiny.",
        "this is our destiny",
        '"This is our destiny,"',
        "THIS   IS\nOUR destiny",
        "“this is our destiny”",
    ],
)
def test_finds_khaleds_line_however_it_is_typed(runner: CliRunner, query: str) -> None:
    result = runner.invoke(app, ["search", query, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["count"] == 1
    hit = data["hits"][0]
    raw = REVIEW.read_text("utf-8")
    assert raw[hit["start"] : hit["end"]] == "This is our destiny"
    assert (hit["paragraph"], hit["sentence"], hit["speaker"]) == (4, 14, "Khaled")
    assert hit["sentence_text"] == "“This is our destiny,” Khaled says."


def test_plain_output_and_count_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "This is our destiny."])  # piped: a hit a line
    assert result.stdout == (
        "paragraph 4, sentence 14 — Khaled: “This is our destiny,” Khaled says.\n\n1 hit\n"
    )
    wrapped = runner.invoke(app, ["search", "This is our destiny.", "--width", "60"])
    assert wrapped.stdout == (
        "paragraph 4, sentence 14 — Khaled\n  “This is our destiny,” Khaled says.\n\n1 hit\n"
    )


def test_apostrophes_dashes_and_diacritics_do_not_matter(runner: CliRunner) -> None:
    for query in ("We're going to die", "verite portrait", "obstacles a car overheats"):
        assert runner.invoke(app, ["search", query, "--count"]).stdout == "1\n", query


def test_exit_codes_like_grep(runner: CliRunner) -> None:
    assert runner.invoke(app, ["search", "Aleppo", "--count"]).exit_code == 0
    missing = runner.invoke(app, ["search", "no such phrase here"])
    assert missing.exit_code == 1
    assert missing.stdout == "0 hits\n"
    assert runner.invoke(app, ["search", ""]).exit_code == 2


def test_modes() -> None:
    document = document_of(["Cats and cat-like catalogs.", "The CAT sat."])
    searcher = search.Searcher(document)
    assert len(searcher.search(search.Query("cat"))) == 4
    # whole words: the "cat" of "cat-like" and "CAT", not "Cats" or "catalogs"
    assert len(searcher.search(search.Query("cat", word=True))) == 2
    assert [h.match for h in searcher.search(search.Query("CAT", search.Mode.EXACT))] == ["CAT"]
    regex_hits = searcher.search(search.Query(r"\bcat\w*", search.Mode.REGEX))
    assert [h.match for h in regex_hits] == ["cat", "catalogs"]
    fuzzy = searcher.search(search.Query("catalgs", search.Mode.FUZZY))
    assert [h.match for h in fuzzy] == ["catalogs"]


def test_fuzzy_finds_a_typo(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "this is are destiny", "--fuzzy", "--json"])
    data = json.loads(result.stdout)
    assert data["mode"] == "fuzzy"
    assert [h["match"] for h in data["hits"]] == ["This is our destiny"]
    strict = runner.invoke(app, ["search", "this is are destiny", "--fuzzy", "--min-score", "99"])
    assert strict.exit_code == 1


def test_context_sentences(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "destiny", "--context", "1", "--width", "400"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("  [13] Fayyad emphasizes that these are normal men")
    assert lines[1:4] == [
        "paragraph 4, sentence 14 — Khaled",
        "> [14] “This is our destiny,” Khaled says.",
        "  [15] “We’re going to die like everyone else.”",
    ]
    piped = runner.invoke(app, ["search", "destiny", "--context", "1"]).stdout.splitlines()
    assert piped[0].startswith("paragraph 4, sentence 13- Fayyad emphasizes")
    assert piped[1] == "paragraph 4, sentence 14 — Khaled: “This is our destiny,” Khaled says."
    assert piped[2] == "paragraph 4, sentence 15- “We’re going to die like everyone else.”"


def test_overlapping_contexts_show_each_sentence_once(runner: CliRunner) -> None:
    # Sentences 11 and 12 both name Khaled: their contexts overlap.
    lines = runner.invoke(app, ["search", "Khaled", "--context", "1"]).stdout.splitlines()
    numbers = [int(line.split(",")[1].split()[1].rstrip(":-")) for line in lines if "," in line]
    assert numbers[:6] == [10, 11, 12, 13, 14, 15]
    assert len(numbers) == len(set(numbers))
    assert lines[6] == "--"


def test_a_hit_across_two_sentences_shows_both(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "Khaled says. We're going", "--width", "200"])
    assert result.stdout == (
        "paragraph 4, sentences 14-15\n"
        "  “This is our destiny,” Khaled says. “We’re going to die like everyone else.”\n"
        "\n1 hit\n"
    )


def test_word_is_like_grep_w(runner: CliRunner) -> None:
    count = {
        args: runner.invoke(app, ["search", *args, "--count"]).stdout
        for args in (("Fayyad",), ("Fayyad", "--word"), ("Assad", "--word"), ("al-Assad", "--word"))
    }
    assert count[("Fayyad",)] == count[("Fayyad", "--word")] == "12\n"  # Fayyad’s counts
    assert count[("Assad", "--word")] == count[("al-Assad", "--word")] == "1\n"  # al-Assad’s
    assert runner.invoke(app, ["search", "Fayya", "--word", "--count"]).stdout == "0\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["[bad", "--regex"],
            "invalid regular expression '[bad': unterminated character set at position 4",
        ),
        (["x", "--regex", "--fuzzy"], "--regex and --fuzzy do not go together"),
        (
            ["x", "--context", "-1"],
            "Invalid value for '--context' / '-C': -1 is not in the range x>=0",
        ),
        (
            [
                "...",
            ],
            "has no letters or digits",
        ),
    ],
)
def test_errors(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["search", *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_catastrophic_regex_is_stopped_at_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "REGEX_TIMEOUT", 0.05)  # not the real 2 s
    document = document_of(["a" * 80 + "!"])
    started = time.perf_counter()
    with pytest.raises(UsageError, match=r"took longer than 0\.05 s"):
        search.Searcher(document).search(search.Query(r"(a|aa)+$", search.Mode.REGEX))
    assert time.perf_counter() - started < 1.0


def test_the_regex_time_limit_is_the_documented_two_seconds() -> None:
    assert search.REGEX_TIMEOUT == 2.0


def test_offsets_map_to_the_raw_text() -> None:
    raw = "Un  portrait\u00a0de\r\nla vérité. Fin."
    from aleppo_cli.text.document import build

    searcher = search.Searcher(build(raw))
    (hit,) = searcher.search(search.Query("portrait de la verite"))
    assert raw[hit.start : hit.end] == "portrait\u00a0de\r\nla vérité"


def test_decomposed_diacritics_and_odd_case_folds() -> None:
    assert search.fold("ve\u0301rite\u0301") == "verite"
    assert search.fold("VÉRITÉ") == "verite"
    assert search.fold("0\u0345") == search.fold("0\u0399")  # ypogegrammeni folds to iota
    assert search.fold("Straße") == "strasse"
    assert search.fold("ışık") == search.fold("IŞIK") == "isik"  # the dotless ı is I in capitals


def test_the_help_names_the_librarys_default_score() -> None:
    from aleppo_cli.cli.commands import search as command

    assert command.DEFAULT_MIN_SCORE == search.DEFAULT_MIN_SCORE


# --- the folded copy, in pieces and with a lazy position map, is the plain one -----

_folding = st.lists(
    st.one_of(
        st.sampled_from(["a", "B", "é", "e\u0301", "\u0301", "’", "'", "`", "´", "ʼ", "‘"]),
        st.sampled_from(["ß", "ﬁ", "İ", "Σ", "0", "²", "½", "\u0345", "ǅ", "Ⅻ", "word", "ﷺ", "ı"]),
        st.sampled_from([" ", "\n", "\t", "\u00a0", "-", ".", "\u200b"]),
        st.characters(),
    ),
    min_size=400,
    max_size=1500,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(_folding)
def test_folding_in_pieces_is_folding_a_character_at_a_time(text: str) -> None:
    expected_text, expected_positions = search._fold_exact(text)
    folded = search.Folded(text)
    assert folded.text == expected_text
    assert len(folded.positions) == len(expected_positions)
    if expected_positions:
        assert folded.positions[-1] == expected_positions[-1]
        assert folded.positions[5:50:7] == expected_positions[5:50:7]
    assert list(folded.positions) == expected_positions


def test_no_quotation_analysis_when_no_hit_is_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    from aleppo_cli.analysis.quotes import quotations

    document = document_of(["Nora walked home."], ["“Stay here,” said Nora."])
    found = quotations.find(document)

    def no_analysis(document: object) -> None:
        raise AssertionError("the quotations were analysed")

    monkeypatch.setattr(quotations, "find", no_analysis)
    outside = search.run(document, search.Query("walked"))
    assert len(outside.hits) == 1 and outside.speakers == (None,)
    monkeypatch.setattr(quotations, "find", lambda document: found)
    inside = search.run(document, search.Query("stay"))
    assert inside.speakers == ("Nora",)


def test_a_long_text_with_a_lone_surrogate_folds_as_short_ones_do() -> None:
    text = ("Caf\u00e9 au lait, \udc80 we’re here. " * 40).strip()
    expected_text, expected_positions = search._fold_exact(text)
    folded = search.Folded(text)
    assert folded.text == expected_text
    assert list(folded.positions) == expected_positions


# --- across an attribution --------------------------------------------------------


KHALED = "This is our destiny, we're going to die"


@pytest.mark.parametrize("mode", [[], ["--fuzzy"]])
def test_a_quotation_split_by_its_attribution_is_found_whole(
    runner: CliRunner, mode: list[str]
) -> None:
    result = runner.invoke(app, ["search", KHALED, "--json", *mode])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["count"] == 1
    hit = data["hits"][0]
    assert hit["match"] == "This is our destiny,” Khaled says. “We’re going to die"
    assert [piece["match"] for piece in hit["pieces"]] == [
        "This is our destiny,",
        "We’re going to die",
    ]
    assert (hit["paragraph"], hit["sentences"], hit["speaker"]) == (4, [14, 15], "Khaled")
    assert hit["score"] == 100


def test_across_an_attribution_in_plain_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", KHALED])
    assert result.stdout == (
        "paragraph 4, sentences 14-15 — Khaled: “This is our destiny,” Khaled says. "
        "“We’re going to die like everyone else.”\n\n1 hit\n"
    )


def test_only_a_match_across_the_parts_is_a_joined_hit() -> None:
    document = document_of(
        ["“The river is high,” Nora said. “Nobody crosses today.”"],
        ["The river is high. Nobody crosses today."],
    )
    searcher = search.Searcher(document)
    joined, narration = searcher.search(search.Query("high nobody crosses"))
    assert joined.sentence.paragraph == 1
    assert [piece.match for piece in joined.pieces] == ["high,", "Nobody crosses"]
    # (across two sentences of the narration: an ordinary hit, as before)
    assert (narration.sentence.paragraph, narration.pieces) == (2, ())
    # a match inside one part is an ordinary hit, found once
    inside = searcher.search(search.Query("the river is high"))
    assert [(hit.sentence.paragraph, hit.pieces) for hit in inside] == [(1, ()), (2, ())]
    # whole words only: "high no" does not run into "Nobody" as a word
    assert searcher.search(search.Query("high no", word=True)) == []
    # a match in the text itself wins over one across the parts that overlaps it
    found = searcher.search(search.Query("high no"))
    assert [(hit.match, hit.pieces) for hit in found] == [("high,” No", ()), ("high. No", ())]


def test_the_joined_hit_is_marked_only_on_the_quoted_words() -> None:
    from aleppo_cli.output import styled

    document = document_of(["“The river is high,” Nora said. “Nobody crosses today.”"])
    [hit] = search.Searcher(document).search(search.Query("high nobody"))
    first, second = document.paragraphs[0].sentences
    marked = styled._with_hits(first, [hit])
    assert [first.text[span.start : span.end] for span in marked.spans] == ["high,"]
    marked = styled._with_hits(second, [hit])
    assert [second.text[span.start : span.end] for span in marked.spans] == ["Nobody"]


# --- fuzzy: scores and ranks --------------------------------------------------------


def test_a_short_sentence_no_longer_matches_a_long_query() -> None:
    document = document_of(["The bridge fell. Nobody was hurt when it went down."])
    searcher = search.Searcher(document)
    long_query = "The bridge fell into the river at dawn and nobody saw it go"
    assert searcher.search(search.Query(long_query, search.Mode.FUZZY)) == []
    # a query the sentence holds still scores 100
    [hit] = searcher.search(search.Query("the bridge fel", search.Mode.FUZZY))
    assert (hit.match, hit.score) == ("The bridge fell", 100.0)


def test_fuzzy_hits_are_ranked_by_score_best_first(runner: CliRunner) -> None:
    query = ["search", "the white helmets are heroes", "--fuzzy", "--min-score", "60"]
    data = json.loads(runner.invoke(app, [*query, "--json"]).stdout)
    scores = [hit["score"] for hit in data["hits"]]
    assert len(scores) > 2 and scores == sorted(scores, reverse=True)
    assert data["hits"][0]["sentence_text"].startswith("The White Helmets are heroes")
    plain = runner.invoke(app, query).stdout.splitlines()
    shown = [float(line.split("(score ")[1].split(")")[0]) for line in plain if "(score " in line]
    assert shown == scores


def test_every_json_hit_has_its_score(runner: CliRunner) -> None:
    data = json.loads(runner.invoke(app, ["search", "Aleppo", "--json"]).stdout)
    assert data["count"] > 1 and {hit["score"] for hit in data["hits"]} == {100}


def test_ranked_hits_keep_their_context_blocks_whole() -> None:
    document = document_of(["Alpha one. Beta two. Gamma three. Delta four. Alpha ones."])
    hits = [
        search.Searcher(document).search(search.Query(q, search.Mode.FUZZY))[0]
        for q in ("alpha ones", "alpha one")
    ]
    sentences = list(document.sentences)
    groups = search.group(sentences, hits, (None, None))
    shown = search.blocks(sentences, groups, 1)
    numbers = [[s.number for s in block.sentences] for block in shown]
    assert numbers == [[4, 5], [1, 2]] or numbers == [[1, 2, 3, 4, 5]]
    for block in shown:  # each sentence once, in order
        assert [s.number for s in block.sentences] == sorted({s.number for s in block.sentences})


# --- the text as read ----------------------------------------------------------------


@pytest.mark.parametrize(
    "mode",
    [[], ["--exact"], ["--regex"], ["--word"], ["--repair"], ["--exact", "--repair"]],
)
def test_what_is_literally_in_the_file_is_found(
    runner: CliRunner, tmp_path: Path, mode: list[str]
) -> None:
    page = tmp_path / "notes.txt"
    page.write_text("The dataLayer object holds the page state.\n", "utf-8")
    result = runner.invoke(app, ["search", "dataLayer", str(page), "--json", *mode])
    assert result.exit_code == 0, result.output
    [hit] = json.loads(result.stdout)["hits"]
    assert (hit["start"], hit["end"], hit["match"]) == (4, 13, "dataLayer")


@pytest.mark.parametrize("mode", [search.Mode.FOLDED, search.Mode.EXACT, search.Mode.REGEX])
def test_a_repaired_word_is_found_as_it_was_written(mode: search.Mode) -> None:
    from aleppo_cli.text.cleanup import GLUED, CleanText, Edit
    from aleppo_cli.text.document import from_clean

    raw = "She said goodbye. The photographyFadi shows is grim."
    glue = raw.index("Fadi")
    cleaned = CleanText(
        raw, raw[:glue] + " " + raw[glue:], (Edit(glue, glue, " ", GLUED),), (glue,)
    )
    document = from_clean(cleaned)
    searcher = search.Searcher(document)
    [hit] = searcher.search(search.Query("photographyFadi", mode))
    assert (hit.start, hit.end, hit.match) == (22, 37, "photographyFadi")
    assert (hit.clean_start, hit.clean_end) == (22, 38)
    assert hit.sentence.number == 2
    # the repaired form is found once, not again from the text as read
    assert len(searcher.search(search.Query("photography", mode))) == 1


def test_an_ad_marker_clean_up_removed_is_not_searched() -> None:
    document = document_of(["The rescue began. Advertisement Then the dust settled."])
    assert "Advertisement" not in document.clean.text
    assert search.Searcher(document).search(search.Query("Advertisement")) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09 '`’ʼ.-\n\t_éÉúëßﬁ\u0301\u0345“”—²½", max_size=80))
def test_position_maps_a_run_at_a_time_are_those_a_character_at_a_time(text: str) -> None:
    positions = search._run_positions(text)
    if positions is not None:
        assert list(positions) == search._fold_exact(text)[1]
    plain = "".join(c for c in text if c not in "ßﬁ\u0301\u0345²½")  # all mapped by runs
    assert list(search._run_positions(plain) or [-1]) == (search._fold_exact(plain)[1] or [-1])


def test_the_text_as_read_is_searched_only_where_a_repair_may_hide_the_query() -> None:
    from aleppo_cli.text.cleanup import GLUED, CleanText, Edit
    from aleppo_cli.text.document import from_clean

    raw = "The photographyFadi shows is grim."
    glue = raw.index("Fadi")
    cleaned = CleanText(
        raw, raw[:glue] + " " + raw[glue:], (Edit(glue, glue, " ", GLUED),), (glue,)
    )
    searcher = search.Searcher(from_clean(cleaned))
    may = searcher._may_match_a_repair
    assert may(search.Query("phyfa")) and may(search.Query("yF", search.Mode.EXACT))
    assert not may(search.Query("photography Fadi")) and not may(search.Query("grim"))
    assert not may(search.Query("yf", search.Mode.EXACT))  # exact: case matters
    assert may(search.Query("grim", search.Mode.REGEX))  # a pattern could match anything
    unrepaired = search.Searcher(document_of(["The photography shows it."]))
    assert not unrepaired._may_match_a_repair(search.Query("x", search.Mode.REGEX))


def test_many_split_quotations_and_many_repairs_give_every_hit() -> None:
    from aleppo_cli.text.cleanup import GLUED, CleanText, Edit
    from aleppo_cli.text.document import from_clean

    many = document_of(*[["“We wait,” she said. “Then we go.”"]] * 2000)
    found = search.Searcher(many).search(search.Query("we wait then we go"))
    assert len(found) == 2000 and all(len(hit.pieces) == 2 for hit in found)
    # a thousand glued words split, each found as it was written
    raw = " ".join(["The photographyFadi shows it."] * 1000)
    edits, clean, starts = [], [], []
    previous = 0
    for shift in range(1000):  # each split so far moves the cleaned text on by one
        glue = raw.index("Fadi", previous)
        clean.append(raw[previous:glue] + " ")
        edits.append(Edit(glue, glue, " ", GLUED))
        starts.append(glue + shift)
        previous = glue
    clean.append(raw[previous:])
    cleaned = CleanText(raw, "".join(clean), tuple(edits), tuple(starts))
    searcher = search.Searcher(from_clean(cleaned))
    hits = searcher.search(search.Query("photographyFadi", search.Mode.EXACT))
    assert len(hits) == 1000 and {hit.match for hit in hits} == {"photographyFadi"}
    assert len(searcher.search(search.Query("graphyfadi shows"))) == 1000


def test_each_ranked_hit_has_the_context_of_its_own_block(runner: CliRunner) -> None:
    query = ["search", "the white helmets are heroes", "--fuzzy", "--min-score", "60", "-C", "2"]
    data = json.loads(runner.invoke(app, [*query, "--json"]).stdout)
    assert len(data["hits"]) > 2
    for hit in data["hits"]:
        numbers = [entry["number"] for entry in hit["context"]]
        first, last = hit["sentences"][0], hit["sentences"][-1]
        expected = [n for n in range(first - 2, last + 3) if n >= 1]
        assert numbers == expected[: len(numbers)] and numbers[0] == expected[0], hit["sentence"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ09 '`.-\n\t_\x00\x7f!", max_size=120))
def test_position_maps_of_ascii_texts_are_those_a_character_at_a_time(text: str) -> None:
    assert list(search._ascii_positions(text)) == search._fold_exact(text)[1]
