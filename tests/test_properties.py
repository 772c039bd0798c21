"""Properties over random Unicode text: no command raises, no control
character reaches the output, offsets point at what they claim."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aleppo_cli.cli.app import app

PIECES = st.one_of(
    st.text(min_size=1, max_size=8),
    st.sampled_from(
        [
            "Hello there.",
            "He said, “Yes.”",
            '"No," she said.',
            "[bold]",
            "[/]",
            "[link=x]",
            "\x1b[31m",
            "\x07",
            "\x08",
            "\r",
            "\x9b",
            "Mr. Smith",
            "—",
            "'",
            "’",
            "«",
            "»",
            "\n\n",
            "averydifficult",
            "Advertisement",
            " ",
            "!",
            "?",
            "…",
            "مرحبا",
            "你好。",
            "e\u0301",
        ]
    ),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=30).map("".join)
CONTROLS = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {chr(c) for c in range(0x7F, 0xA0)}
SETTINGS = settings(
    settings.get_profile("aleppo"),
    # 200 examples a property on CI (derandomized there), 50 in a developer's
    # run (new ones each time); ALEPPO_EXAMPLES sets any other number.
    max_examples=int(os.environ.get("ALEPPO_EXAMPLES", "200" if os.environ.get("CI") else "50")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


# What valid input may still be refused with status 2: problems of the input
# itself, reported as one line. Anything else, an internal error above all,
# fails the properties.
USER_ERRORS = (
    "standard input looks like a binary file",  # the text has a NUL character
    "standard input contains no text",  # only white space
    "has no sentences to summarize",  # nothing but an ad marker, say
)


def run(args: list[str], text: str, expected: tuple[int, ...] = (0,)) -> tuple[int, str, str]:
    """Run the CLI on ``text``: the status must be one of ``expected``, or 2
    with one of ``USER_ERRORS`` as the only line on stderr."""
    arguments = [*args, "-"] if "--" not in args else args
    result = CliRunner().invoke(app, arguments, input=text.encode("utf-8"))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    code, err = result.exit_code, result.stderr
    if code not in expected:
        assert code == 2, (args, code, err)
        assert "internal error" not in err, (args, err)
        assert len(err.splitlines()) == 1, (args, err)
        assert err.startswith("aleppo: error: "), (args, err)
        assert any(message in err for message in USER_ERRORS), (args, err)
    return code, result.stdout, err


@SETTINGS
@given(TEXTS)
def test_no_command_raises_or_leaks_control_characters(text: str) -> None:
    for args in (["show"], ["info"], ["quotes", "--all"], ["summarize", "-s", "2"]):
        _, out, err = run(args, text, expected=(0, 1) if args[0] == "quotes" else (0,))
        assert not CONTROLS & set(out), args
        assert not CONTROLS & set(err), args
        assert len(err.splitlines()) <= 1


@SETTINGS
@given(TEXTS)
def test_offsets_point_at_their_text(text: str) -> None:
    code, out, _ = run(["show", "--json"], text)
    if code != 0:
        return
    invisible = str.maketrans("", "", "\u200b\u2060\ufeff")
    for paragraph in json.loads(out)["paragraphs"]:
        for sentence in paragraph["sentences"]:
            span = text[sentence["start"] : sentence["end"]]
            # the span is the sentence, but for white space and zero-width spaces
            expected = "".join(sentence["text"].split()).translate(invisible)
            assert "".join(span.split()).translate(invisible) == expected


@SETTINGS
@given(TEXTS, st.data())
def test_search_finds_every_sampled_phrase(text: str, data: st.DataObject) -> None:
    code, out, _ = run(["show", "--json"], text)
    if code != 0:
        return
    sentences = [s for p in json.loads(out)["paragraphs"] for s in p["sentences"]]
    words = [w for s in sentences for w in s["text"].split() if any(c.isalnum() for c in w)]
    if not words:
        return
    start = data.draw(st.integers(0, len(words) - 1))
    phrase = " ".join(words[start : start + data.draw(st.integers(1, 3))])
    restyled = phrase.upper().replace("'", "’").replace('"', "“").replace("-", "—")
    for query in (phrase, restyled):
        _, out, _ = run(["search", "--count", "--", query, "-"], text)
        assert int(out) >= 1


@SETTINGS
@given(TEXTS)
def test_summaries_are_sentences_of_the_text_in_order(text: str) -> None:
    code, shown, _ = run(["show", "--json"], text)
    if code != 0:
        return
    sentences = {s["number"]: s for p in json.loads(shown)["paragraphs"] for s in p["sentences"]}
    if not sentences:
        return  # nothing but an ad marker, say: summarize says so and exits 2
    for algorithm in ("reduction", "lex-rank", "kl"):
        code, out, err = run(["summarize", "-s", "3", "-a", algorithm, "--json"], text)
        assert code == 0, err
        chosen = json.loads(out)["sentences"]
        numbers = [s["number"] for s in chosen]
        assert numbers == sorted(set(numbers))
        for sentence in chosen:
            shown_sentence = sentences[sentence["number"]]
            for key in ("start", "end", "text"):
                assert sentence[key] == shown_sentence[key]


@SETTINGS
@given(TEXTS)
def test_reported_spans_are_the_text_as_read(text: str) -> None:
    code, out, _ = run(["quotes", "--all", "--json"], text, expected=(0, 1))  # 1: none
    if code != 0:
        return
    for quote in json.loads(out)["quotes"]:
        for part in quote["parts"]:
            assert text[part["start"] : part["end"]] == part["text"]
    code, out, _ = run(["search", "--json", "--regex", "--", r"\w+", "-"], text, expected=(0, 1))
    for hit in json.loads(out)["hits"] if code == 0 else []:
        assert text[hit["start"] : hit["end"]] == hit["match"]
