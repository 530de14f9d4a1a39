"""Sentence and word spans keep exact offsets into the original text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import (
    WORD_PATTERN,
    WORD_RE,
    SpanIndex,
    _is_abbreviation,
    abbreviations,
    clause_start,
    count_class_words,
    count_words,
    ends_abbreviation,
    join_clitics,
    line_spans,
    normalize,
    sentence_spans,
    word_classes,
    word_spans,
    word_tokenizer,
)


def texts_of(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "The U.S. ambassador in Kyiv spoke. Lt. Gen. Yury Zhadobin attended. Mr. Smith left."
    assert texts_of(text) == [
        "The U.S. ambassador in Kyiv spoke.",
        "Lt. Gen. Yury Zhadobin attended.",
        "Mr. Smith left.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state, an acronym, a company form or a suffix ends a sentence before a word that
        # opens one and follows no abbreviation inside a sentence
        ("He died in Maren, Calif. The group said so.",
         ["He died in Maren, Calif.", "The group said so."]),
        ("They sought to enter the U.S. The plan failed.",
         ["They sought to enter the U.S.", "The plan failed."]),
        ("It met in Washington, D.C. He spoke first.",
         ["It met in Washington, D.C.", "He spoke first."]),
        ("She works for Rep. Lars Okafor, R-Tenn. The aide left.",
         ["She works for Rep. Lars Okafor, R-Tenn.", "The aide left."]),
        ("Polls close at 7 p.m. But counting goes on.",
         ["Polls close at 7 p.m.", "But counting goes on."]),
        # not after a title, which stands before a name only, nor after "vs."
        ("Meet Mr. And Mrs. Okafor.", ["Meet Mr. And Mrs. Okafor."]),
        ("Das Volk vs. The State.", ["Das Volk vs. The State."]),
        # nor before a capital that may be an initial or a name
        ("J. A. Ruiz spoke. He left.", ["J. A. Ruiz spoke.", "He left."]),
        ("The U.S. House voted.", ["The U.S. House voted."]),
        ("It moved to Maren, Calif., in May.", ["It moved to Maren, Calif., in May."]),
    ],
)  # fmt: skip
def test_an_abbreviation_ends_a_sentence_before_a_word_that_opens_one(
    text: str, expected: list[str]
) -> None:
    assert texts_of(text) == expected


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    text = "Item No. 5 was sold. Nos. 3 and 4 went too. The council said no. The mayor left."
    assert texts_of(text) == [
        "Item No. 5 was sold.",
        "Nos. 3 and 4 went too.",
        "The council said no.",
        "The mayor left.",
    ]


def test_quotes_after_terminal_punctuation_stay_with_their_sentence() -> None:
    text = "“This is false,” the ministry said. “We reject it!” Officials left."
    assert texts_of(text) == [
        "“This is false,” the ministry said.",
        "“We reject it!”",
        "Officials left.",
    ]


def test_a_no_break_space_after_a_period_ends_a_sentence() -> None:
    # scraped pages often put a no-break space between sentences
    text = "It costs a dollar of wages.\xa0Economists believe it will rise."
    assert texts_of(text) == ["It costs a dollar of wages.", "Economists believe it will rise."]
    # not after an abbreviation
    assert texts_of("Mr.\xa0Trump said so.") == ["Mr.\xa0Trump said so."]


def test_line_breaks_end_sentences_and_blank_lines_are_skipped() -> None:
    text = "Headline Without Stop\n\nFirst paragraph ends here.\nFollow X on Twitter: @x"
    assert texts_of(text) == [
        "Headline Without Stop",
        "First paragraph ends here.",
        "Follow X on Twitter: @x",
    ]


def test_lower_case_after_period_is_not_a_boundary() -> None:
    assert texts_of("He earned 3.5 percent. e.g. this stays together.") == [
        "He earned 3.5 percent. e.g. this stays together."
    ]


def test_words_keep_inner_apostrophes_and_split_hyphens() -> None:
    text = "Ukraine’s so-called don't"
    assert [text[s:e] for s, e in word_spans(text)] == ["Ukraine’s", "so", "called", "don't"]
    assert count_words(text) == 4
    assert count_words(text, 10, 19) == 2


def test_normalize_keeps_length_and_folds_marks() -> None:
    raw = "İstanbul’s So‐Called"
    out = normalize(raw)
    assert len(out) == len(raw)
    assert out.endswith("'s so-called")


def test_span_index_finds_containing_span() -> None:
    index = SpanIndex([(10, 20), (0, 5)])
    assert index.find(3) == 0
    assert index.find(7) is None
    assert index.covers(12, 20) == 1
    assert index.covers(12, 21) is None


@given(st.text(max_size=300))
def test_spans_are_within_bounds_on_any_text(text: str) -> None:
    previous_end = 0
    for s, e in sentence_spans(text):
        assert previous_end <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        previous_end = e
    for s, e in word_spans(text):
        assert 0 <= s < e <= len(text)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "“”"])
def test_degenerate_texts(text: str) -> None:
    assert all(text[s:e].strip() for s, e in sentence_spans(text))


def test_word_spans_equal_nltk_regexp_tokenizer_on_news_text() -> None:
    text = "Ukraine’s envoy didn’t attend; the so-called “referendum” (2014) was rejected."
    assert word_spans(text) == list(word_tokenizer().span_tokenize(text))


# The fast forms of the word pattern must find exactly what WORD_PATTERN finds.
_PLAIN_WORD_RE = re.compile(WORD_PATTERN)
_WORDISH = st.text(alphabet="ab9_'’- .\n\u00e9\u0130", max_size=60)


@pytest.mark.parametrize(
    "text",
    ["don't", "rock'n'roll", "Ukraine’s", "dogs' day", "'quoted'", "a__b", "x''y", "O'Neil-Smith"],
)
def test_word_re_finds_the_words_of_word_pattern(text: str) -> None:
    assert [m.span() for m in WORD_RE.finditer(text)] == [
        m.span() for m in _PLAIN_WORD_RE.finditer(text)
    ]


@given(_WORDISH, st.integers(0, 60), st.integers(0, 60))
def test_word_counts_agree_with_word_pattern_on_any_slice(text: str, a: int, b: int) -> None:
    start, end = sorted((a, b))
    assert [m.span() for m in WORD_RE.finditer(text)] == [
        m.span() for m in _PLAIN_WORD_RE.finditer(text)
    ]
    assert count_words(text, start, end) == len(_PLAIN_WORD_RE.findall(text, start, end))


def test_abbreviation_test_looks_only_at_the_word_before_the_period() -> None:
    # a long run without spaces before the period: not an abbreviation, the sentence ends
    assert texts_of("See the report at www.example-records.gov. It was filed late.") == [
        "See the report at www.example-records.gov.",
        "It was filed late.",
    ]
    assert texts_of("They met Lt. Gen. Moss and the U.S. envoy. Talks began.") == [
        "They met Lt. Gen. Moss and the U.S. envoy.",
        "Talks began.",
    ]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("according to Mr. Lind", "Mr", True),
        ("the U.S. Judicial Conference", "U.S", True),
        ("Edwin G. Monroy", "G", True),
        ("according to Lind. Then", "Lind", False),
        ("at www.example-records.gov. It", "gov", False),
        # a party and a state after a name
        ("Sen. Ana Ruiz (D-Conn.) said", "Conn", True),
        ("Rep. Lars Okafor, R-N.C., said", "R-N", True),
        ("Rep. Lars Okafor, R-N.C., said", "N.C", True),
        # not a lone letter after a hyphen, nor a word that is no abbreviation
        ("We chose Plan-B. Then it failed.", "Plan-B", False),
        ("It was a close-run. Then it ended.", "close-run", False),
        # a digit is no initial
        ("It sank on March 9. Ten days later", "9", False),
    ],
)
def test_ends_abbreviation(text: str, word: str, expected: bool) -> None:
    assert ends_abbreviation(text, text.index(word) + len(word)) is expected


# --- fast paths that must equal the plain ones -------------------------------------------------

# Letters and digits in and outside ASCII, both apostrophes, the underscore and separators.
_CLASSY = st.text(alphabet="ab9_'’- .\n\u00e9\u0130\u00b2\u0663\u4e2d“”—\u00a0\ud800", max_size=80)


@given(_CLASSY, st.integers(0, 80), st.integers(0, 80))
def test_word_class_counts_equal_word_counts(text: str, a: int, b: int) -> None:
    start, end = sorted((a, b))
    classes = word_classes(text)
    assert len(classes) == len(text)
    assert count_class_words(classes) == count_words(text)
    assert count_class_words(classes, start, end) == count_words(text, start, end)


def test_word_classes_of_text_with_many_distinct_characters() -> None:
    # more distinct non-ASCII characters than are replaced one by one: translated in one pass
    text = " ".join(chr(0x4E00 + i) + "’s" for i in range(100)) + " ’ — don’t"
    assert count_class_words(word_classes(text)) == count_words(text) == 101


_PLAIN_BOUNDARY_RE = re.compile(r"([.!?…]+)[\"'”’»)\]]*(?=([ \t\xa0]+)[\"'“‘«(\[]?[^\W_a-z])")


def plain_line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines trimmed by hand."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def plain_sentence_spans(text: str) -> list[tuple[int, int]]:
    """The splitter scanning each line on its own, as it did before the one-pass scan."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, stop = line.span()
        while start < stop and text[start].isspace():
            start += 1
        if start >= stop:
            continue
        cur = start
        for m in _PLAIN_BOUNDARY_RE.finditer(text, start, stop):
            if m.group(1) == "." and _is_abbreviation(text, m.start(), abbreviations()):
                continue
            spans.append((cur, m.end()))
            cur = m.end(2)
        end = stop
        while end > cur and text[end - 1].isspace():
            end -= 1
        if end > cur:
            spans.append((cur, end))
    return spans


_SENTENCY = "aZ9é. !?…\"'”’)“(\t\n\r\u2028\u00a0"


@settings(max_examples=300)
@given(st.text(alphabet=_SENTENCY, max_size=80))
def test_one_pass_sentence_spans_equal_line_by_line_spans(text: str) -> None:
    assert line_spans(text) == plain_line_spans(text)
    assert sentence_spans(text) == plain_sentence_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith left. U.S. envoy spoke!  “Yes.” (Then) he went…\tOn.",
        "  \r\nLine one.  \n\n\t Line two? Yes. \u2028 x. Y\r\n   \n",
        "",
    ],
)
def test_one_pass_sentence_spans_equal_line_by_line_spans_on_examples(text: str) -> None:
    assert line_spans(text) == plain_line_spans(text)
    assert sentence_spans(text) == plain_sentence_spans(text)


def test_clause_start_is_just_after_the_last_clause_mark() -> None:
    text = "said, after the vote; the tax regime"
    assert clause_start(text, 0, len(text)) == text.index(";") + 1
    assert clause_start(text, 0, text.index(";")) == text.index(",") + 1
    assert clause_start(text, 0, 4) == 0  # no mark: the whole stretch
    assert clause_start("a — b", 0, 5) == 3
    assert clause_start("a “b”", 0, 5) == 0  # quotation marks are not clause marks


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("Maren 's mayor said", "Maren's  mayor said"),
        ("the Ruritania ’ s embassy", "the Ruritania’s   embassy"),
        ("they 're sure it was n't", "they're  sure it wasn't "),
        ("he did n't say", "he didn't  say"),
        ("she didn ’ t say", "she didn’t   say"),
        ("I CA N'T", "I CAN'T "),
        ("the voters ’ plan", "the voters’  plan"),
        ("Police Chief Nora O ’ Dell said", "Police Chief Nora O’Dell   said"),
        # clitics one after another are one span: the spaces go after the last
        ("Ms. O ’ Dell ’ s office", "Ms. O’Dell’s     office"),
    ],
)
def test_join_clitics_joins_tokenised_clitics_and_keeps_the_length(text: str, joined: str) -> None:
    found = join_clitics(text)
    assert found is not None
    assert found.text == joined
    assert len(found.text) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Maren's mayor didn't say",  # written as words are
        "Sophie in 't Veld said",  # "'t" after no auxiliary: part of a name
        "the ‘ Real News ’ and",  # a mark after a plural that closes a quotation
        "He said 'no' to it",
        "rock 'n' roll",
    ],
)
def test_join_clitics_leaves_other_text_alone(text: str) -> None:
    assert join_clitics(text) is None


def test_joined_offsets_map_back_to_the_original_text() -> None:
    text = "Ruritania ’ s envoy did n't come ; Ms. O ’ Dell ’ s aide said so ."
    joined = join_clitics(text)
    assert joined is not None
    view = joined.text
    for word in ["Ruritania’s", "didn't", "O’Dell’s", "Ruritania", "envoy", "said so"]:
        start = view.index(word)
        end = start + len(word)
        back = text[joined.original_start(start) : joined.original_end(end)]
        assert back.replace(" ", "") == word.replace(" ", "")
    # a span that ends right before a clitic ends there in both
    assert joined.original_end(view.index("’s")) == text.index(" ’ s")
    # offsets outside clitics are the same
    assert joined.original_start(view.index("envoy")) == text.index("envoy")


@given(st.text(alphabet=" abnstNO'’D\n", max_size=40))
@settings(max_examples=300, deadline=None)
def test_join_clitics_keeps_every_character_but_spaces_in_order(text: str) -> None:
    joined = join_clitics(text)
    if joined is None:
        return
    assert len(joined.text) == len(text)
    assert joined.text.replace(" ", "") == text.replace(" ", "")
    for start, end, chars in joined.clitics:
        assert "".join(text[k] for k in chars) == joined.text[start:end]


def test_a_number_before_a_full_stop_ends_the_sentence() -> None:
    assert texts_of("It sank on March 9. Ten days later it was raised.") == [
        "It sank on March 9.",
        "Ten days later it was raised.",
    ]
    # an initial or a party label does not
    assert texts_of("Paul D. Ryan and Ana Ruiz (D-Conn.) spoke.") == [
        "Paul D. Ryan and Ana Ruiz (D-Conn.) spoke."
    ]
