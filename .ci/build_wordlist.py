"""Write aleppo_cli/text/wordlist.bin, the word list in the form that
aleppo_cli/text/wordlist.py reads fastest, from wordfreq's installed data
file (run again after wordfreq's English list changes: until then the
shipped form is not used, as it no longer matches).

python .ci/build_wordlist.py
"""

from __future__ import annotations

from aleppo_cli.text import wordlist


def main() -> None:
    source = wordlist._source_path()
    if source is None:
        raise SystemExit("wordfreq's data file of English words is not installed")
    data = wordlist.pack(wordlist._buckets(), wordlist.signature(source))
    wordlist.SHIPPED.write_bytes(data)
    print(f"wrote {wordlist.SHIPPED.name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
