"""What kind a quoted stretch is, by the first test that fits, in this order:

1. a **nickname** inside a name (Anna “Sparrow” Kovacs), or after "nicknamed",
   "known as", "dubbed", or "called" with a capital (called all of them
   “Betty”); a **title** after "titled", "entitled", or "called" with a
   title's words (a documentary called “No More Mr Nasty”); **scare** quotes
   after "so-called" or "the term";
2. **other** for words nobody said aloud: only wished or held back (he felt
   like answering: "…"; how could he say: "…"), what a look or a tone "said"
   (her eyes said: "…"), or words read off a page after a colon (he opened
   the envelope and read: "…"; the telegram ran as follows: "…");
   **other** for verse: a part of three lines or more, every line but the
   last short (a hard-wrapped line of prose is not) and every line after the
   first opening with a capital ("How doth the little crocodile / Improve his
   shining tail, / And pour …"), even when someone sings or recites it: the
   words are the poem's, not a speaker's own;
3. **speech** if an attribution goes with it ("said Nora"), unless it is a
   few lower-case words a sentence runs into with no verb of saying in that
   sentence (what she meant by “life’s delirium.”; was too “heavy,” for him):
   those are the writer's, whatever attribution a pronoun nearby suggests;
4. in a headline: a **title** if it has a title's words, else **speech** (a
   headline quotes a claim: Minister ‘will not resign’);
5. a **title** if every word is capitalised (or a small word such as "of"),
   or if one capitalised word with its punctuation inside the marks follows
   a lower-case word mid-sentence (his novel “Moonfall,” published …); a
   **title** or **scare** quotes for a name of a few capitalised words that
   a sentence runs into after a word of its own, with no verb or noun of
   saying before it (he went to see “The Lost Harbour.”; at her walnut
   “Bonheur du Jour,”), even when attribution found a speaker nearby;
6. **speech** for an attributed fragment: a few words whose sentence, outside
   the quote, has a verb of saying (she called it “reckless”; described the
   results as “pretty modest”; a clergyman said it was ‘laughable’; a long
   sentence that opens "He says ..." or "The minister described ..."). This is
   how news writing quotes a source's own words, and they are that source's
   speech, not the writer's scare quotes;
7. **scare** quotes for a word or three in lower case with no closing
   punctuation ("experts");
8. **speech** if it ends as a sentence or a clause does, or runs to four
   words or more; else **other** ("42").
"""

from __future__ import annotations

import re

from aleppo_cli.analysis.quotes import attribution
from aleppo_cli.analysis.quotes.model import NICKNAME, OTHER, SCARE, SPEECH, TITLE, Stretch
from aleppo_cli.text.quotemarks import ALL_MARKS, SMALL_WORDS, looks_like_title

# The words that name a quote ("nicknamed", "titled" ...) stand this close before it.
NICKNAME_REACH = 40
# Scare quotes hold a word or three: "explain", "so-called experts".
SCARE_MAX_WORDS = 3
# Four words or more are speech even with no closing punctuation: "We leave at dawn".
SPEECH_MIN_WORDS = 4
# A headline has more text after it within this many characters.
HEADLINE_LOOK = 400
# Lower-case words that a sentence runs into are the writer's, up to this many.
EMBEDDED_MAX_WORDS = 6
# A headline is a paragraph of one line, with no closing punctuation, this short at most.
HEADLINE_MAX_WORDS = 16
# A verb of saying makes a fragment speech when it is this close before the quote, in its
# sentence, or this close after it ("'laughable', a clergyman has said").
FRAGMENT_REACH = 120
FRAGMENT_REACH_AFTER = 40
# A sentence that opens with its subject and a verb of saying ("He says ...", "The
# minister described ...") reports someone's account, however long: the verb stands
# within this many words of the sentence's start, which is this far back at most.
OPENING_WORDS = 4
OPENING_REACH = 400
# Verse: a part of this many lines at least, every line but the last this short at
# most (prose wrapped at 65 to 80 columns fills its lines), each after the first
# opening with a capital.
VERSE_MIN_LINES = 3
VERSE_LINE_MAX = 55

_NICKNAMED = re.compile(r"(?:nicknamed|dubbed|known\s+as|a\.k\.a\.?|aka)\s*$", re.IGNORECASE)
_TITLED = re.compile(r"(?:titled|entitled)\s*$", re.IGNORECASE)
_CALLED = re.compile(r"\b(?:called|named)(?:\s+[\w’']+){0,2}\s*$", re.IGNORECASE)
# a name for a thing that nobody in particular gives it: what people called "society";
# what were called "simple dinner dresses" (not what Acme calls "an alarming development",
# the company's words)
_CALLED_BY_NOBODY = re.compile(
    r"\b(?:what|which)\s+(?:(?:\w+\s+)?people|everyone|everybody|one|they|the\s+world"
    r"|society|was|were|is|are|used\s+to\s+be)\s+(?:\w+ly\s+)?(?:call|calls|called|termed)"
    r"(?:\s+(?:a|an|the|his|her|their|its|it))?\s*$",
    re.IGNORECASE,
)
# words mentioned after "the words", this many at most ("To meet the Countess Olenska,")
MENTIONED_MAX_WORDS = 6
# words mentioned, not said: with no colon or comma before them (not 'heard the words:
# "A lady to wait."')
_THE_WORDS = re.compile(r"\bthe\s+words\s*$", re.IGNORECASE)
_SCARE_NAMED = re.compile(
    r"(?:so-called|(?:the|a)\s+(?:term|word|phrase|label))\s*$", re.IGNORECASE
)
# Verbs (and phrases) of saying, as news and novels report words: a fragment in a
# sentence with one of these, outside the quote, is someone's words.
_SAYING = re.compile(
    r"\b(?:say|says|said|saying|tell|tells|told|adds|added|describ(?:e|es|ed|ing)"
    # "was called" names a thing ('the main building was called "the house"'): nobody said it
    r"|(?<!was\s)(?<!were\s)(?<!is\s)(?<!are\s)(?<!be\s)(?<!been\s)called|calls|calling"
    r"|jeer(?:s|ed)?|shout(?:s|ed)?|chant(?:s|ed)?|yell(?:s|ed)?|cr(?:y|ies|ied)"
    r"|exclaim(?:s|ed)?|mutter(?:s|ed)?|whisper(?:s|ed)?|murmur(?:s|ed)?"
    r"|claimed|conced(?:e|es|ed)|admit(?:s|ted)?|insist(?:s|ed)?|warn(?:s|ed)?"
    r"|argu(?:e|es|ed)|stated|wr(?:ite|ites|ote)|noted|commented|remarked|declar(?:e|es|ed)"
    r"|announc(?:e|es|ed)|replied|answered|asked|accus(?:e|es|ed)|branded|label(?:led|ed)"
    r"|dismiss(?:es|ed)|praised|urg(?:e|es|ed)|promised|vow(?:s|ed)|pledged|suggested"
    r"|predicted|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|condemn(?:s|ed)|complained"
    r"|acknowledg(?:e|es|ed)|believ(?:e|es|ed)|confirm(?:s|ed)|den(?:y|ies|ied)|recalled"
    r"|quipped|posted|tweeted|comments|remarks|statement|according\s+to|in\s+the\s+words\s+of"
    # the verbs of judging that attribution reads as reporting ("revealed that … was '…'")
    r"|reveal(?:s|ed)|attack(?:s|ed)|hail(?:s|ed)|blam(?:e|es|ed)|defend(?:s|ed)|brands"
    r"|welcom(?:e|es|ed)|reject(?:s|ed))\b",
    re.IGNORECASE,
)
# A verb of saying that ends the quote's sentence: "…, Prof Lark said."
_SAYING_AT_THE_END = re.compile(_SAYING.pattern + r"[.!?…]?\s*$", re.IGNORECASE)
# how far after the quote that sentence may end
SAID_AT_THE_END_REACH = 200
_SENTENCE_BREAK = re.compile(r"[.!?…](?=\s)|\n")
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLAUSE_ENDS = (*_SENTENCE_ENDS, ",", "—", "-", ";")
# Words only wished or held back, or a look's: the cue stands this close to the quote.
UNSPOKEN_REACH = 80
_SAY = (
    r"(?:say|said|saying|ask|asked|asking|answer|answered|answering|reply|replied|replying"
    r"|add|added|adding|retort|retorted|retorting|exclaim|exclaimed|exclaiming|shout|shouted"
    r"|shouting|cry|cried|crying|tell|told|telling|whisper|whispered|whispering|call|calling"
    r"|protest|protesting|object|objecting)(?:\s+(?:back|out))?"
)
_WISH = (
    r"(?:felt\s+like|longed\s+to|wanted\s+to|(?:was|were|felt)\s+tempted\s+to|(?:tongue|lips)\s+to"
    r"|how\s+could\s+(?:he|she|I|they|we)|(?:might|would|could)\s+have(?:\s+been\s+\w+\s+to)?"
    r"|as\s+if\s+to|seemed\s+to|wished\s+to)"
)
# the first words of those phrases ("felt" like)
_WISH_FIRST = frozenset(
    "felt longed wanted was were tongue lips how might would could as seemed wished".split()
)
# the words the patterns of sung or written words after a quote need
_SONG_OR_LETTER = ("sang", "sings", "chant", "inton", "writer", "letter", "note", "telegram")


def _song_or_letter(head: str) -> bool:
    """Whether ``head`` holds one of _SONG_OR_LETTER (tested in turn: quicker
    than a pattern of them)."""
    return (
        "sang" in head
        or "sings" in head
        or "chant" in head
        or "inton" in head
        or "writer" in head
        or "letter" in head
        or "note" in head
        or "telegram" in head
    )


# speech only imagined: he could fancy Reggie saying, "…"; she pictured him adding with a
# smile: "…"; as if she had said: "…"
_IMAGINED = (
    r"(?:fancy|fancied|imagine|imagined|picture|pictured)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:saying|adding|asking|answering|replying|exclaiming|crying|remarking|whispering"
    r"|murmuring|telling\s+\w+)(?:\s+(?:with|in)\s+[\w-]+)?"
    r"|as\s+(?:if|though)\s+(?:[\w'’.-]+\s+){1,3}had\s+(?:just\s+)?" + _SAY
)
# Before the quote, a colon or a comma; or a full stop when the quote goes on with the
# words of one before it ('"…," he felt like answering. "…"').
_IMAGINED_BEFORE = re.compile(rf"\b(?:{_IMAGINED})\s*(?:[:,]|(?<=\w)\.)?\s*$", re.IGNORECASE)


def _has_cue(lowered: str) -> bool:
    """Has ``lowered`` a word that the patterns of imagined, sung, written or
    read-out words need, or a letter that they read as one of theirs and
    ``lower`` leaves (_FOLDED_TO_ASCII)? (A quick test that nearly every
    quote fails; it must let through every quote the patterns find.)"""
    return (
        "fanc" in lowered
        or "imagin" in lowered
        or "pictur" in lowered
        or ("if" in lowered and _AS_IF.search(lowered) is not None)  # (any white space)
        or "though" in lowered
        or "sang" in lowered
        or "sing" in lowered
        or "sung" in lowered
        or "song" in lowered
        or "chant" in lowered
        or "inton" in lowered
        or "hymn" in lowered
        or "ballad" in lowered
        or "carol" in lowered
        or "lullaby" in lowered
        or "anthem" in lowered
        or "refrain" in lowered
        or "writer" in lowered
        or "letter" in lowered
        or "note" in lowered
        or "telegram" in lowered
        or "read" in lowered
        or "\u0131" in lowered  # ı, ſ and İ lowered (its dot), which the patterns
        # read as an i or an s in any case
        or "\u017f" in lowered
        or "\u0307" in lowered
    )


_AS_IF = re.compile(r"as\s+if")


# the words each pattern of imagined, sung or written words needs (in any case)
_IMAGINED_CUES = ("fanc", "imagin", "pictur", "if", "though")  # _IMAGINED_BEFORE
_SUNG_CUES = ("sang", "sing", "sung", "chant", "inton", "words")  # _SUNG_BEFORE
_LETTER_CUES = ("writer", "letter", "note", "telegram")  # _WRITTEN_BY_LETTER


def _cued(lowered: str, cues: tuple[str, ...], folded: bool) -> bool:
    """Whether ``lowered`` holds one of ``cues`` (or ``folded`` letters)."""
    return folded or any(cue in lowered for cue in cues)  # (called rarely)


def _imagined_sung_or_written(before: str, lowered: str) -> bool:
    """Whether one of the patterns of imagined, sung, written or read-out
    words ends ``before`` (``lowered``: its lower case): each tried only where
    its own words are ("sang", "letter" ...), or a letter that it reads as one
    of theirs and ``lower`` leaves (_FOLDED_TO_ASCII)."""
    folded = "\u0130" in before or "\u0131" in before or "\u017f" in before
    return bool(
        (_cued(lowered, _IMAGINED_CUES, folded) and _IMAGINED_BEFORE.search(before))
        or (_cued(lowered, _SUNG_CUES, folded) and _SUNG_BEFORE.search(before))
        or (_cued(lowered, _LETTER_CUES, folded) and _WRITTEN_BY_LETTER.search(before))
        or ((folded or "read" in lowered) and _READ_OUT.search(before))
    )


_UNSPOKEN_BEFORE = re.compile(
    rf"(?:\b{_WISH}\s+{_SAY}|\b(?:took\s+to\s+mean|it\s+meant"
    # a look "which meant" or "that plainly signified" (not a letter "which said")
    r"|(?:that|which)\s+(?:\w+ly\s+)?(?:signified|implied|meant)"
    r"|(?:almost|nearly)\s+(?:said|asked|told))"
    r")\s*(?:[:,]|(?<=\w)\.)?\s*$",
    re.IGNORECASE,
)
# what a look "said" (her eyes said: "…"; a face that seemed to say, "…"), but not
# "seeing her stern face said:", where the one who saw said it
_LOOK_SAID = re.compile(
    r"(?P<lead>(?:\S+\s+){0,3})\b(?:eyes|look|looks|glance|smile|face|gesture|tone|silence)"
    r"\s+(?:(?!and\b|then\b)(?P<middle>\w+)\s+)?"
    r"(?P<verb>said|says|implied|signified|meant|seemed\s+to\s+say)"
    r"\s*[:,]?\s*$",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(r"\b\w+ing\b")
# a look after a preposition is no subject: 'holding his hand before his eyes said:'
_AFTER_PREPOSITION = re.compile(
    # (not "on", "in", "of": 'the expression on her face said:', 'the look in his eyes')
    r"\b(?:before|into|with|to|from|over|under|upon|behind|across|through)"
    r"\s+(?:(?:his|her|their|its|my|your|our|the|a|an)\s+)?\S*\s*$",
    re.IGNORECASE,
)
# the words the patterns of unspoken and written words end with: checked first, as most
# quotes have none of them before
_UNSPOKEN_LAST = frozenset(re.findall(r"[a-z]{2,}", _SAY)) | frozenset(
    "said asked told meant mean implied signified".split()
)
_WRITTEN_LAST = frozenset("read reads follows written inscription inscribed words".split())
_LOOK_LAST = frozenset("said says say implied signified meant".split())
_LOOK_NOUNS = ("eye", "look", "glance", "smile", "face", "gesture", "tone", "silence")
# Words read off a page, with a colon before them (In it he read: "…"; the note ran as
# follows: "…"; on which was written: "…"): a letter, a note, an inscription.
_WRITTEN_BEFORE = re.compile(
    r"\b(?:read|reads|(?:ran|runs|read|reads|was|were|is|wrote|writes)\s+as\s+follows"
    r"|(?:was|were|is|been)\s+written|inscription|inscribed"
    r"|(?:contained|contains|showed|shows|bore|bears|consisted\s+\w+\s+of)\s+(?:\w+\s+)?the\s+words)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
# words read out from a page: 'his wife read aloud, in the tone of high comedy: "…"'
_READ_OUT = re.compile(
    r"\b(?:read|reads)\s+(?:(?:it|them|this|the\s+\w+)\s+)?(?:aloud|out)"
    r"(?:\s*,\s*[^,:\"“”]{1,50},?)?\s*:\s*$",
    re.IGNORECASE,
)
_UNSPOKEN_AFTER = re.compile(
    # "…," he felt like answering; "…!" Anna seemed to say (not "…!" She could have added:
    # a new sentence)
    rf"[,.!?—–-]*\s+(?:he|she|I|it|they|we|(?!(?:He|She|It|They|We)\b)[A-Z][\w'’.-]*)"
    rf"\s+{_WISH}\s+{_SAY}\b",
)
# "…," the bridegroom could fancy Reggie saying
_IMAGINED_AFTER = re.compile(
    r"[,.!?—–-]*\s+(?:[\w'’.-]+\s+){0,3}(?:could|would|might|can)\s+(?:\w+\s+)?"
    r"(?:fancy|imagine|picture)\s+(?:[\w'’.-]+\s+){0,4}?(?:saying|adding|asking|answering)\b"
)
_MODALS = frozenset("could would might can".split())
# "…?" her helpless eyes implored him
_LOOK_AFTER = re.compile(
    r"[,.!?—–-]*\s+(?:[\w'’.-]+\s+){0,3}(?:eyes|look|looks|glance|smile|face|gesture)"
    r"\s+(?:seemed\s+to\s+)?(?:said|says|say|implored|begged|pleaded|entreated|asked)\b"
)
_LOOKS = frozenset("eyes look looks glance smile face gesture".split())
# Words sung: the song's, not the singer's (she was singing: "…"; she sang, of course,
# "…"; "…," the prima donna sang; the words of a song: "…"); not "sang out" (shouted)
_SUNG_BEFORE = re.compile(
    r"(?:\b(?:sang|sing|sings|singing|sung|chanted|chanting|intoned|intoning)(?!\s+out\b)"
    r"(?:\s+(?:low|softly|aloud))?(?:,\s*(?:[\w'’]+\s+){0,2}[\w'’]+,)?(?:,?\s+(?:and|then))?"
    # she sang low the little air, "…"
    r"(?:\s+(?:the|a|an|his|her|their)\s+(?:\w+\s+){0,2}(?:air|song|tune|hymn|refrain|ballad),)?"
    r"|\bwords\s+of\s+(?:a|the|an|his|her|their)\s+(?:\w+\s+)?"
    r"(?:song|hymn|ballad|carol|lullaby|anthem|refrain))\s*[:,]?\s*$",
    re.IGNORECASE,
)
# (its subject right after the quote: not '"…!" and Anna sang the air', a new action)
_SUNG_AFTER = re.compile(
    r"[,.!?—–-]*\s+(?!(?:and|then|but|while|as|when)\b)(?:[\w'’.-]+\s+){0,3}"
    r"(?:sang|sings|chanted|chants|intoned)\b(?!\s+out\b)"
)
# A letter's words: '"I ran away," the writer began'; '"…," the note went on, "…"'.
_LETTER = (
    r"(?:the|her|his|its|their)\s+(?:writer|letter|note|telegram)"
    r"\s+(?:began|went\s+on|continued|ran\s+on|ended|concluded)\b"
)
_WRITTEN_AFTER = re.compile(r"[,.!?—–-]*\s+" + _LETTER)
_WRITTEN_BY_LETTER = re.compile(r"\b" + _LETTER + r"[^\"“”.!?]{0,60}[,:]\s*$", re.IGNORECASE)
# the words that close a letter, the whole quote (not "Yours, you mean.")
_CLOSING = re.compile(
    r"(?:ever\s+)?yours(?:\s+(?:sincerely|truly|faithfully|affectionately|ever|respectfully"
    r"|obediently))?(?:,?\s*&c\.?)?,?\s*$"
    r"|your\s+(?:affectionate|sincere|faithful|loving|obedient|humble|devoted)\s+\w+,?\s*$",
    re.IGNORECASE,
)
# "his answered:" (his eyes): a possessive standing for a look named before it
_ELLIPTIC = re.compile(
    r"\b(?:his|hers|theirs|mine|yours|ours)\s+(?:answered|replied|said|returned|asked)"
    r"\s*[:,]?\s*$",
    re.IGNORECASE,
)
_ELLIPTIC_LAST = frozenset("answered replied said returned asked".split())
_POSSESSIVES = ("his", "hers", "theirs", "mine", "yours", "ours")
_CLAUSE_MARKS = frozenset(",.!?…—–-;")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*$")
# A name of a thing in a sentence: this many capitalised words at most ("Bonheur du Jour").
NAMED_TERM_MAX_WORDS = 4
# a lower-case word of the sentence's own, a possessive too ("Lee's")
_OWN_WORD = re.compile(r"[a-z]+|[A-Za-z]+['’]s")
# the small words of a name or a title, English or not ("Bonheur du Jour")
_PARTICLES = SMALL_WORDS | frozenset(
    "de du des la le les un une von van der den di da del et y".split()
)
# one word that is an answer or a greeting, not a name: said, whatever the sentence
_ANSWERS = frozenset(
    "yes no aye nay oh ah well indeed certainly never nonsense thanks hello goodbye good-bye "
    "farewell amen hush bravo alas sir madam".split()
)
# a noun of saying just before the quote: its words were said ("the remark of")
_SAID_NOUN = re.compile(
    r"\b(?:remark|reply|answer|cry|exclamation|question|words|greeting|comment|shout|whisper"
    r"|order|command|retort|response|call|message)s?(?:\s+of)?\s*$",
    re.IGNORECASE,
)
# a verb of speaking aloud right before the quote, a colon or a comma at most between
# (not "wrote", "read", "called": a title or a name may follow those; not "had almost
# said", which says it was not said)
_SPEAK = (
    r"(?:say|says|said|saying|cr(?:y|ies|ied|ying)|repl(?:y|ies|ied|ying)"
    r"|(?:shout|exclaim|whisper|murmur|mutter|answer|ask|add|yell|scream|shriek|roar|bellow"
    r"|hiss|gasp|stammer|groan|moan|growl|utter|interrupt|retort|rejoin|respond|protest|plead"
    r"|demand|repeat)(?:s|es|ed|ing)?|(?:sob|snap)(?:s|bed|ped|bing|ping)?"
    r"|(?:announc|mumbl|inquir|enquir|declar)(?:e|es|ed|ing))"
)
_SPEAK_ADVERBS = frozenset("out back again aloud softly loudly quietly".split())
_SPEAK_WORD = re.compile(_SPEAK, re.IGNORECASE)
# the answers of _SPEAK_WORD for the words before quotes (a novel repeats a few
# hundred: "said", "him", "her" ...), kept up to this many
_SPOKEN: dict[str, bool] = {}
_SPOKEN_KEPT = 20_000


def _speaks(word: str) -> bool:
    """Whether ``word`` is a verb of speaking aloud (``_SPEAK_WORD``)."""
    found = _SPOKEN.get(word)
    if found is None:
        found = _SPEAK_WORD.fullmatch(word) is not None
        if len(_SPOKEN) < _SPOKEN_KEPT:
            _SPOKEN[word] = found
    return found


_SAID_JUST_BEFORE = re.compile(
    rf"(?<!almost\s)(?<!nearly\s)\b{_SPEAK}"
    r"(?:\s+(?:out|back|again|aloud|softly|loudly|quietly))?\s*[:,]?\s*$",
    re.IGNORECASE,
)
_INNER_SENTENCE = re.compile(r"[.!?…]\s+\S")
_SUFFIX = re.compile(r"(?:ing|ed|es|s|d)$")
_SAYING_STEMS = frozenset(_SUFFIX.sub("", verb) for verb in attribution.VERB_WORDS)
# ``of`` splits a quote's words only so far: past every count it compares with
_WORDS_COUNTED = (
    max(SPEECH_MIN_WORDS, SCARE_MAX_WORDS, EMBEDDED_MAX_WORDS, NAMED_TERM_MAX_WORDS) + 1
)


def of(text: str, stretch: Stretch, attributed: bool) -> str:
    """The kind of ``stretch`` of the cleaned ``text``: one of the model's kinds."""
    spans = stretch.spans  # (its start and end, without the properties' calls)
    start, end = spans[0].start, spans[-1].end
    inner = text[start:end]
    paragraph = stretch.paragraph
    before = text[max(paragraph.clean_start, start - NICKNAME_REACH) : start - 1]
    after = text[end + 1 : min(paragraph.clean_end, end + NICKNAME_REACH)]
    # only how many words it has is read, and only against a few: its first
    # words will do (a novel's quotations are long)
    words = inner.rstrip(".,;:!?…").split(None, _WORDS_COUNTED)
    capital = inner[:1].isupper()
    # (no word before the quote, as when it opens its paragraph: no name, no
    # verb of saying and no word of the sentence's own before it, so none of
    # the tests of ``before`` below holds)
    named = _named(before, after, inner, capital) if before else None
    if named:
        return named
    if _verse(text, stretch) or _unspoken(text, stretch):
        return OTHER
    embedded = named_term = False
    if before:
        last = _last_word(before)
        said = _SAID_JUST_BEFORE.search(before) if last in _SPEAK_ADVERBS or _speaks(last) else None
        if (
            said
            and (before.rstrip()[-1:] in ":," or not looks_like_title(inner))
            and before[: said.start()].rstrip()[-1:] not in ALL_MARKS
        ):
            # roused himself to say: "Do sit down"; shouting "Dad,"; not '"Come on!"
            # said "Uncle."', where the quote names the one who said the words before
            return SPEECH
        embedded = _embedded(before, inner, words, len(stretch.spans))
        named_term = not embedded and _named_term(before, inner, words, len(stretch.spans))
    # an attributed fragment is speech when a verb of saying is near it, ends
    # its sentence, or is its own first words after a name ('Lark "totally condemned"')
    if attributed and not (
        (embedded or named_term)
        and not (
            _reported(text, stretch)
            or _said_at_the_end(text, stretch)
            or (_SAYING.search(inner) is not None and _NAME_WORD.search(before.rstrip()))
        )
    ):
        return SPEECH
    if _in_headline(text, stretch):
        return TITLE if len(words) > 1 and looks_like_title(inner) else SPEECH
    if looks_like_title(inner) or _title_with_its_punctuation(before, inner, words):
        return TITLE
    if named_term and not _reported(text, stretch):
        return TITLE if words[-1][:1].isupper() else SCARE
    short = len(words) < SPEECH_MIN_WORDS and not inner.endswith(_SENTENCE_ENDS)
    if (short or embedded) and not capital and len(stretch.spans) == 1:
        if _reported(text, stretch):
            return SPEECH
        if embedded:
            return SCARE
    if len(words) <= SCARE_MAX_WORDS and inner[:1].islower() and not inner.endswith(_SENTENCE_ENDS):
        return SCARE
    if inner.endswith(_CLAUSE_ENDS) or len(words) >= SPEECH_MIN_WORDS:
        return SPEECH
    return OTHER


def _named(before: str, after: str, inner: str, capital: bool) -> str | None:
    """A kind that the words right before the quote give it, or a name around it."""
    if _may_name(before):
        if _CALLED_BY_NOBODY.search(before):
            return TITLE if capital and looks_like_title(inner) else SCARE
        if (
            _THE_WORDS.search(before)
            and len(inner.split()) <= MENTIONED_MAX_WORDS
            and not inner.endswith(_SENTENCE_ENDS)
        ):
            return SCARE  # she said the words "my husband" as if …; the words "five pounds"
        if _NICKNAMED.search(before):
            return NICKNAME
        if _TITLED.search(before):
            return TITLE
        if _SCARE_NAMED.search(before):
            return SCARE
        # a sentence, not a name: 'called out "Stop!"', 'called out "Stop it."' (but a
        # name may end the writer's sentence: 'she called it "Solitude."')
        sentence = (
            inner.endswith(("!", "?", "…"))
            or (inner.endswith(".") and len(inner.split()) > 1)
            or len(inner.split()) >= SPEECH_MIN_WORDS
        )
        if _CALLED.search(before) and capital and not sentence:  # not 'called out "Stop!"'
            return TITLE if looks_like_title(inner) and len(inner.split()) > 1 else NICKNAME
    bare = inner[-1:].isalnum() and len(inner.split(None, SCARE_MAX_WORDS)) <= SCARE_MAX_WORDS
    if bare and capital and _NAME_WORD.search(before.rstrip()) and before.endswith(" "):
        following = after.lstrip(ALL_MARKS)
        if following[:1] == " " and following[1:2].isupper():
            return NICKNAME  # Anna “Sparrow” Kovacs
    return None


# A word that each of the four patterns above needs (in any case): a quick
# test before them, which most quotes fail.
_NAMING_WORDS = (
    "named", "dubbed", "known", "a.k.a", "aka", "titled", "so-called", "term", "word",
    "phrase", "label", "call",
)  # fmt: skip
# The only characters beyond ASCII that those patterns (re.IGNORECASE) take
# for ASCII letters and that ``str.lower`` leaves so: "İ", "ı" (i) and "ſ" (s).
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f")


def _may_name(before: str) -> bool:
    """Whether ``before`` holds a word that names a quote ("nicknamed",
    "titled", "so-called", "the term", "called", what everyone "calls"):
    else none of the patterns of ``_named`` can match it."""
    lowered = before.lower()  # (_NAMING_WORDS tested in turn: quicker than one pattern)
    return (
        "named" in lowered
        or "dubbed" in lowered
        or "known" in lowered
        or "a.k.a" in lowered
        or "aka" in lowered
        or "titled" in lowered
        or "so-called" in lowered
        or "term" in lowered
        or "word" in lowered
        or "phrase" in lowered
        or "label" in lowered
        or "call" in lowered  # (call, calls, called: _CALLED_BY_NOBODY takes each)
        or "\u0130" in before
        or "\u0131" in before
        or "\u017f" in before  # (_FOLDED_TO_ASCII)
    )


def _verse(text: str, stretch: Stretch) -> bool:
    """Is a part of the stretch verse: three short lines or more, each line
    after the first opening with a capital?"""
    for span in stretch.spans:
        if text.count("\n", span.start, span.end) < VERSE_MIN_LINES - 1:
            continue
        lines = text[span.start : span.end].split("\n")
        if all(len(line.strip()) <= VERSE_LINE_MAX for line in lines[:-1]) and all(
            line.lstrip(_LINE_OPENERS)[:1].isupper() for line in lines[1:]
        ):
            return True
    return False


_LINE_OPENERS = " \t" + ALL_MARKS


def _unspoken(text: str, stretch: Stretch) -> bool:
    """Words nobody said: only wished, imagined or held back (he felt like
    answering: "…"; he could fancy Reggie saying, "…"; how could he say: "…"),
    what a look or a tone "said" (her eyes said: "…"), words sung (she was
    singing: "…"), or words read off a page (In it he read: "…"; the telegram
    ran as follows: "…"). A quote that opens its paragraph is read with the
    end of the paragraph before when that ends with a colon (he began to
    sing:)."""
    paragraph = stretch.paragraph
    spans = stretch.spans  # (its start and end, without the properties' calls)
    start, end = spans[0].start, spans[-1].end
    if text[start : start + 4].lower() in ("your", "ever") and _CLOSING.match(text, start, end):
        return True  # a letter's last words: "Yours sincerely,"; "Your affectionate friend,"
    before = text[max(paragraph.clean_start, start - UNSPOKEN_REACH) : start - 1]
    previous = stretch.before
    if previous is not None and (not before or before.isspace()):
        tail = text[
            max(previous.clean_start, previous.clean_end - UNSPOKEN_REACH) : previous.clean_end
        ]
        if tail.rstrip(" -—–").endswith(":"):
            before = tail.rstrip(" -—–") + " "
    if unspoken_cue(before):
        return True
    after = text[end + 1 : min(paragraph.clean_end, end + UNSPOKEN_REACH)]
    if not after:
        return False  # (the quote ends its paragraph) no word after it: no test below holds
    head = after.lower()  # (as far as the patterns after it read: their words are of any length)
    if _song_or_letter(head):
        clause = text[end - 1 : end] in _CLAUSE_MARKS or after.startswith(",")
        # the words of a clause, not a name ('"Uncle" sang as peasants sing')
        if clause and (_SUNG_AFTER.match(after) or _WRITTEN_AFTER.match(after)):
            return True
    words = head.lstrip(",.!?—–-").split(None, 5)
    if len(words) < 2:
        return False
    if words[1] in _WISH_FIRST and _UNSPOKEN_AFTER.match(after):
        return True  # '"…," he felt like answering'
    following = words[:4]  # (the patterns take 0 to 3 words before their noun or modal)
    return bool(
        (not _MODALS.isdisjoint(following) and _IMAGINED_AFTER.match(after))
        or (not _LOOKS.isdisjoint(following) and _LOOK_AFTER.match(after))
    )


def unspoken_cue(before: str) -> bool:
    """Do the words ``before`` a quote say that its words were not said
    aloud (wished, imagined, a look's, sung, or read off a page)?"""
    if not before or before.isspace():
        return False  # (a quote opening its paragraph) no word: no test below holds
    last = _last_word(before)  # most patterns below end with one of a few words
    if last in _WRITTEN_LAST and _WRITTEN_BEFORE.search(before):
        return True
    if not last and before.rstrip().endswith("."):
        last = _last_word(before.rstrip(" \t\n."))  # '"…," he felt like answering. "…"'
    if last in _UNSPOKEN_LAST and _UNSPOKEN_BEFORE.search(before):
        return True
    if (
        last in _ELLIPTIC_LAST
        and before.rstrip(" \t\n:,")[: -len(last)].rstrip()[-6:].lower().endswith(_POSSESSIVES)
        and _ELLIPTIC.search(before)
    ):
        return True
    lowered = before.lower()
    if _has_cue(lowered) and _imagined_sung_or_written(before, lowered):
        return True
    if last in _LOOK_LAST and any(noun in lowered for noun in _LOOK_NOUNS):
        look = _LOOK_SAID.search(before)
        if (
            look
            and not (look["verb"] in ("said", "says") and _PARTICIPLE.search(look["lead"]))
            and not (
                # 'before his eyes said:', but 'in a tone that said:'
                look["middle"] not in ("that", "which") and _AFTER_PREPOSITION.search(look["lead"])
            )
        ):
            return True
    return False


def _last_word(before: str) -> str:
    """The last word of ``before``, lower-case, past white space, a colon or a comma."""
    stripped = before.rstrip(" \t\n:,")
    index = len(stripped)
    while index and stripped[index - 1].isalpha():
        index -= 1
    return stripped[index:].lower()


def _embedded(before: str, inner: str, words: list[str], parts: int) -> bool:
    """A few lower-case words that a sentence runs into, after a word of its
    own ('known on "form."', 'to "settle down."'): the writer's marks, even
    with the sentence's full stop inside them."""
    if parts != 1 or len(words) > EMBEDDED_MAX_WORDS or not inner[:1].islower():
        return False
    previous = before.rstrip()[-1:]
    return previous.isalpha() and previous.islower()


def _named_term(before: str, inner: str, words: list[str], parts: int) -> bool:
    """A few capitalised words that a sentence runs into after a word of its
    own, with no verb of saying just before them (he went to see "The Lost
    Harbour."; Hardy's "Wessex," on the shelf; she sat at her walnut "Bonheur
    du Jour," to write): the name of a thing, not words said."""
    if parts != 1 or not 1 <= len(words) <= NAMED_TERM_MAX_WORDS or not inner[:1].isupper():
        return False
    if "!" in inner or "?" in inner or ";" in inner or ":" in inner:
        return False
    if _INNER_SENTENCE.search(inner):
        return False
    if inner == inner.upper():  # a code or a rating ("BB+"), not a name
        return False
    if not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return False  # a sentence: she bid the porter "Take that trunk down,"
    if len(words) == 1 and words[0].lower().strip(".,") in _ANSWERS:
        return False  # a calm "Yes"
    previous = before.rstrip().rsplit(None, 1)[-1:] if before.strip() else []
    if not previous or before[-1:] not in " \n":
        return False
    word = previous[0]
    if _SAID_NOUN.search(before):
        return False  # the remark of "Too much Mozart."
    return (
        _OWN_WORD.fullmatch(word) is not None
        and _stem(word) not in _SAYING_STEMS
        and _SAYING.fullmatch(word) is None
    )


def _stem(word: str) -> str:
    return _SUFFIX.sub("", word.lower())


def _in_headline(text: str, stretch: Stretch) -> bool:
    """Is the quote in a headline: a short line with no closing punctuation,
    with more text after it?"""
    paragraph = stretch.paragraph
    if paragraph.heading:
        return True
    if len(paragraph.sentences) != 1:
        return False  # (most: the line is not read)
    line = paragraph.text.rstrip().rstrip(ALL_MARKS)
    return (
        bool(text[paragraph.clean_end : paragraph.clean_end + HEADLINE_LOOK].strip())
        and "\n" not in paragraph.text
        and not line.endswith((*_SENTENCE_ENDS, ",", ";", ":"))
        and len(line.split()) <= HEADLINE_MAX_WORDS
    )


def _title_with_its_punctuation(before: str, inner: str, words: list[str]) -> bool:
    """His novel “Moonfall,” published in 2019: one capitalised word and its
    comma or full stop inside the marks, after a lower-case word."""
    if len(words) != 1 or not inner[:1].isupper() or not inner.endswith((",", ".")):
        return False
    previous = before.rstrip().rsplit(None, 1)[-1:] if before.strip() else []
    return bool(previous) and previous[0].isalpha() and previous[0].islower()


def _reported(text: str, stretch: Stretch) -> bool:
    """Does the quote's sentence, outside the quote and any other quote marks,
    have a verb of saying near it?"""
    paragraph = stretch.paragraph
    low = max(paragraph.clean_start, stretch.start - FRAGMENT_REACH)
    high = min(paragraph.clean_end, stretch.end + FRAGMENT_REACH_AFTER)
    before = text[low : max(low, stretch.start - 1)]
    after = text[min(high, stretch.end + 1) : high]
    before = _SENTENCE_BREAK.split(before)[-1]
    after = _SENTENCE_BREAK.split(after)[0]
    if _has_mark(before):  # other quotes' words left out; an open quote's mark ends it
        before = _UNPAIRED.split(_PAIRED.sub(" ", before))[-1]
    if _has_mark(after):
        after = _UNPAIRED.split(_PAIRED.sub(" ", after))[0]
    return bool(
        _SAYING.search(before) or _SAYING.search(after) or _opens_with_saying(text, stretch)
    )


def _opens_with_saying(text: str, stretch: Stretch) -> bool:
    """Does the quote's sentence open with a subject and a verb of saying, no
    quote marks before the quote ('He says Blair was not worried because Lark
    lacked a "big strategy"'; 'He described it as ... "throwing crockery"')?"""
    paragraph = stretch.paragraph
    low = max(paragraph.clean_start, stretch.start - OPENING_REACH)
    before = text[low : max(low, stretch.start - 1)]
    parts = _SENTENCE_BREAK.split(before)
    if len(parts) == 1 and low > paragraph.clean_start:
        return False  # its sentence starts further back
    sentence = parts[-1]
    if _has_mark(sentence):
        return False
    opening = " ".join(sentence.split()[: OPENING_WORDS + 1])
    return _SAYING.search(opening) is not None


def _said_at_the_end(text: str, stretch: Stretch) -> bool:
    """Does the quote's sentence end with a verb of saying, however far after
    the quote ('an "absolute crisis" in the hiring of teachers, the committee
    added.')? Asked only of a quote that attribution gave a speaker."""
    paragraph = stretch.paragraph
    tail = text[min(paragraph.clean_end, stretch.end + 1) : paragraph.clean_end]
    sentence = _SENTENCE_BREAK.split(tail, maxsplit=1)[0]
    if len(sentence) > SAID_AT_THE_END_REACH or _has_mark(sentence):
        return False
    return _SAYING_AT_THE_END.search(sentence) is not None


# Another quotation in the sentence ('as a "great thriller" but "lousy history"').
_PAIRED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]|(?<!\w)[‘'‹‚][^‘’'‹›‚]*[’'›‘](?!\w)")
_UNPAIRED = re.compile(r"[“”\"«»„]|(?<!\w)[‘’'‹›‚]|[‘’'‹›‚](?!\w)")


def _has_mark(text: str) -> bool:
    return any(mark in text for mark in '“”"«»„‘’‚‹›')
