"""Quotation finding: marks, apostrophes, nesting, paragraphs and unbalanced input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing.quotes
from framing.quotes import find_quotes
from framing.text import word_classes
from framing.types import Quote


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def test_curly_double_quote_is_direct_with_offsets() -> None:
    text = "The mayor said: “We will rebuild the harbour before the winter storms.” Then she left."
    (q,) = find_quotes(text)
    assert q.text == "“We will rebuild the harbour before the winter storms.”"
    assert text[q.start : q.end] == q.text
    assert text[q.inner_start : q.inner_end].startswith("We will")
    assert q.kind == "direct"
    assert q.n_words == 9
    assert q.balanced


def test_straight_double_and_guillemets() -> None:
    text = 'He called it "a plan for nobody in particular at all" and «une honte totale pour nous».'
    assert texts(text) == [
        '"a plan for nobody in particular at all"',
        "«une honte totale pour nous»",
    ]


def test_short_quotes_are_provisionally_scare() -> None:
    text = "Officials praised the “historic agreement” on fishing rights."
    (q,) = find_quotes(text)
    assert q.kind == "scare"
    assert find_quotes(text, scare_max_words=1)[0].kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine’s border guards don’t expect help.",
        "The students’ union met on Tuesday.",
        "Prices last rose this fast in the ’90s and again in '08.",
        "The band played rock 'n' roll for 'em all night.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quotes(text) == ()


def test_single_curly_quote_next_to_apostrophes() -> None:
    text = "Fears of a staged ‘provocation’ as the country’s neighbour objects"
    assert texts(text) == ["‘provocation’"]


def test_plural_possessive_inside_single_quote() -> None:
    text = "She wrote ‘the teachers’ pay claim is fair and overdue’ in her letter."
    assert texts(text) == ["‘the teachers’ pay claim is fair and overdue’"]


def test_nested_quote_belongs_to_the_outer() -> None:
    text = "“They told us ‘leave now’ and then closed the road behind us,” a farmer said."
    (q,) = find_quotes(text)
    assert q.text.startswith("“They told us ‘leave now’")
    assert q.text.endswith(",”")


def test_newswire_paragraph_continuation() -> None:
    text = (
        "“We have waited three years for this bridge and nobody has listened.\n\n"
        "“Now the council wants more time,” the resident said.\n"
    )
    (q,) = find_quotes(text)
    assert q.start == 0
    assert q.text.endswith("more time,”")
    assert q.balanced
    assert q.confidence < 1.0


def test_unbalanced_quote_closes_at_paragraph_end() -> None:
    text = "“This will never pass the senate, the senator predicted.\n\nThe vote is Monday."
    (q,) = find_quotes(text)
    assert q.end == text.index("\n")
    assert not q.balanced
    assert q.confidence < 0.9


def test_lines_broken_inside_a_quotation_without_marks_of_their_own() -> None:
    # a post quoted line by line, or a text with one sentence per line: the closing mark at
    # the end of a later line closes it
    text = (
        "The mayor posted on Saturday: “I had to fire him because he lied to the council. \n"
        "He has admitted it. \nThere was nothing to hide!”\nThe post caused problems."
    )
    (q,) = find_quotes(text)
    assert q.text.startswith("“I had to fire him")
    assert q.text.endswith("nothing to hide!”")
    assert q.balanced
    assert q.confidence == framing.quotes.CONTINUED_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        # a later line with a mark that may open a quotation of its own
        "“This will never pass, he said.\nThe mayor called it “a plan” and left.\nEnd.”",
        # a closing mark inside a later line, not at its end
        "“This will never pass, he said.\nThe vote” is due.\nThe rest.",
        # too far: more lines than a quotation runs without marks
        "“This will never pass.\n" + "A line.\n" * 6 + "The last line.”",
    ],
)
def test_an_unclosed_quotation_does_not_run_on_to_other_marks(text: str) -> None:
    q = find_quotes(text)[0]
    assert q.end == text.index("\n")
    assert not q.balanced


def test_stray_closing_mark_is_ignored() -> None:
    assert find_quotes("Nothing to see” here.") == ()


@given(st.text(alphabet="ab ’'‘“”\"«».,\n", max_size=60))
def test_never_crashes_and_spans_hold(text: str) -> None:
    quotes = find_quotes(text)
    last = -1
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.start <= q.inner_start <= q.inner_end <= q.end
        assert q.start >= last
        last = q.end


@pytest.mark.data
def test_seed_quotes(seed_text: str) -> None:
    quotes = {q.text: q for q in find_quotes(seed_text)}
    assert quotes["‘Provocation’"].kind == "scare"
    assert quotes["“special military operation”"].kind == "scare"
    assert quotes["“blown up”"].kind == "scare"  # provisionally; attribution makes it mixed
    assert all(q.balanced for q in quotes.values())
    assert len(quotes) == 10


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # names of programmes, books, groups: title case, as news style quotes them
        ("Ruiz told “Meet the Press” that the bridge would reopen.", "title"),
        ("She hosts “Daybreak” on weekday mornings.", "title"),
        ("The so-called “Gang of Eight” met again on Tuesday.", "title"),
        # scare quotes: lower case, or capitals that are the sentence's or the headline's
        ("Critics called the inquiry a “witch hunt” on Monday.", "scare"),
        ("The crowd chanted “LOCK HER UP” again and again.", "scare"),
        ("“Daybreak” returns in May, the network said.", "scare"),
        ("Fears of Staged ‘Provocation’ Grow in Kyiv", "scare"),
    ],
)
def test_short_title_case_quotations_are_titles_not_scare_quotes(text: str, kind: str) -> None:
    (quote,) = find_quotes(text)
    assert quote.kind == kind


def test_doubled_straight_marks_open_and_close_a_quotation() -> None:
    text = "''We will rebuild the pier,'' she said. ''It's the town's lifeline.''"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        "''We will rebuild the pier,''",
        "''It's the town's lifeline.''",
    ]
    assert all(q.balanced for q in quotes)
    assert quotes[0].inner_start == 2
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "We will rebuild the pier,"


def test_doubled_marks_spaced_on_both_sides_close_after_a_nested_quote() -> None:
    text = "''I hate the phrase 'working poor,' '' she said, and left the stage early."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == "''I hate the phrase 'working poor,' ''"


def test_treebank_backticks_open_a_quotation_closed_by_doubled_marks() -> None:
    # Penn Treebank-style text (tokens spaced, `` and ''), as in tokenised news corpora
    text = "`` We will rebuild the pier , '' she said .\n`` It is the town 's lifeline . ''"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == [
        "`` We will rebuild the pier , ''",
        "`` It is the town 's lifeline . ''",
    ]
    assert all(q.balanced and q.kind == "direct" for q in quotes)
    assert text[quotes[0].inner_start : quotes[0].inner_end] == " We will rebuild the pier , "


def test_lone_backticks_are_not_quotation_marks() -> None:
    assert find_quotes("Run `make test` first, the maintainer said.") == ()


# The scan for marks leaves out apostrophes between letters or digits and the blank lines after
# a line break; pairing every mark and every line break, as the plain pattern finds them, must
# give the same quotations.
_PLAIN_MARK_RE = re.compile("''|``|[\"'`“”„‟‘’‚‛«»\n]")


def quotes_from_every_mark(text: str) -> tuple[Quote, ...]:
    fast = framing.quotes._MARK_RE
    framing.quotes._MARK_RE = _PLAIN_MARK_RE
    try:
        return find_quotes(text)
    finally:
        framing.quotes._MARK_RE = fast


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine’s ‘plan’ don't 'quote' rock'n'roll O’Brien’s",
        "a''b ''c'' d'''e '''f'''",  # doubled marks next to letters and to other marks
        "“Open\n\n  \n“Continued after blank lines,” he said.",  # newswire continuation
        "‘single\n\n\nnext paragraph’ and ’90s 'em",
        'He said "no\n\r\n\u2028 and then',
    ],
)
def test_skipped_marks_change_no_quotation(text: str) -> None:
    assert find_quotes(text) == quotes_from_every_mark(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aSs9 \t\n’'‘‚‛“”„‟\"«»(—.,`", max_size=80))
def test_skipped_marks_change_no_quotation_on_any_text(text: str) -> None:
    quotes = find_quotes(text)
    assert quotes == quotes_from_every_mark(text)
    # counting the words on the text's word classes gives the same quotations
    assert find_quotes(text, classes=word_classes(text)) == quotes


# ----------------------------------------------------------- tokenised text: marks set apart


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The mayor called it a ‘ hoax ’ on Monday .", ["‘ hoax ’"]),
        ("It was a ‘ witch hunt ’ and a ‘ hoax . ’", ["‘ witch hunt ’", "‘ hoax . ’"]),
        # a plural's possessive mark inside one is not its closer
        (
            "She mocked them as ‘ living in their parents ’ basements , ’ and left .",
            ["‘ living in their parents ’ basements , ’"],
        ),
        # clitics and elisions written apart are no marks
        ("Maren ’ s envoy didn ’ t come , and the voters ’ plan failed .", []),
        ("Money makes the world go ‘ round with the voters ’ money .", []),
        ("Congress 's session on the players' pay ended .", []),
        # a clitic apart inside a quotation does not close it
        ("It was a ‘ Maren ’ s finest ’ moment .", ["‘ Maren ’ s finest ’"]),
        (
            "Congress 's session ended . `` I am confident , '' he said .",
            ["`` I am confident , ''"],
        ),
    ],
)
def test_spaced_single_marks_of_a_tokenised_text(text: str, found: list[str]) -> None:
    assert texts(text) == found


def test_a_spaced_single_opener_before_a_double_mark_was_an_apostrophe() -> None:
    text = (
        "Maren Sports ‘ Ida Lund praised the decision as “ bold , ” but argued that it “ puts "
        "the burden on players . ” The players ’ message stands ."
    )
    assert texts(text) == ["“ bold , ”", "“ puts the burden on players . ”"]


def test_a_single_opener_before_another_one_was_no_opener() -> None:
    # "‘08" (a decade typed with an opening mark) would have paired with the next closer
    text = (
        "Rep. Ana Ruiz said in ‘08 that voters were ready. “It ends the ‘blame game’ now,” she "
        "said."
    )
    assert texts(text) == ["“It ends the ‘blame game’ now,”"]


def test_a_quotation_closes_at_a_possessive_like_mark_before_the_next_opener() -> None:
    text = (
        "Ms Roe said the board had 'started the review process' on the terms, adding: 'For "
        "now, no further meetings are planned.'"
    )
    assert texts(text) == [
        "'started the review process'",
        "'For now, no further meetings are planned.'",
    ]
