import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aleppo_cli.errors import InputError
from aleppo_cli.text import sources
from aleppo_cli.text.beside import Beside
from tests.builders import invoke
from tests.conftest import REVIEW


def test_catalogue_lists_the_review_with_its_metadata() -> None:
    entry = sources.catalogue()["last-men-in-aleppo"]
    assert entry.title == "Last Men in Aleppo"
    assert entry.kind == "film review"
    assert entry.source == "https://www.rogerebert.com/reviews/last-men-in-aleppo-2017"


def test_default_text_is_the_review_as_read() -> None:
    source = sources.load(None)
    assert source.name == "last-men-in-aleppo"
    assert source.text == REVIEW.read_text(encoding="utf-8")


def test_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Hello there.", encoding="utf-8")
    assert sources.load(str(path)).text == "Hello there."
    assert sources.load("-", io.BytesIO(b"From stdin.")).text == "From stdin."


def test_a_name_is_never_joined_into_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="bundled texts: last-men-in-aleppo"):
        sources.load("../texts/last-men-in-aleppo")
    with pytest.raises(InputError, match="no bundled text or file named 'last-men'"):
        sources.load("last-men")


@pytest.mark.parametrize(
    ("data", "expected", "note"),
    [
        (codecs.BOM_UTF8 + "Café.".encode(), "Café.", ""),
        ("Café.".encode("utf-16"), "Café.", ""),
        ("Déjà vu, naïve café.".encode("cp1252"), "Déjà vu, naïve café.", "not UTF-8"),
    ],
)
def test_decoding(data: bytes, expected: str, note: str) -> None:
    text, _, message = sources.decode(data)
    assert text == expected
    assert note in message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (b"", "contains no text"),
        (b"  \n\t \r\n", "contains no text"),
    ],
)
def test_bad_input_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        sources.load(str(path))


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        sources.load(str(tmp_path))
    with pytest.raises(InputError, match="no bundled text or file named"):
        sources.load(str(tmp_path / "missing.txt"))


def test_bundled_indexes_match_the_live_computation() -> None:
    """texts/*.index.json must be what clean-up and segmentation compute now
    (regenerate with `python .ci/index_texts.py`)."""
    import json

    from aleppo_cli.text import prebuilt as index

    for name in sources.catalogue():
        stored = sources.read_index(name)
        assert stored is not None, f"{name} has no index"
        raw = sources.load(name).text
        assert json.loads(stored) == index.make(raw)


def test_index_is_used_only_for_the_text_it_was_made_from() -> None:
    import json

    from aleppo_cli.text import prebuilt as index

    raw = sources.load(None).text
    data = json.loads(sources.read_index("last-men-in-aleppo") or "{}")
    assert index.document(raw, data) is not None
    assert index.document(raw + " More.", data) is None


@pytest.fixture
def fresh_code_fingerprint() -> Iterator[None]:
    from aleppo_cli.text import prebuilt

    prebuilt.code_fingerprint.cache_clear()
    yield
    prebuilt.code_fingerprint.cache_clear()


@pytest.mark.usefixtures("fresh_code_fingerprint")
@pytest.mark.parametrize("changed", ["cleanup.py", "wordlist.py", "segmenter.py", "document.py"])
def test_index_is_not_used_once_the_code_that_made_it_changes(
    monkeypatch: pytest.MonkeyPatch, changed: str
) -> None:
    import json

    from aleppo_cli.text import prebuilt

    raw = sources.load(None).text
    data = json.loads(sources.read_index("last-men-in-aleppo") or "{}")
    assert prebuilt.document(raw, data) is not None
    original = prebuilt._source_bytes

    def edited(name: str) -> bytes:
        return original(name) + (b"\n# a changed rule\n" if name == changed else b"")

    monkeypatch.setattr(prebuilt, "_source_bytes", edited)
    prebuilt.code_fingerprint.cache_clear()
    assert prebuilt.document(raw, data) is None


@pytest.mark.usefixtures("fresh_code_fingerprint")
def test_index_is_not_used_when_the_code_cannot_be_read(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from aleppo_cli.text import prebuilt

    def unreadable(name: str) -> bytes:
        raise FileNotFoundError(name)

    monkeypatch.setattr(prebuilt, "_source_bytes", unreadable)
    raw = sources.load(None).text
    data = json.loads(sources.read_index("last-men-in-aleppo") or "{}")
    assert prebuilt.document(raw, data) is None


def test_the_code_fingerprint_covers_every_module_that_computes_an_index() -> None:
    """``prebuilt.CODE`` lists clean-up, segmentation and every module of this
    package they import (so a rule moved to a new module is not forgotten)."""
    import ast

    from aleppo_cli.text import prebuilt

    folder = Path(prebuilt.__file__).parent
    needed: set[str] = set()
    pending = ["cleanup.py", "document.py"]
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        needed.add(name)
        for node in ast.walk(ast.parse((folder / name).read_text(encoding="utf-8"))):
            modules = []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            for module in modules:
                assert not module.startswith("aleppo_cli.") or module.startswith(
                    "aleppo_cli.text"
                ), f"{name} imports {module}, outside aleppo_cli.text"
                if module.startswith("aleppo_cli.text.") and module.count(".") == 2:
                    pending.append(module.rsplit(".", 1)[1] + ".py")
    assert needed | {"prebuilt.py"} == set(prebuilt.CODE)


def test_tests_build_the_bundled_review_live(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the prebuilt_index marker, conftest keeps the index away."""
    from aleppo_cli.text import document, prebuilt

    built: list[str] = []
    live = document.build

    def spy(
        raw: str, repair: bool | None = None, beside: Beside[Any] | None = None
    ) -> document.Document:
        built.append(raw)
        return live(raw, repair, beside)

    monkeypatch.setattr(document, "build", spy)
    source = sources.load(None)
    assert prebuilt.stored(source) is None
    prebuilt.document_for(source)
    assert built == [source.text]


@pytest.mark.prebuilt_index
def test_the_bundled_review_is_read_from_its_index_and_equals_the_live_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aleppo_cli.text import document, prebuilt

    source = sources.load(None)
    live = document.build(source.text)

    def no_build(raw: str) -> document.Document:
        raise AssertionError("built live: the index was not used")

    monkeypatch.setattr(document, "build", no_build)
    assert prebuilt.stored(source) is not None
    assert prebuilt.document_for(source) == live


@pytest.mark.prebuilt_index
def test_the_cli_shows_the_same_review_from_the_index_as_live(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer.testing import CliRunner

    from aleppo_cli.cli.app import app
    from aleppo_cli.text import document, prebuilt

    def show() -> str:
        result = CliRunner().invoke(app, ["show", "--json"])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    def no_build(raw: str) -> document.Document:
        raise AssertionError("built live: the index was not used")

    with monkeypatch.context() as patch:
        patch.setattr(document, "build", no_build)
        from_index = show()
    monkeypatch.setattr(prebuilt, "stored", lambda source: None)
    assert show() == from_index


@pytest.mark.parametrize(
    "line",
    [
        "She wore a “lamé” dress; it cost £5 or ¥600.",
        "‘Half’ is ½, and a quarter is ¼.",
        "Café au lait for £3.",
        "¥1000 is about £5.",
        "Déjà vu — naïve, ça va?",
    ],
)
def test_a_short_windows_1252_line_is_read_as_such(line: str) -> None:
    text, encoding, note = sources.decode(line.encode("cp1252"))
    assert (text, encoding) == (line, "cp1252")
    assert "decoded it as cp1252" in note


@pytest.mark.parametrize(
    ("line", "encoding"),
    [
        ("Привет, как дела? Это короткий текст на русском языке.", "cp1251"),
        ("北京是中国的首都。这是一个简短的句子。", "gb18030"),
        ("서울은 한국의 수도입니다. 짧은 문장입니다.", "euc_kr"),
    ],
)
def test_cyrillic_and_cjk_code_pages_still_win_on_evidence(line: str, encoding: str) -> None:
    """Read as Windows-1252 these are runs of accented capitals and signs:
    not Western text, so the detector's guess stands."""
    data = line.encode(encoding)
    assert not sources.plausible_western(data.decode("cp1252"))
    assert sources.decode(data)[0] == line


def test_plausible_western() -> None:
    assert sources.plausible_western("Größe, Übermaß, schön; œuvre.")
    assert not sources.plausible_western("Ïðèâåò, êàê äåëà?")  # cp1251 read as cp1252
    assert not sources.plausible_western("Tokyo (“Œ‹ž) is big.")  # Shift-JIS read as cp1252
    assert not sources.plausible_western("ÉÊËÌ")  # a run of four accented letters
    assert not sources.plausible_western("Ééé é ab")  # mostly accented letters


def test_a_forced_encoding_is_used_as_given() -> None:
    data = "Café £5".encode("latin-1")
    assert sources.decode(data, encoding="latin-1")[:2] == ("Café £5", "iso8859-1")
    assert sources.decode("Привет".encode("koi8_r"), encoding="koi8-r")[0] == "Привет"
    assert sources.decode(codecs.BOM_UTF8 + b"Hi", encoding="utf-8")[0] == "Hi"


def test_a_forced_encoding_that_does_not_fit_is_one_error() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        sources.decode(b"abc", encoding="klingon")
    with pytest.raises(InputError, match=r"is not valid utf-8: byte 0xe9 at offset 3"):
        sources.decode(b"Caf\xe9", encoding="utf-8")


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/notes.txt", "file:///etc/hostname"])
def test_an_address_of_another_scheme_is_named_as_such(address: str) -> None:
    # not "no bundled text or file named 'ftp://…'": it is an address aleppo
    # does not fetch, and nothing is read or fetched
    outcome = invoke(["show", address])
    assert outcome.status == 2
    assert outcome.stderr.startswith("aleppo: error: ") and outcome.stderr.count("\n") == 1
    assert "only http:// and https:// addresses" in outcome.stderr
    assert "bundled" not in outcome.stderr
