"""Boilerplate detection: the seed article, declared patterns, and prose that must survive."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.boilerplate import (
    _fold,
    default_rules,
    detect_boilerplate,
    load_boilerplate_rules,
)
from framing.errors import LexiconError
from framing.resources import data_path
from framing.text import normalize
from framing.types import Excluded

SEED_HEADLINE = (
    "Fears of Staged ‘Provocation’ as Belarus Accuses Ukraine of Planning to Attack Them"
)


def reasons(text: str) -> list[tuple[str, str]]:
    return [(e.reason, e.text) for e in detect_boilerplate(text)]


def check_spans(text: str, spans: tuple[Excluded, ...]) -> None:
    previous_end = -1
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end


# --- the seed article -------------------------------------------------------------------------


@pytest.mark.data
def test_seed_article_excludes_exactly_the_furniture(seed_text: str) -> None:
    spans = detect_boilerplate(seed_text)
    check_spans(seed_text, spans)
    got = [(s.reason, s.text[:24]) for s in spans]
    assert got == [
        ("photo_caption", "Russia's President Vladi"),
        ("social", "Follow Jack Montgomery o"),
        ("social", "Follow Breitbart London "),
        ("comment_prompt", "Leave a Reply"),
        ("comment_prompt", "Your email address will "),
        ("teaser", "Poll: Republican Tudor D"),
        ("teaser", "Nike Co-Founder Phil Kni"),
    ]
    # the caption is the whole first paragraph, without its newline
    first_paragraph = seed_text.split("\n", 1)[0]
    assert spans[0].start == 0
    assert spans[0].text == first_paragraph
    # the headline is the title, never excluded
    title_start = seed_text.index(SEED_HEADLINE)
    assert all(not (s.start <= title_start < s.end) for s in spans)
    # the last article paragraph is kept
    last_paragraph = seed_text.index("So far unconfirmed reports")
    assert all(not (s.start <= last_paragraph < s.end) for s in spans)


# --- positive cases, one per reason -----------------------------------------------------------

ARTICLE = (
    "The city council voted 7-2 on Tuesday to extend the night bus service to the airport.\n\n"
    "“It took three years of asking,” said Ruth Okafor, who works early shifts at the terminal.\n"
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("(Photo by Mark Ellison/City Press via Getty Images)", "photo_credit"),
        ("AFP PHOTO / Sergei Novak", "photo_credit"),
        ("Image: Reuters", "photo_credit"),
        ("Photo credit: Harbour Times archive", "photo_credit"),
        ("Credit: Getty Images", "photo_credit"),
        ("Chip Lawson/Getty Images", "photo_credit"),
        ("(AP Photo/Dana Whitfield)", "photo_credit"),
        ("Follow Maria Lindqvist on Twitter: @mlindqvist", "social"),
        ("Follow The Coastal Ledger on Facebook: The Coastal Ledger", "social"),
        ("Follow us on Instagram", "social"),
        (
            "The Harbour Ledger: A ... Maria Lindqvist Best Price: $8.00 Buy New $8.51 (as of "
            "02:00 EDT - Details)",
            "advertisement",
        ),
        (
            "Interested in Harbour Trade? Add Harbour Trade as an interest to stay up to date on "
            "the latest Harbour Trade news, video, and analysis from The Coastal Ledger. Add "
            "Interest",
            "social",
        ),
        ("Share this article", "social"),
        ("SHARE THIS ARTICLE:", "social"),
        ("Click here to subscribe to our YouTube channel", "social"),
        ("Leave a Reply", "comment_prompt"),
        ("Leave a reply Cancel reply", "comment_prompt"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comment_prompt",
        ),
        ("Comments", "comment_prompt"),
        ("Join the conversation", "comment_prompt"),
        ("14 Comments", "comment_prompt"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("READ MORE: Council Approves Airport Night Bus Extension", "teaser"),
        ("PHOTOS: The Flood in Pictures", "teaser"),
        ("SHARE THIS ARTICLE Share Tweet Post Email", "social"),
        ("Newsletter Sign-up", "newsletter"),
        ("Write to Ruth Okafor at ruth.okafor@ledger.example.org", "contact"),
        ("Send tips to tips@ledger.example.org.", "contact"),
        ("Copyright 2024 The Coastal Ledger. All rights reserved.", "copyright"),
        ("© 2024 Coastal Ledger Media", "copyright"),
        ("Residents at the depot. Chip Lawson/Getty Images", "photo_caption"),
    ],
)
def test_furniture_line_is_excluded_with_its_reason(line: str, reason: str) -> None:
    text = ARTICLE + "\n" + line + "\n\nThe new timetable starts on 1 June, the council said.\n"
    spans = detect_boilerplate(text)
    check_spans(text, spans)
    assert [(s.reason, s.text) for s in spans] == [(reason, line)]


def test_caption_paragraph_with_agency_credit_is_one_span() -> None:
    caption = (
        "Residents queue for water in the flooded district of Ostrava on Monday, "
        "three days after the river burst its banks. (AP Photo/Dana Whitfield)"
    )
    text = (
        caption
        + "\r\n\r\nFlood Waters Recede in Ostrava\r\n\r\nThe river fell by a metre overnight.\r\n"
    )
    spans = detect_boilerplate(text)
    check_spans(text, spans)
    assert [(s.reason, s.start, s.end) for s in spans] == [("photo_caption", 0, len(caption))]


def test_trailing_teasers_at_end_without_social_block() -> None:
    text = (
        ARTICLE
        + "\nSchool Board Delays Vote on Later Start Times\n"
        + "\nHarbour Ferry Fares to Rise 12 Percent in Spring\n"
    )
    assert [r for r, _ in reasons(text)] == ["teaser", "teaser"]


def test_single_trailing_teaser_after_comment_block() -> None:
    text = ARTICLE + "\nLeave a Comment\n\nMayor Names New Head of Transport Authority\n"
    assert reasons(text) == [
        ("comment_prompt", "Leave a Comment"),
        ("teaser", "Mayor Names New Head of Transport Authority"),
    ]


def test_crlf_line_spans_exclude_the_carriage_return() -> None:
    text = "The vote was close.\r\nShare this article\r\n"
    (span,) = detect_boilerplate(text)
    assert span.text == "Share this article"
    assert text[span.end] == "\r"


# --- negative cases: article prose that must stay ---------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ambassador wrote on Twitter that the talks had been “constructive”.",
        "Follow the money, the senator said on Twitter, and you will find the lobbyists.",
        "“Leave a reply on the council website if you disagree,” the mayor told residents.",
        "“Leave,” she said.",
        "Getty Images, the photo agency, said on Monday it would stop licensing AI pictures.",
        "An AFP photo of the rally was shared thousands of times.",
        "Comments from the minister drew criticism from both parties.",
        "Share prices fell 4 percent after the announcement.",
        "Readers can add the council as an interest in the app to follow its votes.",
        # prose before a widget glued to it keeps the line
        "The Ledger writes: The Harbour Ledger: A ... Maria Lindqvist Best Price: $8.00 Buy New "
        "$8.51 (as of 02:00 EDT - Details)",
        "Image: the senator said the party needed a new one before the election.",
        "Credit: the lender said borrowers would see lower rates within a month.",
        "Sign up for the draft was compulsory for men over 18, the historian noted.",
        "Join the conversation, the mayor urged, and tell the council what you think.",
        "Related: the bill would also cap rents in the capital.",
        "Copyright law changed in 1976, the judge noted, and the case turns on that change.",
        "Contact with the virus was limited to two wards, the hospital said.",
        "Photos of the rally were shared online by the mayor's office.",
    ],
)
def test_prose_paragraph_is_not_excluded(paragraph: str) -> None:
    text = ARTICLE + "\n" + paragraph + "\n\nThe council meets again next week.\n"
    assert detect_boilerplate(text) == ()


def test_title_case_headline_at_start_is_the_title() -> None:
    text = "Council Extends Night Bus Service to Airport\n\n" + ARTICLE
    assert detect_boilerplate(text) == ()


def test_headlines_only_document_has_no_teasers() -> None:
    text = "Council Extends Night Bus Service to Airport\n\nNight Buses Return in June\n"
    assert detect_boilerplate(text) == ()


def test_normal_last_paragraph_is_kept() -> None:
    text = ARTICLE + "\nThe service will cost £1.2 million a year, officials estimate.\n"
    assert detect_boilerplate(text) == ()


def test_single_title_case_sign_off_at_end_is_kept() -> None:
    # One title-case line at the end, not after a social or comment block, is not enough evidence.
    text = ARTICLE + "\nAdditional Reporting by Tomas Berg in Gothenburg\n"
    assert detect_boilerplate(text) == ()


def test_teaser_block_stops_at_a_lowercase_line() -> None:
    text = (
        ARTICLE
        + "\nFollow us on Instagram\n"
        + "\nsome page text in lower case without a full stop\n"
        + "\nFerry Fares to Rise in Spring\n"
    )
    # the headline is after a line that is neither boilerplate nor a headline: not enough evidence
    assert reasons(text) == [("social", "Follow us on Instagram")]


def test_long_title_case_line_is_not_a_teaser() -> None:
    long_line = " ".join(["Word"] * 30)
    text = ARTICLE + "\nShare this article\n\n" + long_line + "\n"
    assert reasons(text) == [("social", "Share this article")]


def test_empty_and_blank_text() -> None:
    assert detect_boilerplate("") == ()
    assert detect_boilerplate("\n \r\n\t\n") == ()


# --- performance and safety -------------------------------------------------------------------


# Speed guards are ratios to a peer measured in the same run (ordinary text of the same length),
# in CPU time, not wall-clock limits: each case was at most 2x its peer when written, while
# catastrophic backtracking would make it hundreds of times slower.


def _prose(length: int) -> str:
    return ("The council met on Tuesday and voted.\n" * (length // 30 + 1))[:length]


def test_megabyte_line_without_spaces_costs_no_more_than_prose(cpu_seconds) -> None:
    text = "x" * 1_000_000
    assert detect_boilerplate(text) == ()
    peer = _prose(len(text))
    assert cpu_seconds(lambda: detect_boilerplate(text)) < 10 * cpu_seconds(
        lambda: detect_boilerplate(peer)
    )


@pytest.mark.parametrize(
    "line",
    [
        "Follow " + "A" * 1990,
        "Follow " + "Ab " * 600,
        "(Photo by " + "(" * 1900,
        "Photo credit: " + " " * 1900 + "x",
        "x/" * 990 + "Getty",
        "Read more: " + ". " * 990,
        "Sign up for our " + "newsletter " * 150,
        "Add " + "x " * 180 + " as an interest to stay up to date on the latest",
    ],
)
def test_adversarial_lines_cost_no_more_than_prose(line: str, cpu_seconds) -> None:
    text = ARTICLE + "\n" + line[:2000] + "\n"
    peer = ARTICLE + "\n" + _prose(len(line[:2000])) + "\n"

    def run(t: str) -> Callable[[], object]:
        return lambda: [detect_boilerplate(t) for _ in range(20)]

    assert cpu_seconds(run(text)) < 10 * cpu_seconds(run(peer))


# --- the rules file ---------------------------------------------------------------------------


def test_every_declared_reason_is_used_and_every_rule_has_a_note() -> None:
    rules = default_rules()
    used = {rule.reason for rule in rules.rules}
    assert used == set(rules.reasons)
    assert all(rule.note for rule in rules.rules)


def test_bad_rules_file_names_file_and_field(tmp_path: Path) -> None:
    good = data_path("lexicons", "boilerplate.toml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(good.replace("pattern = '''AFP PHOTO", "pattern = '''AFP (PHOTO", 1), "utf-8")
    with pytest.raises(LexiconError) as info:
        load_boilerplate_rules(bad)
    assert info.value.file == str(bad)
    assert info.value.field == "rules[1].pattern"
    assert "invalid pattern" in str(info.value)


def test_undeclared_reason_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        'format = 1\n[reasons]\nsocial = "Share prompts."\n'
        '[[rules]]\nreason = "sharing"\nmatch = "line"\nphrases = ["Share"]\n',
        "utf-8",
    )
    with pytest.raises(LexiconError, match="not declared") as info:
        load_boilerplate_rules(path)
    assert info.value.field == "rules[0].reason"


def test_custom_rules_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        'format = 1\n[reasons]\nsocial = "Share prompts."\n'
        '[[rules]]\nreason = "social"\nmatch = "line"\nphrases = ["Pass it on"]\nnote = "x"\n',
        "utf-8",
    )
    rules = load_boilerplate_rules(path)
    text = ARTICLE + "\nPass it on!\n\nShare this article\n"
    assert [(s.reason, s.text) for s in detect_boilerplate(text, rules)] == [
        ("social", "Pass it on!")
    ]


# --- quick rejection: the combined tests must never hide a rule --------------------------------

QUICK_RULES = """\
format = 1
[reasons]
social = "Share prompts."
credit = "Picture credits."

[[rules]]
reason = "social"
match = "regex"
pattern = '''(\\w+) \\1 now'''
note = "A back-reference: cannot be joined with other patterns."

[[rules]]
reason = "social"
match = "regex"
pattern = '''(?i)tell a friend'''
note = "Global inline flag: cannot be joined either."

[[rules]]
reason = "credit"
match = "contains"
max_chars = 60
pattern = '''\\bPIX/[A-Z]+'''
note = "A literal in the middle of the pattern."

[[rules]]
reason = "credit"
match = "contains"
ignore_case = true
pattern = '''\\(courtesy of [^()]+\\)'''
note = "Case-insensitive: only the characters without case count as its literal."
"""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("share share now", "social"),
        ("TELL A FRIEND", "social"),
        ("A rally downtown. PIX/AGENCY", "credit"),
        ("The crowd (COURTESY OF THE MUSEUM) cheered.", "credit"),
    ],
)
def test_rules_that_cannot_be_combined_still_match(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(QUICK_RULES, "utf-8")
    rules = load_boilerplate_rules(path)
    assert [(e.reason, e.text) for e in detect_boilerplate(f"{ARTICLE}\n{line}\n", rules)] == [
        (reason, line)
    ]


@pytest.mark.parametrize(
    "line",
    [
        "share it now",  # the back-reference does not hold
        "Tell a friend about the budget vote and the tax plan.",  # not the whole line
        "pix/agency",  # the contains rule is case-sensitive
        "A very long caption line that mentions the source only at its end: PIX/AGENCY",
    ],
)
def test_quick_rejection_keeps_non_matching_lines(tmp_path: Path, line: str) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(QUICK_RULES, "utf-8")
    rules = load_boilerplate_rules(path)
    assert detect_boilerplate(f"{ARTICLE}\n{line}\n", rules) == ()


def test_rule_literals_are_text_every_match_contains() -> None:
    rules = [r for r in default_rules().rules if r.pattern is not None]
    assert {r.pattern.pattern: r.literal for r in rules if r.pattern}[
        r"\bAFP PHOTO\b"
    ] == "AFP PHOTO"
    examples = ("(AP Photo/Jane Roe)", "AFP PHOTO / STAFF", "Jane Roe/Getty Images", "12 comments")
    matched = 0
    for rule in rules:
        for example in examples:
            m = rule.pattern.search(example) if rule.pattern else None
            if m is not None:
                matched += 1
                assert rule.literal in m.group()
    assert matched >= len(examples)


@given(st.text(alphabet="Ab’ \t\r\n\x0b\x1c\x85\u00a0\u2003\u2028\u3000:*.!|>»›İ", max_size=40))
def test_fold_collapses_whitespace_as_the_regular_expression_does(line: str) -> None:
    assert _fold(line) == re.sub(r"\s+", " ", normalize(line)).strip().rstrip(" :*.!|>»›")


_FRAGMENTS = [
    "Photo by Jane Roe",
    "/Getty Images",
    " via Getty Images",
    "All rights reserved.",
    "Copyright 2024 The Ledger",
    "(AP Photo/Evan Vucci)",
    "AFP PHOTO / STAFF",
    "Follow us on Twitter",
    "Share this article",
    "12 Comments",
    "Write to Ken Doe at ken@example.com",
    "READ MORE: Council Approves Budget",
    "Sign up for our daily newsletter",
    "Advertisement",
    "The council met on Tuesday.",
    " ",
    ":",
    ".",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_FRAGMENTS), max_size=4), max_size=6))
def test_quick_rejection_never_drops_a_match(lines: list[list[str]]) -> None:
    text = "\n".join("".join(line) for line in lines)
    rules = default_rules()
    every_line = dataclasses.replace(rules, kind_max_chars={})  # no quick rejection
    assert detect_boilerplate(text, rules) == detect_boilerplate(text, every_line)
