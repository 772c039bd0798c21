"""Every key of the reader, in one table: the help screen, the footer and the
README's table of keys are made from it, and the app dispatches on it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    keys: tuple[str, ...]  # what the app receives (a character, or Textual's key name)
    label: str  # how the help shows the keys
    action: str  # the app's method: action_<action>
    description: str
    group: str


MOVING, SEARCHING, JUMPING, SUMMARY, QUOTES, DISPLAY, MARKS, OTHER = (
    "Moving",
    "Searching",
    "Going to",
    "Summary",
    "Quotations",
    "Display",
    "Marks and resume",
    "Help and quitting",
)

KEYS: tuple[Key, ...] = (
    Key(
        ("down", "j", "enter"),
        "↓ j Enter",
        "line_down",
        "one line down (a number first: that many)",
        MOVING,
    ),
    Key(("up", "k"), "↑ k", "line_up", "one line up (a number first: that many)", MOVING),
    Key((" ", "pagedown", "f"), "Space PgDn f", "page_down", "one screen down", MOVING),
    Key(("b", "pageup"), "b PgUp", "page_up", "one screen up", MOVING),
    Key(("d",), "d", "half_down", "half a screen down", MOVING),
    Key(("u",), "u", "half_up", "half a screen up", MOVING),
    Key(("g", "home", "<"), "g Home <", "top", "the top", MOVING),
    Key(("G", "end", ">"), "G End >", "bottom", "the bottom", MOVING),
    Key(("%",), "<n> %", "percent", "n per cent of the way through (% alone asks)", MOVING),
    Key(
        ("/",),
        "/",
        "search_forward",
        "search forward as you type (Enter keeps, Esc cancels)",
        SEARCHING,
    ),
    Key(
        ("?",),
        "?",
        "search_backward",
        "search backward (help instead while no search is kept)",
        SEARCHING,
    ),
    Key(("n",), "n", "next_match", "the next match, around the end", SEARCHING),
    Key(("N",), "N", "previous_match", "the previous match, around the start", SEARCHING),
    Key(
        ("escape",),
        "Esc",
        "clear",
        "forget the search and the quotation marked",
        SEARCHING,
    ),
    Key((":",), ":", "goto_sentence", "go to a sentence by its number", JUMPING),
    Key(("t",), "t", "contents", "the table of contents (Enter goes there)", JUMPING),
    Key(("s",), "s", "summary", "mark the summary's sentences (again: unmark)", SUMMARY),
    Key(
        ("S",), "S", "summary_options", "choose the algorithm and the number of sentences", SUMMARY
    ),
    Key(("}",), "}", "next_summary", "the next marked summary sentence", SUMMARY),
    Key(("{",), "{", "previous_summary", "the previous marked summary sentence", SUMMARY),
    Key(("]",), "]", "next_quote", "the next quotation (its speaker in the footer)", QUOTES),
    Key(("[",), "[", "previous_quote", "the previous quotation", QUOTES),
    Key(("Q",), "Q", "quotes_panel", "quotations by speaker, filtered as you type", QUOTES),
    Key(("#",), "#", "toggle_numbers", "sentence numbers on or off", DISPLAY),
    Key(("w",), "w", "cycle_measure", "the measure: narrow, 88 columns, the full width", DISPLAY),
    Key(("T",), "T", "toggle_theme", "light or dark theme", DISPLAY),
    Key(("m",), "m x", "set_mark", "set mark x (a letter) here", MARKS),
    Key(("'",), "' x", "go_mark", "back to mark x; '' back to before the last jump", MARKS),
    Key(("?", "f1"), "? F1", "help", "this help", OTHER),
    Key(("q",), "q", "quit", "quit, remembering the place (status 0)", OTHER),
    Key(
        ("ctrl+c",),
        "Ctrl-C",
        "interrupt",
        "quit at once, remembering the place (status 130)",
        OTHER,
    ),
)

FOOTER_KEYS = "/ search  t contents  s summary  ] quote  Q quotes  ? help  q quit"


def markdown_table() -> str:
    """The README's table of keys."""
    rows = ["| | keys | what they do |", "| --- | --- | --- |"]
    group = ""
    for key in KEYS:
        shown = " ".join(f"`{part}`" for part in key.label.split(" "))
        rows.append(f"| {key.group if key.group != group else ''} | {shown} | {key.description} |")
        group = key.group
    return "\n".join(rows) + "\n"


def dispatch_table() -> dict[str, str]:
    """Key -> action; '?' is handled by the app (search or help)."""
    table: dict[str, str] = {}
    for key in KEYS:
        for name in key.keys:
            table.setdefault(name, key.action)
    return table
