"""An element tree (HTML, XHTML or trafilatura's XML) walked into blocks.

Each format module says what an element is (``Rule``); the walk itself is
iterative, so a deeply nested page cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aleppo_cli.text.formats.model import BlockKind, Builder, Style


@dataclass(frozen=True)
class Rule:
    """What an element is.

    ``action``: "skip" (drop it and its content; its tail stays), "code" (a
    code block, verbatim), "break" (a line break inside a block), "block"
    (starts a block of ``kind``: a paragraph takes the kind of the list item
    or quote it is in), "list" (a list: items inside are one level deeper),
    "cell" (a table cell: cells of a row are joined by " | "), "inline" (text
    in the current block, in ``style`` if given).
    """

    action: str
    kind: BlockKind = "paragraph"
    level: int = 0
    style: Style | None = None
    start: int = 0  # a numbered list's first number; 0: a bulleted list


Classify = Callable[[Any], Rule]

SKIP = Rule("skip")
CODE = Rule("code")
BREAK = Rule("break")
LIST = Rule("list")
CELL = Rule("cell")
INLINE = Rule("inline")


def walk(root: Any, classify: Classify, builder: Builder) -> None:
    """Add the blocks of ``root``'s content to ``builder``."""
    contexts: list[list[Any]] = [["paragraph", 0, 0]]  # [name, level, next number of a list]
    styles: list[Style | None] = [None]
    stack: list[tuple[Any, Any]] = [(root, None)]
    while stack:
        element, rule = stack.pop()
        if rule is not None:  # leaving ``element``
            _leave(element, rule, builder, contexts, styles)
            continue
        rule = classify(element) if isinstance(element.tag, str) else SKIP
        if rule.action == "skip":
            _add(builder, element.tail, styles)
            continue
        if rule.action == "code":
            builder.code(_all_text(element))
            _resume(builder, contexts)
            _add(builder, element.tail, styles)
            continue
        if rule.action == "break":
            builder.add(" ")
            _add(builder, element.tail, styles)
            continue
        _enter(element, rule, builder, contexts, styles)
        _add(builder, element.text, styles)
        stack.append((element, rule))
        stack.extend((child, None) for child in reversed(list(_children(element))))


def _enter(
    element: Any,
    rule: Rule,
    builder: Builder,
    contexts: list[list[Any]],
    styles: list[Style | None],
) -> None:
    if rule.action == "list":
        depth = sum(1 for context in contexts if context[0] == "list") + 1
        contexts.append(["list", depth, rule.start])
    elif rule.action == "block":
        kind, level, marker = rule.kind, rule.level, ""
        if kind == "item":
            lists = [context for context in contexts if context[0] == "list"]
            level = max(1, len(lists))
            if lists and lists[-1][2]:  # a numbered list
                marker = f"{lists[-1][2]}."
                lists[-1][2] += 1
            contexts.append(["item", level, 0])
        elif kind == "quote":
            level = sum(1 for context in contexts if context[0] == "quote") + 1
            contexts.append(["quote", level, 0])
        elif kind == "paragraph":
            kind, level = _inherited(contexts)
        builder.begin(kind, level, marker)
    elif rule.action == "cell":
        if builder.has_text():
            builder.add(" | ")
    elif rule.action == "inline":
        styles.append(rule.style or styles[-1])


def _leave(
    element: Any,
    rule: Rule,
    builder: Builder,
    contexts: list[list[Any]],
    styles: list[Style | None],
) -> None:
    if rule.action == "list" or (rule.action == "block" and rule.kind in ("item", "quote")):
        contexts.pop()
    if rule.action in ("list", "block"):
        _resume(builder, contexts)
    elif rule.action == "inline":
        styles.pop()
    _add(builder, element.tail, styles)


def _inherited(contexts: list[list[Any]]) -> tuple[BlockKind, int]:
    name, level, _ = contexts[-1]
    if name == "item":
        return "item", level
    if name == "quote":
        return "quote", level
    return "paragraph", 0


def _resume(builder: Builder, contexts: list[list[Any]]) -> None:
    """After a block: text that follows belongs to a new block of the
    enclosing kind."""
    kind, level = _inherited(contexts)
    builder.begin(kind, level)


def _add(builder: Builder, text: str | None, styles: list[Style | None]) -> None:
    if text:
        builder.add(text, styles[-1])


def _children(element: Any) -> list[Any]:
    # comments and processing instructions too: they are skipped, their tails kept
    return list(element)


def _all_text(element: Any) -> str:
    return "".join(element.itertext())


def local_name(element: Any) -> str:
    """The tag without its namespace, in lower case."""
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()
