"""Markdown, read with markdown-it-py (CommonMark, with tables).

Headings are heading blocks (the first level-1 heading is the title), list
items and table rows are blocks of their own, block quotes are quote
blocks, emphasis and inline code are spans, and code blocks are kept
verbatim as code blocks. Raw HTML in the Markdown is left out. Imported only
for Markdown input.
"""

from __future__ import annotations

from typing import Any

from aleppo_cli.text.formats.model import Builder, Extracted, Metadata, Style

# markdown-it stops nesting blocks past this depth (a hostile file of
# thousands of nested lists is read as text beyond it, in linear time).
MAX_NESTING = 20

_STYLES: dict[str, Style] = {"em": "italic", "strong": "bold"}


def extract(text: str) -> Extracted:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    _flatten_past_the_limit(parser)
    tokens = parser.parse(text)
    builder = Builder()
    title = ""
    lists = 0  # depth of the lists around
    quotes = 0
    items: list[int] = []  # depth of each open list item
    heading = 0
    cells = 0  # cells so far in the table row
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "list_item_open":
            items.append(lists)
            marker = f"{token.info}{token.markup}" if token.info else ""  # "3." in a numbered list
            builder.begin("item", lists, marker)
        elif kind == "list_item_close":
            items.pop()
            builder.end()
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "heading_open":
            heading = int(token.tag[1:])
            builder.begin("heading", heading)
        elif kind == "heading_close":
            if heading == 1 and not title:
                title = _plain(tokens, token)
            heading = 0
            builder.end()
        elif kind == "paragraph_open":
            if items and not token.hidden and builder.has_text():
                builder.begin("item", items[-1])  # a second paragraph of a loose item
            elif not items:
                builder.begin("quote", quotes) if quotes else builder.begin("paragraph")
        elif kind == "paragraph_close":
            if not items:
                builder.end()
        elif kind == "tr_open":
            builder.begin("row")
            cells = 0
        elif kind in ("th_open", "td_open"):
            if cells:
                builder.add(" | ")
            cells += 1
        elif kind == "tr_close":
            builder.end()
        elif kind in ("fence", "code_block"):
            builder.code(token.content)
        elif kind == "inline":
            _inline(builder, token.children or [])
    return builder.finish(Metadata(title=title), "markdown")


def _flatten_past_the_limit(parser: Any) -> None:
    """Read the lines nested past ``MAX_NESTING`` as paragraphs of text.

    markdown-it skips them, and with them every line to the end of the
    enclosing block (for a list: of the document); they are the user's words.
    """
    block = parser.block
    tokenize = block.tokenize

    def flat(state: Any, start: int, end: int) -> None:
        if state.level < MAX_NESTING:
            tokenize(state, start, end)
            return
        line = start
        lines: list[str] = []
        while line < end:
            empty = state.isEmpty(line)
            if not empty and state.sCount[line] < state.blkIndent:
                break  # the enclosing block ends here, as markdown-it decides
            if not empty:
                first = state.bMarks[line] + state.tShift[line]
                lines.append(state.src[first : state.eMarks[line]])
            elif lines:
                _paragraph(state, "\n".join(lines), line)
                lines = []
            line += 1
        if lines:
            _paragraph(state, "\n".join(lines), line)
        state.line = line

    block.tokenize = flat


def _paragraph(state: Any, content: str, line: int) -> None:
    state.push("paragraph_open", "p", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [line, line + 1]
    inline.children = []
    state.push("paragraph_close", "p", -1)


def _plain(tokens: list[Any], close: Any) -> str:
    """The text of the heading that ``close`` ends."""
    index = tokens.index(close)
    inline = tokens[index - 1]
    return " ".join((inline.content or "").split())


def _inline(builder: Builder, children: list[Any]) -> None:
    styles: list[Style | None] = [None]
    for child in children:
        kind = child.type
        if kind == "text":
            builder.add(child.content, styles[-1])
        elif kind in ("softbreak", "hardbreak"):
            builder.add(" ")
        elif kind == "code_inline":
            builder.add(child.content, "code")
        elif kind.endswith("_open") and kind[:-5] in _STYLES:
            styles.append(_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _STYLES:
            if len(styles) > 1:
                styles.pop()
        elif kind == "image":
            builder.add(child.content, styles[-1])  # its alt text
        # links keep their text (the text tokens inside); raw HTML is left out
