"""Attribution relations: cues, stances, sources, contents and scores."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.attribution import (
    _ANONYMITY_RE,
    _AUX,
    _WORD_TOKEN_RE,
    AttributionResult,
    _before_auxiliaries,
    _first_token,
    _FullNames,
    _has_words,
    _last_token,
    _may_grant_anonymity,
    _Mentions,
    _phrase_type,
    _token_before,
    _tokens,
    cue_lexicon,
    cue_provenance,
    extract_attributions,
    person_name,
)
from framing.evaluation.polnear import read_polnear
from framing.quotes import find_quotes
from framing.scores import attribution_scores
from framing.text import WORD_RE, split_sentences
from framing.types import Attribution, Excluded
from tests.conftest import require


def run(text: str) -> AttributionResult:
    sentences = split_sentences(text)
    return extract_attributions(text, sentences, find_quotes(text, sentences))


def by_cue(result: AttributionResult, cue: str) -> Attribution:
    """The relation whose cue is ``cue``, or else whose cue's verb group holds it as a phrase
    ("said" finds "has also said", "called for")."""
    found = [a for a in result.attributions if a.cue.text == cue] or [
        a for a in result.attributions if re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", a.cue.text)
    ]
    assert found, f"no attribution with cue {cue!r}: {[a.cue.text for a in result.attributions]}"
    return found[0]


def span(text: str, a: Attribution) -> tuple[str | None, str | None]:
    src = a.source.text if a.source else None
    content = text[a.content.start : a.content.end] if a.content else None
    return src, content


def test_quote_then_said_source() -> None:
    text = "“The bridge will open in May,” the transport minister said on Tuesday."
    a = by_cue(run(text), "said")
    assert a.kind == "direct"
    assert a.cue.stance == "neutral"
    assert span(text, a) == ("the transport minister", "“The bridge will open in May,”")
    assert a.source is not None
    assert a.source.type == "role"


def test_inverted_said_source() -> None:
    text = "“We were never consulted about the closure,” said Maria Okafor, a nurse."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.text.startswith("Maria Okafor")
    assert a.source.type == "person"


def test_indirect_that_clause_is_reported_content() -> None:
    text = "Senator Hale claimed that the audit had been falsified by contractors."
    r = run(text)
    a = by_cue(r, "claimed")
    assert a.cue.stance == "distancing"
    assert a.kind == "indirect"
    src, content = span(text, a)
    assert src == "Senator Hale"
    assert content == "that the audit had been falsified by contractors"
    assert [(c.start, c.end) for c in r.reported] == [(a.content.start, a.content.end)]


def test_told_reporters_skips_the_object() -> None:
    text = "The governor told reporters that the budget was balanced."
    _, content = span(text, by_cue(run(text), "told"))
    assert content == "that the budget was balanced"


def test_according_to_organisation() -> None:
    text = "According to the Health Ministry, 40 clinics closed last year."
    a = by_cue(run(text), "According to")
    assert a.kind == "according_to"
    assert span(text, a) == ("the Health Ministry", "40 clinics closed last year")
    assert a.source is not None
    assert a.source.type == "organisation"


def test_according_to_at_sentence_end() -> None:
    text = "Turnout fell to 48 percent, according to the election commission."
    a = by_cue(run(text), "according to")
    assert span(text, a) == ("the election commission", "Turnout fell to 48 percent")


def test_colon_quote() -> None:
    text = "Okafor: “Nobody asked the nurses what they needed.”"
    a = by_cue(run(text), ":")
    assert a.kind == "colon"
    assert span(text, a) == ("Okafor", "“Nobody asked the nurses what they needed.”")


@pytest.mark.parametrize(
    ("cue", "stance"),
    [
        ("revealed", "endorsing"),
        ("alleged", "distancing"),
        ("admitted", "presupposing"),
        ("slammed", "charged"),
        ("added", "neutral"),
    ],
)
def test_stances(cue: str, stance: str) -> None:
    text = f"The committee chair {cue} that the contract had been awarded without a tender."
    assert by_cue(run(text), cue).cue.stance == stance


def test_anonymous_and_unverified_sources() -> None:
    text = (
        "A senior official said the talks had stalled. "
        "Unconfirmed reports suggest the envoy has already left the capital."
    )
    r = run(text)
    assert by_cue(r, "said").source.type == "anonymous"  # type: ignore[union-attr]
    assert by_cue(r, "suggest").source.type == "unverified"  # type: ignore[union-attr]
    scores = attribution_scores(r.attributions, quoted_words=0, n_words=20)
    assert scores["anonymous_rate"] == 0.5
    assert scores["unverified_rate"] == 0.5
    assert scores["n_cues"] == 2


def test_pronoun_resolves_to_named_speaker() -> None:
    text = (
        "The plan was criticised by the union leader, Dana Whitfield.\n\n"
        "“This is a pay cut dressed up as reform,” she said.\n"
    )
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.text == "she"
    assert a.speaker == "Dana Whitfield"


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders"),
        ("Anatoly Lappo, chairman of the State Border Committee of Belarus", "Anatoly Lappo"),
        ("Trump campaign manager Kellyanne Conway", "Kellyanne Conway"),
        ("Secretary of State Hillary Clinton", "Hillary Clinton"),
        ("former President Barack Obama", "Barack Obama"),
        ("First Lady Melania Trump", "Melania Trump"),
        ("President Trump", "Trump"),
        ("Clinton's campaign chairman John Podesta", "John Podesta"),
        ("Jones of the Heritage Foundation", "Jones"),
        # an office whose title follows other capitalised words, and an occupation that opens
        # the sentence
        ("Interior Minister Lukas Brandt", "Lukas Brandt"),
        ("Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
        ("Twitter CEO Jack Dorsey", "Jack Dorsey"),
        ("Editor Greta Holm", "Greta Holm"),
        # kept as they are: a name that merely starts like a title, several people, a title
        # word at the end of a name
        ("Lady Gaga", "Lady Gaga"),
        ("John Major", "John Major"),
        ("Donald Trump Jr.", "Donald Trump Jr."),
        ("Romney and Ryan", "Romney and Ryan"),
        # a weekday is no name: the name after it is
        ("Wednesday, USA Today", "USA Today"),
        # what an office is of is no name: the appositive is
        ("The director of the Harbour Centre, Ina Okafor,", "Ina Okafor"),
        ("the director of the Federal Bureau of Investigation, James B. Comey,", "James B. Comey"),
        ("His former business partner at Lenox, Lawrence B. Cummings,", "Lawrence B. Cummings"),
    ],
)
def test_person_name_drops_titles_offices_and_appositives(phrase: str, name: str) -> None:
    assert person_name(phrase) == name


def test_a_surname_alone_is_the_full_name_it_was_introduced_with() -> None:
    text = (
        "President Donald Trump visited Ohio on Monday.\n\n"
        "“We will win,” Trump said.\n\n"
        "Sen. Ted Cruz and Heidi Cruz campaigned in Iowa. Cruz said the race was close.\n"
    )
    r = run(text)
    assert by_cue(r, "said").speaker == "Donald Trump"
    cruz = [a for a in r.attributions if a.source is not None and a.source.text == "Cruz"]
    assert [a.speaker for a in cruz] == ["Cruz"]  # two first names: which Cruz is unknown


def test_a_full_name_only_after_the_surname_does_not_resolve_it() -> None:
    text = "Trump said the polls were wrong. Later, Donald Trump Jr. spoke in Denver."
    assert by_cue(run(text), "said").speaker == "Trump"


def test_treebank_quotation_with_spaced_comma_is_direct_speech() -> None:
    text = "The senator declined to comment .\n`` I have not seen the bill , '' he said .\n"
    a = by_cue(run(text), "said")
    assert a.kind == "direct"
    assert a.source is not None
    assert a.source.text == "he"
    assert a.speaker == "The senator"
    assert a.content is not None
    assert text[a.content.start : a.content.end] == "`` I have not seen the bill , ''"


def test_a_pronoun_with_an_auxiliary_is_a_pronoun_not_a_person() -> None:
    # tokenised text leaves the auxiliary in the subject ("I ’ ll"); "I" is not a name
    text = "Senator Dana Ruiz spoke . And I ’ ll tell you something , we have a bigger movement ."
    a = by_cue(run(text), "tell")
    assert a.source is not None
    assert a.source.text.startswith("I")
    assert a.source.type == "pronoun"
    assert a.speaker is None  # "I" outside a quotation is the writer: no one named
    alone = by_cue(run("Enough is enough. I am calling on the party to recount."), "calling")
    assert alone.source is not None
    assert (alone.source.type, alone.speaker) == ("pronoun", None)


def test_a_legal_charge_is_a_neutral_cue_and_not_unverified_sourcing() -> None:
    text = "The supporter was later charged with assault."
    a = by_cue(run(text), "charged with")
    # an agentless passive that reports an act, not what unnamed others say
    assert (a.cue.lemma, a.cue.stance, a.kind) == ("charge with", "neutral", "indirect")
    assert a.source is None  # the supporter is charged, not the one charging
    scores = attribution_scores(run(text).attributions, 0, 7)
    assert scores["unverified_rate"] == 0.0  # an official act, not hearsay
    # the reporting verb keeps its stance
    claim = by_cue(run("Critics charged that the hearing was rigged."), "charged")
    assert (claim.cue.lemma, claim.cue.stance) == ("charge", "distancing")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It was widely reported that the talks had failed.", "passive"),
        # a passive all the same (no source), but it reports no proposition: not hearsay
        ("He was not told about the plan until Friday.", "indirect"),
    ],
)
def test_an_adverb_between_auxiliary_and_participle_keeps_the_passive(text: str, kind: str) -> None:
    (a,) = run(text).attributions
    assert a.kind == kind
    assert a.source is None


def test_an_unresolved_pronoun_has_no_speaker() -> None:
    a = by_cue(run("They said the bridge would stay closed until spring."), "said")
    assert a.source is not None
    assert (a.source.text, a.source.type) == ("They", "pronoun")
    assert a.speaker is None


def test_continuation_paragraph_keeps_the_speaker() -> None:
    text = (
        "“We will appeal this ruling in every court available to us,” the mayor said.\n\n"
        "“The people of this city deserve far better than a closed hospital.”\n"
    )
    r = run(text)
    cont = [a for a in r.attributions if a.kind == "continuation"]
    assert len(cont) == 1
    assert cont[0].speaker == "the mayor"
    assert cont[0].content is not None
    assert text[cont[0].content.start :].startswith("“The people")


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        ("“He is not welcome,” Mr. Fox told CNN. “We don’t want him. We reject his visit.” "
         "Mr. Fox has criticised the plan.",
         "Fox", "“We don’t want him. We reject his visit.”"),
        # a short quotation that is a sentence of its own is speech, not a scare quote
        ("“He wants to run the nation like his business,” Mr. Bloomberg said on Wednesday. "
         "“God help us.”", "Bloomberg", "“God help us.”"),
        # the main verb's speaker, not a participle's ("alleging")
        ("“It is garbage,” Cruz said about the tabloid article alleging that he had affairs. "
         "“It is a tabloid smear.”", "Cruz", "“It is a tabloid smear.”"),
        ("The mayor said the plan was dead. “It is over.”", "The mayor", "“It is over.”"),
        # the cue's sentence ends in an abbreviation, which the sentence splitter keeps inside
        ("“The bridge is safe,” Ms. Ruiz said during a visit to Salem, Ore. “These are facts.”",
         "Ruiz", "“These are facts.”"),
    ],
)  # fmt: skip
def test_a_quotation_after_a_cues_sentence_goes_on_with_its_speaker(
    text: str, speaker: str, quote: str
) -> None:
    r = run(text)
    cont = [a for a in r.attributions if a.kind == "continuation"]
    assert [(a.speaker, span(text, a)[1]) for a in cont] == [(speaker, quote)]
    q = next(q for q in r.quotes if q.text == quote)
    assert q.kind == "direct"


@pytest.mark.parametrize(
    "text",
    [
        # the second quotation has a cue of its own
        "“The plan works,” Ruiz said. “The plan fails,” Lopez said.",
        # a scare quote or a title inside a sentence goes on with no one
        "“We will win,” Ruiz said. Her rivals call the plan a “fantasy” and worse.",
        "“We will win,” Ruiz said. “Meet the Press” aired the interview.",
        # the sentence before has no relation
        "The council met on Monday. “The budget is closed.”",
        # a quotation that does not open its sentence
        "“We will win,” Ruiz said. Then she shouted “never again” at the crowd.",
        # an abbreviation inside the sentence, and a quotation that opens with no capital
        "“We will win,” Ruiz told Mr. “Big” Jones.",
        "“We will win,” Ruiz said in Salem, Ore. “never again,” her rivals replied.",
    ],
)
def test_a_quotation_inside_a_paragraph_continues_only_a_cue_right_before(text: str) -> None:
    assert [a for a in run(text).attributions if a.kind == "continuation"] == []


def test_a_singular_pronoun_does_not_stand_for_a_plural_group() -> None:
    text = (
        "President Donald Trump spoke at the base. White House officials said the money would "
        "be moved. “It didn’t sound too important to me,” he said."
    )
    assert by_cue(run(text), "said").speaker == "White House officials"
    assert run(text).attributions[-1].speaker == "Donald Trump"  # was "White House officials"
    # nor for what a relative pronoun stands for, even typed as a person; the antecedent of
    # "who" is the object of the verb before it
    text = (
        "President Trump met the half-dozen Republican senators, who said the plan was fine. "
        "“It didn’t sound too important to me,” he said."
    )
    relations = run(text).attributions
    assert [a.speaker for a in relations] == ["the half-dozen Republican senators", "Trump"]
    # a surname in -s is a person's name, not a plural
    text = "Bernie Sanders spoke first. “We will win,” he said."
    assert by_cue(run(text), "said").speaker == "Bernie Sanders"
    # one unnamed official still stays unnamed
    text = "A senior official said the talks failed. He added that they would resume."
    assert by_cue(run(text), "added").speaker == "A senior official"


def test_an_opening_participle_is_not_the_subject_of_a_later_participle() -> None:
    text = (
        "Reacting to the firing, the president tweeted that it was final, while asking "
        "whether the case would be dropped."
    )
    assert span(text, by_cue(run(text), "asking"))[0] == "the president"  # was "Reacting"
    # a surname in -ing is a subject
    text = "Sterling said the plan had failed, and added that it was over."
    assert span(text, by_cue(run(text), "added"))[0] == "Sterling"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a town before its state is a place: "Green Bay, Wis." is not who "he" is
        ("Senator Ron Johnson spoke at the rally. The crowd in Green Bay, Wis., cheered. "
         "He said the race was close.", "Ron Johnson"),
        # but a person before a state in an appositive stays one
        ("Mike Pence, Indiana governor, spoke. He said it was fine.", "Mike Pence"),
        # "a West Virginia Democrat" describes, it does not name
        ("Joe Manchin, West Virginia Democrat, spoke. He said it was fine.", "Joe Manchin"),
        # a demonym before a place, and a law, are no one's name
        ("Ana Ruiz thanked the crowd. The dinner was held on the Mexican Riviera. "
         "“We will rebuild the pier,” she said.", "Ana Ruiz"),
        ("Ana Ruiz defended the Affordable Care Act. “It saved lives,” she said.", "Ana Ruiz"),
        ("Ana Ruiz toured the pier. Crowds gathered in Central Park and on Broad Street. “It "
         "saved lives,” she said.", "Ana Ruiz"),
        ("Ana Ruiz flew over the Aral Sea and visited the Roman Catholic Church. “It is "
         "grave,” she said.", "Ana Ruiz"),
        # a people is no person: "African Americans" (but "David French" is one)
        ("Ana Ruiz spoke to African Americans in the hall. “We listened,” she said.", "Ana Ruiz"),
        ("Ana Ruiz left early. David French spoke next. “We listened,” he said.", "David French"),
        # places that open with a word for where they lie, or are on the list of places
        ("Ana Ruiz sailed across Lake Erie to Palo Alto. “We listened,” she said.", "Ana Ruiz"),
        # ... but a demonym before an office and a name does not hide the name
        ("Mexican President Enrique Peña Nieto arrived late. “We will build the bridge,” he "
         "said.", "Enrique Peña Nieto"),
        # a clause opener before one capitalised word is no full name
        ("Ana Ruiz spoke first. While Lopez waited, the crowd sang. “We will win,” she said.",
         "Ana Ruiz"),
    ],
)  # fmt: skip
def test_places_and_party_descriptions_are_not_antecedents(text: str, speaker: str) -> None:
    assert by_cue(run(text), "said").speaker == speaker


def test_the_object_of_a_preposition_does_not_cite() -> None:
    text = (
        "By Sunday afternoon she had canceled a joint rally with Obama slated for Wednesday "
        "in Green Bay, Wis., citing the attack."
    )
    assert span(text, by_cue(run(text), "citing"))[0] == "she"  # was "Obama slated for …"
    # a subject before the comma still cites
    text = "Trump, citing the polls, said he would win."
    assert span(text, by_cue(run(text), "citing"))[0] == "Trump"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Texas Gov. Rick Perry spoke in Iowa. In a statement, the Texas governor said the "
         "plan was wrong.", "Rick Perry"),
        ("President Donald Trump spoke. The president said the wall would be built.",
         "Donald Trump"),
        # the holder whose title the role's words go with, not the nearest president
        ("Mexican President Enrique Peña Nieto met President Trump. The Mexican president "
         "said the wall was a mistake.", "Enrique Peña Nieto"),
        ("President Donald Trump and Vice President Mike Pence spoke. The vice president said "
         "it was fine.", "Mike Pence"),
        ("Attorney General Jeff Sessions spoke. The attorney general said the law was clear.",
         "Jeff Sessions"),
        ("Mayor Bill de Blasio spoke. The mayor said the city was safe.", "Bill de Blasio"),
        # a role whose words also name an organisation is still a role
        ("House Speaker Ana Ruiz spoke on Friday. “I don’t like that language,” the House "
         "speaker continued.", "Ana Ruiz"),
        # a title given by a surname: the full name the text introduced
        ("Donald Trump won. Later, President Trump met donors. The president said it went "
         "well.", "Donald Trump"),
    ],
)  # fmt: skip
def test_a_role_stands_for_the_name_its_title_introduced(text: str, speaker: str) -> None:
    a = run(text).attributions[-1]
    assert a.source is not None
    assert (a.source.type, a.speaker) == ("role", speaker)


@pytest.mark.parametrize(
    "text",
    [
        # no title before it, a possessive, an indefinite role, the other office's words
        "The governor said it was late.",
        "President Barack Obama spoke. Mexico's president said it was fine.",
        "President Ronald Reagan spoke. A president said long ago that it was hard.",
        "President Donald Trump spoke. The vice president said it was fine.",
        "Vice President Mike Pence spoke. The president said it was fine.",
    ],
)
def test_a_role_with_no_matching_title_stays_a_role(text: str) -> None:
    a = run(text).attributions[-1]
    assert a.source is not None
    assert a.speaker == a.source.text


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("Michael Bloomberg spoke. “I’m a New Yorker,” he said, “and New Yorkers know a con "
         "when we see one.”", "“and New Yorkers know a con when we see one.”"),
        ("“We will win,” said Ruiz, a lawyer for the city, “and we will appeal.”",
         "“and we will appeal.”"),
    ],
)  # fmt: skip
def test_a_quotation_split_by_its_cue_goes_on_with_its_speaker(text: str, second: str) -> None:
    first, cont = run(text).attributions
    assert (first.kind, cont.kind) == ("direct", "continuation")
    assert span(text, cont)[1] == second
    assert cont.speaker == first.speaker
    # the name inside the speaker's own quotation is not who "he" is
    assert first.speaker != "New Yorker"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation after its cue, then another relation's
        "Ruiz said, “We will win,” and Lopez said, “We will not.”",
        # a short quotation inside the cue's own paraphrase
        "“We will win,” Ruiz said, calling the ruling “unjust.”",
        # a sentence between
        "“We will win,” Ruiz said. Lopez, the mayor, was “not sure.”",
    ],
)
def test_a_later_quotation_in_the_sentence_is_no_split_quotation(text: str) -> None:
    assert [a for a in run(text).attributions if a.kind == "continuation"] == []


def test_a_quotation_opened_in_the_content_runs_to_its_close() -> None:
    text = (
        "Trump claimed that Clinton “lied many times. Flynn lied, and it ruined his life.” "
        "Then he left."
    )
    a = by_cue(run(text), "claimed")
    assert span(text, a)[1] == (
        "that Clinton “lied many times. Flynn lied, and it ruined his life.”"
    )
    assert a.kind == "mixed"


def test_names_with_an_inner_capital_are_read_whole() -> None:
    text = "Senator John McCain spoke first. “We will not yield,” he said."
    assert by_cue(run(text), "said").speaker == "John McCain"  # was "John Mc"


def test_pronouns_resolve_to_names_with_accented_letters() -> None:
    text = (
        "Mexican President Enrique Peña Nieto invited Trump. "
        "“It is an enormous political risk,” he said."
    )
    assert by_cue(run(text), "said").speaker == "Enrique Peña Nieto"  # was "Enrique Pe"


def test_short_quote_in_paraphrase_becomes_mixed() -> None:
    text = "The minister accused the protesters of having “hijacked” the march."
    r = run(text)
    assert by_cue(r, "accused").kind == "mixed"
    assert [q.kind for q in r.quotes] == ["mixed"]


def test_scare_quote_without_attribution_stays_scare() -> None:
    text = "The so-called “peace dividend” never arrived in the northern towns."
    r = run(text)
    assert r.attributions == ()
    assert [q.kind for q in r.quotes] == ["scare"]


@pytest.mark.parametrize(
    "text",
    [
        "The said property was sold at auction in March.",
        "All told, the storm destroyed 300 homes.",
        "The launch went according to plan on Friday.",
        "Insurance claims rose sharply after the floods.",
        "There are fears the dam may not hold.",
        "Her email address was printed on the leaflet.",
        "The United States sent aid to the flooded region.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert run(text).attributions == ()


def test_all_before_said_is_a_quantifier_not_the_idiom_all_told() -> None:
    # "all told" (in total) vetoes "told" only; "they all said" reports speech
    text = "Ruiz, Berg and Lopez all said that the tax was unfair."
    assert span(text, by_cue(run(text), "said")) == ("Berg and Lopez", "that the tax was unfair")
    assert run("The dead numbered forty, all told.").attributions == ()


@pytest.mark.parametrize(
    ("not_reporting", "reporting", "lemma"),
    [
        (
            "The new tariffs added to the deficit this year.",
            "The minister added that the tariffs would stay.",
            "add",
        ),
        (
            "The savings never added up to much.",
            "“We will not back down,” the mayor added.",
            "add",
        ),
        (
            "Ortiz won 40 pledged delegates in the state.",
            "Ortiz pledged that no school would close.",
            "pledge",
        ),
        (
            "Analysts at the Lisbon think tank published the figures.",
            "Most voters think the tax is unfair.",
            "think",
        ),
        (
            "The senator appeared on a morning show in Denver.",
            "The senator appeared to reject the plan.",
            "appear",
        ),
        (
            "The council found a way to keep the library open.",
            "The audit found that the library was overspent.",
            "find",
        ),
        (
            "The governor found himself isolated within the party.",
            "The inquiry found the governor had broken no rule.",
            "find",
        ),
        (
            "Britain and France, both nuclear powers, continue to set their own budgets.",
            "“The price of bread is the first thing people notice,” she continued.",
            "continue",
        ),
        (
            "Investigators recovered emails that were never archived.",
            "“The vote will go ahead on Monday,” Ortiz emailed.",
            "email",
        ),
        (
            "Lopez reported from Lida.",
            "The agency reported that the border was closed.",
            "report",
        ),
        (
            "The painting has not been seen since 1990.",
            "Many residents have seen the dam as a threat.",
            "see",
        ),
    ],
)
def test_card_rules_separate_reporting_from_other_senses(
    not_reporting: str, reporting: str, lemma: str
) -> None:
    # lexicons/cues.toml: add_up_to, pledged_delegates, think_tank, appear_at, found_oneself,
    # continue_to, email_that, reporting_from, seen_since
    assert lemma not in [a.cue.lemma for a in run(not_reporting).attributions]
    assert lemma in [a.cue.lemma for a in run(reporting).attributions]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # an -s form that is also a plural noun is a verb after its subject at a clause's end
        (
            "Cruz cannot advance in Texas politics without the party's support, O'Keefe notes.",
            "notes",
            "O'Keefe",
        ),
        # ... and before a quantifier or a number
        ("The poll shows both Ortiz and Lopez ahead of the mayor.", "shows", "The poll"),
        ("The latest poll shows 68% of voters oppose the tax.", "shows", "The latest poll"),
        # "view" needs no "that" clause
        ("Many voters view the nomination as a hostile takeover.", "view", "Many voters"),
        # the same words as verbs after their subjects
        (
            "Polls in the state he calls home show Ortiz ahead.",
            "show",
            "Polls in the state he calls home",
        ),
        ("The report states that the bridge is unsafe.", "states", "The report"),
        ("The audit found that the fund was short.", "found", "The audit"),
        ("“We will rebuild the pier,” Ortiz went on.", "went on", "Ortiz"),
        ("Ortiz went on to say that the pier would be rebuilt.", "went on", "Ortiz"),
    ],
)
def test_verb_uses_of_noun_like_cues(text: str, cue: str, source: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert text[a.source.start : a.source.end] == source


@pytest.mark.parametrize(
    "text",
    [
        "She kept her notes.",
        "Late-night talk shows.",
        "The museum holds two of his notes.",
        "The pair met in Bolton's view of the harbour.",
        # a noun that classifies "show", a number or adjective before "states", a thing's
        # noun before "called" and "helped found" (establish) are not reporting
        "The award show has been televised since 2006.",
        "The hosts of The Evening Show left early.",
        "The first four states that vote hold few delegates.",
        "Coastal states that have moved left hold few delegates.",
        "The fair served a special beer called Harbour Pale Ale.",
        # "go on" somewhere or into a state is not speaking on
        "On Sunday, Ortiz went on the offensive.",
        "Lopez went on national television and thanked the crews.",
        "Three mayors went on Twitter to applaud the decision.",
        # what someone did next, or something that lasts, is not speech going on
        "Ortiz went on to win the primary by ten points.",
        "The talks would go on for another week.",
        "The feud has been going on for years.",
        "As the day went on, the crowd grew.",
        # "telling" that means revealing, and "calls" that are a noun
        "The most telling promise of the campaign came late.",
        "The deal provides telling insight into the workings of the council.",
        "The mayor's repeated calls to close the pier went unanswered.",
        "Ms. Arnold, who helped found the coalition, stepped down.",
    ],
)
def test_noun_uses_of_noun_like_cues_are_not_cues(text: str) -> None:
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    "text",
    [
        "Economists favour a value-added tax on imports.",
        "The court-ordered release of the files began in June.",
        "A right-wing talk-show host was indicted last week.",
    ],
)
def test_a_part_of_a_hyphenated_compound_is_not_a_cue(text: str) -> None:
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor re-tweeted that the bridge would close.", "tweeted"),
        ("Ortiz, a self-described socialist, won the seat.", "described"),
    ],
)
def test_a_verbal_prefix_with_a_hyphen_keeps_the_cue(text: str, cue: str) -> None:
    assert [a.cue.text for a in run(text).attributions] == [cue]


def test_cues_inside_quotes_are_ignored() -> None:
    text = "“My father always said that the river would take the town one day,” Ruiz wrote."
    r = run(text)
    assert [a.cue.text for a in r.attributions] == ["wrote"]


def test_unbalanced_quote_lowers_confidence_without_crashing() -> None:
    text = "“We are not leaving until the wages are paid, the strike leader said.\n"
    r = run(text)
    assert r.quotes[0].balanced is False
    assert r.quotes[0].confidence < 1.0


def test_excluded_spans_produce_no_cues() -> None:
    from framing.types import Excluded

    text = "Photo: the minister said nothing. The minister said the plan was final."
    sentences = split_sentences(text)
    ex = (Excluded(0, 33, "caption", text[:33]),)
    r = extract_attributions(text, sentences, find_quotes(text), ex)
    assert [a.cue.start for a in r.attributions] == [text.rindex("said")]


def test_offsets_hold_for_every_span() -> None:
    text = (
        "“It is a disgrace,” Lopez said. She added that the vote was rigged, "
        "according to a statement posted online."
    )
    for a in run(text).attributions:
        assert text[a.cue.start : a.cue.end] == a.cue.text
        if a.source:
            assert text[a.source.start : a.source.end] == a.source.text


@pytest.mark.data
def test_seed_attributions(seed_text: str) -> None:
    r = run(seed_text)
    insisted = by_cue(r, "insisted")
    assert insisted.cue.stance == "distancing"
    assert insisted.source is not None
    assert insisted.source.text == "the Ukrainians"
    alleged = by_cue(r, "alleged")
    assert alleged.cue.stance == "distancing"
    assert alleged.source is not None
    assert alleged.source.text == "Lappo"
    assert alleged.speaker == "Anatoly Lappo"  # the surname stands for the name it followed
    added = by_cue(r, "added")
    assert added.cue.stance == "neutral"
    assert added.source is not None
    assert added.source.text == "they"
    assert added.speaker == "the Ukrainians"
    wrote = by_cue(r, "wrote")
    assert wrote.speaker == "Bridget Brink"
    cont = [a for a in r.attributions if a.kind == "continuation"]
    assert [c.speaker for c in cont] == ["Bridget Brink"]
    assert cont[0].content is not None
    assert seed_text[cont[0].content.start :].startswith("“Russia violated")
    acc = by_cue(r, "According to")
    assert acc.kind == "according_to"
    assert acc.source is not None
    assert acc.source.type == "organisation"
    assert acc.source.text == "Ukraine’s Ministry of Foreign Affairs"
    suggest = by_cue(r, "suggest")
    assert suggest.source is not None
    assert suggest.source.type == "unverified"
    kinds = {q.text: q.kind for q in r.quotes}
    assert kinds["“blown up”"] == "mixed"
    assert kinds["“special military operation”"] == "scare"
    assert kinds["‘Provocation’"] == "scare"


# ------------------------------------------------------------ noun uses and constructions


@pytest.mark.parametrize(
    "text",
    [
        "The court ruled on the right of states to set their own school calendars.",
        "The governor won in swing states by narrow margins last autumn.",
        "She hosts a radio show on Sunday mornings and a talk show on Fridays.",
        "They hired a firm called Northwind Analytics to run the phone bank.",
        "Hundreds of volunteers show up at the depot every weekend.",
    ],
)
def test_noun_and_participle_uses_are_not_cues(text: str) -> None:
    cues = [a.cue.text for a in run(text).attributions]
    assert cues == [], cues


def test_low_precision_verb_needs_a_complement() -> None:
    assert run("The mayor maintained the old bridge for a decade.").attributions == ()
    text = "The mayor maintained that the old bridge was safe for heavy lorries."
    a = by_cue(run(text), "maintained")
    assert a.cue.stance == "distancing"
    assert span(text, a)[0] == "The mayor"


def test_time_phrase_is_not_the_source() -> None:
    text = "The senator on Tuesday said the vote would be delayed until the spring."
    assert span(text, by_cue(run(text), "said"))[0] == "The senator"
    text = "The regional council said Friday that the vote would be delayed."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "The regional council"
    text = "Fox News’ Sean Hannity on Thursday night said the poll was wrong."
    assert span(text, by_cue(run(text), "said"))[0] == "Fox News’ Sean Hannity"


def test_participle_does_not_take_the_following_pronoun_as_source() -> None:
    text = "The minister left the hall early, saying he had a train to catch home."
    a = by_cue(run(text), "saying")
    assert a.source is None or a.source.text != "he"


def test_who_said_is_sourced_to_who_and_spoken_by_the_antecedent() -> None:
    # PolNeAR's convention: the relative pronoun is the source span; the speaker is its antecedent
    text = "Mr. Okafor, who said last week that the plant would close, now denies it."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.source.text, a.source.start) == ("who", text.index("who"))
    assert a.source.type == "person"
    assert a.speaker == "Okafor"  # the name, without the title


def test_which_reported_takes_the_organisation_as_speaker() -> None:
    text = "The ministry, which reported on Monday that exports had fallen, gave no figures."
    a = by_cue(run(text), "reported")
    assert a.source is not None
    assert a.source.text == "which"
    assert a.speaker == "The ministry"


def test_that_before_a_cue_is_not_a_relative_source() -> None:
    text = "The mayor insisted that officials said nothing about the closure."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.text == "officials"


def test_seem_and_appear_have_no_source() -> None:
    text = "The senator seemed to accept the new schedule without any complaint at all."
    a = by_cue(run(text), "seemed")
    assert a.source is None
    assert a.content is not None


def test_inverted_source_with_a_quantifier() -> None:
    text = "“We will keep the office open all winter,” said one local organiser."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "one local organiser"
    text = "“The vote was fair,” said former Gov. Ann Reyes of Nevada."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "former Gov. Ann Reyes of Nevada"
    text = "“The vote was fair,” said Ann Reyes Jr."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "Ann Reyes Jr."


def test_role_then_name_appositive_source() -> None:
    text = "“No decision was taken,” the council spokesman, Tomas Weil, said on Friday."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "the council spokesman, Tomas Weil,"
    text = "“It is over,” Diane Holm, a county clerk, said."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "Diane Holm, a county clerk,"


def test_dashed_appositive_source() -> None:
    text = "Maria Lopez — a nurse from Dayton — says she will vote early this year."
    a = by_cue(run(text), "says")
    assert span(text, a) == ("Maria Lopez — a nurse from Dayton —", "she will vote early this year")
    assert a.source is not None
    assert a.source.type == "person"


def test_a_single_dash_does_not_join_the_clause_before_it_to_the_source() -> None:
    text = "Prices rose again in March — Lopez says the rise will last until summer."
    a = by_cue(run(text), "says")
    assert span(text, a)[0] == "Lopez"
    text = "Prices rose again — and Lopez — a grocer — says the rise will last."
    a = by_cue(run(text), "says")
    assert span(text, a)[0] == "Lopez — a grocer —"


def test_participle_right_after_a_quoted_phrase_belongs_to_the_sentence_subject() -> None:
    # the quoted phrase is not what was said, and the words after the participle are not its
    # source: "… of “our values,” saying the city …"
    text = "The mayor delivered a defense of “our values,” saying the city would stay open."
    a = by_cue(run(text), "saying")
    assert a.kind == "indirect"
    assert span(text, a) == ("The mayor", "the city would stay open")


def test_participle_after_a_direct_quote_takes_the_previous_source() -> None:
    text = "“The roads are closed,” the governor said, adding, “Stay at home tonight.”"
    a = by_cue(run(text), "adding")
    assert span(text, a)[0] == "the governor"
    assert a.kind == "direct"


def test_dateline_and_adverbial_openers_are_not_sources() -> None:
    text = "WASHINGTON — Senator Ana Ruiz defended the bill on Monday, saying it would cut costs."
    a = by_cue(run(text), "saying")
    assert span(text, a)[0] != "WASHINGTON"
    text = "When the session ended, the board rejected the offer, saying it was too low."
    a = by_cue(run(text), "saying")
    assert a.source is None or a.source.text != "When"


def test_second_verb_of_a_sentence_takes_the_sentence_subject() -> None:
    text = "He called the plan reckless and said the council had ignored every warning."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "He"


def test_is_expected_is_a_sourceless_forecast() -> None:
    text = "The new terminal is expected to open before the summer holidays begin."
    a = by_cue(run(text), "expected")
    assert a.source is None
    assert a.content is not None


def test_colon_before_a_quotation_inside_a_paragraph() -> None:
    text = (
        'Ms. Lind said the goal was containment. Okafor: "The goal is to end the '
        'blockade, not to manage it."'
    )
    result = run(text)
    colon = [a for a in result.attributions if a.kind == "colon"]
    assert len(colon) == 1
    assert colon[0].source is not None
    assert colon[0].source.text == "Okafor"
    assert colon[0].content is not None
    assert text[colon[0].content.start] == '"'


@pytest.mark.parametrize(
    "text",
    [
        "Q: Do you expect the tunnel to reopen before the winter storms arrive?",
        "Breaking: Ferry Services Suspended Across the Northern Islands Tonight.",
        # a label before three words or fewer without quotation marks is a list item
        "Ortiz: Finish second.\n\nLopez: A closing surge.",
        "The ferry resumed service on Monday.\n\nTwitter: @harbourdesk.",
    ],
)
def test_interview_letters_and_kickers_are_not_colon_sources(text: str) -> None:
    assert [a for a in run(text).attributions if a.kind == "colon"] == []


def test_excluded_spans_give_no_colon_attribution() -> None:
    text = "The ferry resumed service on Monday.\n\nSurvey: Ferry Users Unhappy With Delays"
    sentences = split_sentences(text)
    quotes = find_quotes(text, sentences)
    plain = extract_attributions(text, sentences, quotes)
    assert [a.kind for a in plain.attributions] == ["colon"]
    start = text.index("Survey")
    excluded = (Excluded(start, len(text), "teaser", text[start:]),)
    result = extract_attributions(text, sentences, quotes, excluded)
    assert result.attributions == ()


def test_doubled_straight_marks_are_quotations() -> None:
    text = "''The harbour will stay open,'' said Mr. Lind, the port director."
    a = by_cue(run(text), "said")
    assert a.kind == "direct"
    assert span(text, a) == ("Mr. Lind, the port director", "''The harbour will stay open,''")


@pytest.mark.parametrize(
    ("subject", "source_type", "speaker"),
    [
        # a name after its office: the person, not the institution in the office's name
        ("Senate Majority Leader Mitch McConnell", "person", "Mitch McConnell"),
        ("White House press secretary Sean Spicer", "person", "Sean Spicer"),
        ("FBI Director James Comey", "person", "James Comey"),
        ("U.S. Secretary of State Mike Pompeo", "person", "Mike Pompeo"),
        # unnamed officials are anonymous, whatever office the capitalised words give them
        ("A State Department official", "anonymous", "A State Department official"),
        ("U.S. officials", "anonymous", "U.S. officials"),
        # a country or institution written as an acronym is not a person
        ("The U.S.", "organisation", "The U.S."),
        ("The UN", "organisation", "The UN"),
        # groups stay groups, also when the sentence start capitalises them
        ("Senate Democrats", "organisation", "Senate Democrats"),
        ("Prosecutors", "role", "Prosecutors"),
        ("Lawmakers", "role", "Lawmakers"),
        ("Republicans", "organisation", "Republicans"),
        ("Sanders", "person", "Sanders"),  # a surname that ends in -s is still a name
        ("The Justice Department", "organisation", "The Justice Department"),
        # a group named by a plural common noun is not a person, whatever names modify it
        ("Republican senators", "role", "Republican senators"),
        ("Several Trump allies", "role", "Several Trump allies"),
        ("Dana Ruiz and her lawyers", "role", "Dana Ruiz and her lawyers"),
        ("Dana Ruiz and Pavel Strom", "person", "Dana Ruiz and Pavel Strom"),
        # plural institutions, treaties and plans
        ("The Centers for Disease Control and Prevention", "organisation",
         "The Centers for Disease Control and Prevention"),
        ("The North American Free Trade Agreement", "document",
         "The North American Free Trade Agreement"),
        ("The Trump tax plan", "document", "The Trump tax plan"),
        # a titled name with where it is from, a party label, or after a possessive
        ("Senate Minority Leader Chuck Schumer of New York", "person", "Chuck Schumer"),
        ("Senate Minority leader Chuck Schumer (D-N.Y.)", "person", "Chuck Schumer"),
        ("Fox News’ Sean Hannity", "person", "Sean Hannity"),
        ("Sanders’ campaign field organizer Mason Baird", "person", "Mason Baird"),
        ("Obama’s Justice Department", "organisation", "Obama’s Justice Department"),
        # a newspaper's name ends in a word that also names a document
        ("The Washington Post", "organisation", "The Washington Post"),
        # a determiner or a state before a role word is no name
        ("One analyst", "role", "One analyst"),
        ("The Massachusetts senator", "role", "The Massachusetts senator"),
        ("The Joint Committee on Taxation", "organisation", "The Joint Committee on Taxation"),
        # part or a share of a group is typed as the group
        ("Most Republicans", "organisation", "Most Republicans"),
        ("Forty percent of voters", "role", "Forty percent of voters"),
        ("Most of the Democrats", "organisation", "Most of the Democrats"),
        # people of a country, without the article that makes them a side
        ("Americans", "role", "Americans"),
        ("The Ukrainians", "organisation", "The Ukrainians"),
        # "law" is not a document word: a law enforcement official, Robert Law
        ("A law enforcement official", "anonymous", "A law enforcement official"),
        ("Robert Law", "person", "Robert Law"),
    ],
)  # fmt: skip
def test_source_type_and_speaker_of_offices_acronyms_and_officials(
    subject: str, source_type: str, speaker: str
) -> None:
    a = by_cue(run(f"{subject} said the talks would resume next week."), "said")
    assert a.source is not None
    assert a.source.text == subject
    assert (a.source.type, a.speaker) == (source_type, speaker)


def test_appositive_source_is_typed_by_its_head() -> None:
    text = (
        "Anna Kovacs, chair of the Transport Committee, has accused the operator of "
        "hiding the accident figures."
    )
    a = by_cue(run(text), "accused")
    assert a.source is not None
    assert a.source.type == "person"


@pytest.mark.data
def test_seed_boilerplate_and_shared_subjects(seed_text: str) -> None:
    from framing.boilerplate import detect_boilerplate

    sentences = split_sentences(seed_text)
    excluded = detect_boilerplate(seed_text)
    poll = seed_text.index("Poll:")
    assert any(e.start <= poll < e.end for e in excluded)
    r = extract_attributions(seed_text, sentences, find_quotes(seed_text, sentences), excluded)
    assert all(not (poll <= a.cue.start < poll + 100) for a in r.attributions)
    # "…,” they added, warning that …": the participle shares the subject of "added"
    warning = by_cue(r, "warning")
    assert warning.source is not None
    assert warning.source.text == "they"
    assert warning.speaker == "the Ukrainians"
    accused = by_cue(r, "accused")  # the headline's "it accused Kyiv": it = Belarus
    assert accused.speaker == "Belarus"
    lappo = [a for a in r.attributions if a.source and a.source.text.startswith("Anatoly Lappo")]
    assert lappo
    assert lappo[0].source is not None
    assert lappo[0].source.type == "person"


@pytest.mark.data
def test_roles_of_a_relation_do_not_overlap_on_polnear_dev(data_dir: Path) -> None:
    # a source never lies inside its content, and a verb's cue never inside either; only an
    # adverb ("has reportedly been …") stands inside the clause it reports
    n = 0
    for art in read_polnear(require(data_dir, "polnear/dev")):
        for a in run(art.text).attributions:
            roles = {"cue": a.cue, "source": a.source, "content": a.content}
            if a.cue.lemma in {"reportedly", "allegedly"}:
                del roles["content"]
            spans = [(r, s.start, s.end) for r, s in roles.items() if s and s.end > s.start]
            for i, (r1, s1, e1) in enumerate(spans):
                for r2, s2, e2 in spans[i + 1 :]:
                    assert not (s1 < e2 and s2 < e1), (art.name, r1, r2, art.text[s1:e1])
            n += 1
    assert n > 1900  # every relation of the 84 articles was looked at


def test_unbalanced_quotation_lowers_confidence() -> None:
    closed = "The manager said: “The depot will close in June for good.”\n\nStaff were told."
    unclosed = "The manager said: “The depot will close in June for good.\n\nStaff were told."
    a = by_cue(run(closed), "said")
    b = by_cue(run(unclosed), "said")
    assert a.kind == "direct"
    assert b.confidence < a.confidence


def test_relative_clause_without_comma_and_leading_phrase() -> None:
    text = "It was the mayor who has repeatedly promised that the depot would stay open."
    a = by_cue(run(text), "promised")
    assert span(text, a)[0] == "who"
    assert a.speaker == "the mayor"
    text = "In a statement, Governor Lena Ortiz blasted the board and said the cuts were unfair."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "Governor Lena Ortiz"


# ------------------------------------------------------------------ window readers used for speed

_PIECES = st.sampled_from(
    ["said", "Mr.", "U.S.", "don’t", "it's", " ", "  ", "\n", ",", "”", "“", "—", "_", "x_y", "9"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.integers(0, 40), st.integers(0, 60))
def test_first_and_last_token_agree_with_the_full_tokenisation(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    toks = _tokens(text, start, end)
    first, last = _first_token(text, start, end), _last_token(text, start, end)
    assert first == (toks[0] if toks else None)
    assert last == (toks[-1] if toks else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.integers(0, 40), st.integers(0, 60))
def test_tokens_and_word_counts_agree_with_the_token_pattern(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    # the readers find each token again by its text; they must give the pattern's own spans,
    # also for a window that starts inside a word
    expected = [
        (m.start(), m.end(), m.group(), m.group().lower())
        for m in _WORD_TOKEN_RE.finditer(text, start, end)
    ]
    assert [t.astuple() for t in _tokens(text, start, end)] == expected
    n_words = sum(1 for _ in WORD_RE.finditer(text, start, end))
    for n in (1, 2, 3):
        assert _has_words(text, start, end, n) == (n_words >= n)


_SEPARATORS = st.text(alphabet=" \n:,“”-_.’'", min_size=0, max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(_SEPARATORS, st.sampled_from(["the", "The", "following", "Following", "x"])),
        max_size=5,
    ),
    _SEPARATORS,
    st.integers(1, 3),
)
def test_the_pattern_before_a_required_phrase_never_rejects_what_the_rule_accepts(
    words: list[tuple[str, str]], tail: str, window: int
) -> None:
    # the pattern is a quick test before the rule: where the rule is met, it matches
    from framing.attribution import _maybe_after, _Rule, _vetoed
    from framing.text import normalize

    rule = _Rule("require_following", frozenset({("the", "following")}), (2,), window, False,
                 frozenset({"following"}))  # fmt: skip
    text = "issued " + "".join(sep + word for sep, word in words) + tail  # a cue is a word
    if not _vetoed(text, 0, 6, [rule], 0, len(text)):
        assert _maybe_after(rule).match(normalize(text), 6) is not None


def test_has_words_fails_in_one_pass_over_a_long_word() -> None:
    text = "x" * 50_000 + " " + "-" * 50_000
    assert not _has_words(text, 0, len(text), 2)  # quadratic backtracking would take minutes
    assert _has_words(text, 0, len(text), 1)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Ana Ruiz", "Ben Ode", "the", "said", ". ", ", ", " ", "\n", "Senate Office", "He"]
        ),
        max_size=20,
    ),
    st.lists(st.integers(0, 200), max_size=6),
)
def test_names_found_on_demand_match_a_scan_of_the_whole_text(
    pieces: list[str], positions: list[int]
) -> None:
    text = "".join(pieces)
    lazy = _Mentions(text)
    whole = _Mentions(text)
    whole.last_before(len(text) + 1, 0)  # scans the whole text first
    for pos in positions:  # in any order: later and earlier positions
        pos = min(pos, len(text))
        assert lazy.last_before(pos, max(0, pos - 40)) == whole.last_before(pos, max(0, pos - 40))


@pytest.mark.parametrize(
    "text",
    [
        "The official spoke on condition of anonymity.",
        "TWO PEOPLE FAMILIAR WITH THE TALKS said so.",
        "She declined to be identified.",
        "He was not authorised to speak publicly.",
        "They spoke to reporters, speaking anonymously.",
        "an aide, who asked not to be named, said",
        "famılıar wıth the matter",  # IGNORECASE matches the dotless ı to i
    ],
)
def test_every_grant_of_anonymity_passes_the_quick_text_check(text: str) -> None:
    assert _ANONYMITY_RE.search(text) is not None
    assert _may_grant_anonymity(text)


def test_text_without_a_grant_of_anonymity_fails_the_quick_check() -> None:
    assert not _may_grant_anonymity("The minister said the budget would pass on Tuesday.")


def test_last_token_reads_punctuation_and_abbreviations() -> None:
    text = "“It is over,” said Sen. Smith of the U.S."
    last = _last_token(text, 0, text.index(" said"))
    assert last is not None
    assert last.text == "”"
    assert text[last.start : last.end] == "”"
    last = _last_token(text, 0, len(text))
    assert last is not None
    assert last.text == "U.S."
    assert last.low == "u.s."
    assert _last_token(text, 5, 5) is None
    assert _last_token("  \n ", 0, 4) is None


def test_source_type_cache_keeps_the_anonymity_of_each_sentence() -> None:
    # the same phrase is anonymous only in the sentence that grants anonymity
    text = (
        "The ambassador said the talks failed. "
        "The ambassador, speaking on condition of anonymity, said the talks failed."
    )
    types = [a.source.type for a in run(text).attributions if a.source]
    assert types == ["role", "anonymous"]


def test_belief_inside_reported_speech_is_not_a_relation_of_its_own() -> None:
    text = "The two officials said they believed the archive had been copied in March."
    cues = [a.cue.text for a in run(text).attributions]
    assert cues == ["said"]
    # reported speech inside reported speech is kept
    text = "Ms. Varga said the minister had told her that the vote would be delayed."
    cues = [a.cue.text for a in run(text).attributions]
    assert "said" in cues
    assert "had told" in cues
    # a belief verb with a subject of its own, outside any reported content, is still a relation
    text = "Most voters in the district believe that the new road will never be finished."
    assert [a.cue.text for a in run(text).attributions] == ["believe"]


def test_a_word_after_a_possessive_is_a_noun() -> None:
    text = "Editor’s note: the figures below were revised after publication on Friday."
    assert not run(text).attributions
    text = "The governor’s claim surprised the committee members on Monday evening."
    assert all(a.cue.text != "claim" for a in run(text).attributions)
    # a contracted pronoun is not a possessive
    text = "She’s said that the new depot will open in the spring of next year."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.text.startswith("She")


def test_showing_as_a_noun_is_not_a_cue() -> None:
    text = "After a strong showing in the county vote, the mayor left for the capital."
    assert all(a.cue.text != "showing" for a in run(text).attributions)
    text = "A new survey released on Monday, showing the mayor ahead by four points, was discussed."
    assert by_cue(run(text), "showing").content is not None


def test_find_and_reporting_need_a_clause() -> None:
    text = "The two parties hope to find a compromise on the budget before the summer."
    assert all(a.cue.text != "find" for a in run(text).attributions)
    text = "The count continued with 90 percent of precincts reporting late on Tuesday."
    assert all(a.cue.text != "reporting" for a in run(text).attributions)
    text = "Two researchers find that rents rose faster than wages in the last year."
    assert by_cue(run(text), "find").source is not None


def test_party_label_in_parentheses_stays_with_the_source() -> None:
    text = "Sen. Mara Quist (D-Ore.) said the bill would pass before the end of the month."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "Sen. Mara Quist (D-Ore.)"
    assert a.source is not None
    assert a.source.type == "person"


def test_inverted_subject_must_end_its_clause() -> None:
    # the phrase after the cue is the subject of the content, not an inverted source
    text = "Lena Ortiz, 34, a nurse from the suburbs, said the election would change little."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] != "the election"
    assert a.source is not None
    assert a.source.text.startswith("Lena Ortiz")
    # an inverted subject followed by a time phrase or the sentence end is kept
    text = "The count was far too slow, said the county clerk on Tuesday."
    assert span(text, by_cue(run(text), "said"))[0] == "the county clerk"


def test_passive_with_an_agent_takes_the_agent_as_source() -> None:
    text = "The plan to close the depot was first reported by the Valley Courier on Monday."
    a = by_cue(run(text), "reported")
    assert span(text, a)[0] == "the Valley Courier"
    # a passive with no agent is a cue with no source: its subject is what was reported
    text = "The plan to close the depot was reported on Monday after a long meeting."
    assert by_cue(run(text), "reported").source is None


def test_time_phrase_opening_a_sentence_is_not_its_subject() -> None:
    text = "Sunday morning, Ms. Dorn rejected the offer and said the talks were over."
    a = by_cue(run(text), "said")
    assert span(text, a)[0] == "Ms. Dorn"


def test_cue_provenance_is_read_from_the_card_as_the_compiled_lexicon_reports_it() -> None:
    # the run key of incremental runs holds it: reading it without compiling must not change it
    assert cue_provenance() == cue_lexicon().provenance()
    assert cue_provenance()[0]["name"] == "cues"
    assert len(cue_provenance()[0]["hash"]) == 12


def test_pronoun_after_the_cue_opens_the_content() -> None:
    text = "Rosa Lind, 63, a retired teacher from Leeds, said she wanted a change of government."
    a = by_cue(run(text), "said")
    assert span(text, a) == (
        "Rosa Lind, 63, a retired teacher from Leeds,",
        "she wanted a change of government",
    )
    # an inverted pronoun that ends its clause is still the source
    text = "“We will win the county,” said she."
    assert span(text, by_cue(run(text), "said"))[0] == "she"


def test_long_appositives_reach_back_to_their_head() -> None:
    text = (
        "Paul Enders, a farmer who voted for the governor twice and for the senator once,"
        " said that the new tariff would ruin him."
    )
    assert span(text, by_cue(run(text), "said"))[0] == (
        "Paul Enders, a farmer who voted for the governor twice and for the senator once,"
    )
    # a head with a name inside it, and a dashed appositive with commas inside it
    text = "81-year-old Ada Moss, a retired nurse, said the clinic had closed."
    assert span(text, by_cue(run(text), "said"))[0] == "81-year-old Ada Moss, a retired nurse,"
    text = "Many speakers — including farmers, nurses and teachers — said the plan was unfair."
    assert span(text, by_cue(run(text), "said"))[0] == (
        "Many speakers — including farmers, nurses and teachers —"
    )


def test_an_appositive_needs_a_named_head() -> None:
    text = "After the vote in the chamber, as expected, said nothing about the budget."
    a = by_cue(run(text), "said")
    assert a.source is None or a.source.text != "After the vote in the chamber, as expected"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # the role has an appositive of its own: the window back from the cue stops at its comma
        (
            "Dana Whitfield, director of the Harbor Policy Institute, a research group funded by"
            " port operators, said the dredging had been rushed.",
            "Dana Whitfield, director of the Harbor Policy Institute, a research group funded by"
            " port operators,",
            "Dana Whitfield",
        ),
        # no comma closes the role
        (
            "Omar Pell, the communications director for the Harbor Authority said in a statement"
            " that the audit was complete.",
            "Omar Pell, the communications director for the Harbor Authority",
            "Omar Pell",
        ),
        # after a phrase before the subject, and after "But"
        (
            "Last week, Rita J. Okafor, chair of the Dockworkers Alliance, a union of dock"
            " pilots, warned that a strike was near.",
            "Rita J. Okafor, chair of the Dockworkers Alliance, a union of dock pilots,",
            "Rita J. Okafor",
        ),
        (
            "But Tom Ashby, the president of Clean Rivers Now, a group that has sued the port,"
            " said the permit was illegal.",
            "Tom Ashby, the president of Clean Rivers Now, a group that has sued the port,",
            "Tom Ashby",
        ),
    ],
)
def test_a_name_before_a_role_with_its_own_appositive_is_the_source(
    text: str, source: str, speaker: str
) -> None:
    a = by_cue(run(text), "warned" if "warned" in text else "said")
    assert span(text, a)[0] == source
    assert a.speaker == speaker
    assert a.source is not None
    assert a.source.type == "person"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the subject of what the source said, set off before a parenthetical "officials said"
        ("Mr. Hale, officials said, had been warned twice.", "said", "officials"),
        ("Governor Ames, a senior aide said, “is not going anywhere.”", "said", "a senior aide"),
        # an adverb or a phrase before the subject is no name
        ("Significantly, the judge said the fine would stand.", "said", "the judge"),
        ("In Port Alder, a fisherman said the catch had halved.", "said", "a fisherman"),
        # "which" follows the organisation, not the person who leads it
        (
            "Lena Marsh, the head of the Tenants Union, which endorsed the plan, said it was fair.",
            "endorsed",
            "which",
        ),
    ],
)
def test_no_name_is_taken_before_a_role_that_is_not_its_appositive(
    text: str, cue: str, source: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a)[0] == source
    if cue == "endorsed":
        assert a.speaker != "Lena Marsh"


def test_content_before_an_inverted_source_stops_at_the_cue() -> None:
    text = "After the vote, the council approved the budget, said the clerk."
    a = by_cue(run(text), "said")
    assert span(text, a) == ("the clerk", "After the vote, the council approved the budget")


def test_infinitive_cue_takes_the_subject_of_its_clause() -> None:
    text = "The county board continues to tell residents that the bridge is safe."
    a = by_cue(run(text), "tell")
    assert a.source is not None
    assert a.source.text.startswith("The county")
    # an object before "to" is the one asked to speak: the sentence's subject is not the source
    text = "The mayor paid them to say that the vote had been fair."
    a = by_cue(run(text), "say")
    assert a.source is None


_SPEECH = st.sampled_from(
    [
        *("said", "says", "told", "according to", "he", "the mayor"),
        *(" ", " ", ", ", ".", "\n", "“", "”", "é", "٣", "_", "—"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPEECH, max_size=30), st.integers(0, 400), st.integers(0, 400))
def test_window_tokens_are_the_token_pattern_matches(pieces: list[str], a: int, b: int) -> None:
    from framing.attribution import _WORD_TOKEN_RE, _tokens

    text = "".join(pieces) + " it's U.S.-made -- 3.5% don__t "
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [
        (m.start(), m.end(), m.group(), m.group().lower())
        for m in _WORD_TOKEN_RE.finditer(text, start, end)
    ]
    assert [t.astuple() for t in _tokens(text, start, end)] == expected


# the token pattern as first written, without the possessive runs
_PLAIN_TOKEN_RE = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?|--|[^\w\s]")
_WORDISH = st.sampled_from(
    [
        *("said", "Mr.", "U.S.", "it's", "don’t", "3.5", "x_y", "_", "é", "Ünal", "٣", "²", "ǅ"),
        *(" ", "\n", "\u00a0", "\u2009", ",", ".", "'", "’", "-", "--", "—", "“", "%"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=16), st.integers(0, 80), st.integers(0, 80))
def test_possessive_token_pattern_matches_the_plain_one(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    spans = [m.span() for m in _WORD_TOKEN_RE.finditer(text, start, end)]
    assert spans == [m.span() for m in _PLAIN_TOKEN_RE.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=16), st.integers(0, 80), st.integers(0, 80))
def test_last_token_of_letters_and_digits_is_the_last_token(
    pieces: list[str], a: int, b: int
) -> None:
    # _last_token takes a last chunk that is all letters and digits (str.isalnum) as one token
    text = "".join(pieces)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    toks = _tokens(text, start, end)
    assert _last_token(text, start, end) == (toks[-1] if toks else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDISH, max_size=16), st.integers(0, 80), st.integers(0, 80))
def test_tokens_read_back_one_by_one_are_the_window_tokens(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(pieces) + " has also quietly said"
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    toks = _tokens(text, start, end)
    for i, tok in enumerate(toks):
        assert _token_before(text, start, tok) == (toks[i - 1] if i else None)
    i = len(toks) - 1
    while i >= 0 and (toks[i].low in _AUX or toks[i].low.endswith("ly")):
        i -= 1
    assert _before_auxiliaries(text, start, end) == (toks[i] if i >= 0 else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPEECH, max_size=30))
def test_cue_scan_outside_quotations_matches_the_full_scan(pieces: list[str]) -> None:
    from framing.attribution import _cue_matcher, _inside
    from framing.text import normalize

    text = "".join(pieces)
    norm = normalize(text)
    regions = [
        (q.inner_start, q.inner_end)
        for q in find_quotes(text, split_sentences(text))
        if q.inner_start < q.inner_end
    ]
    matcher = _cue_matcher()
    expected = [sp for sp in matcher.spans(norm) if not _inside(sp[0], regions)]
    assert matcher.spans_outside(norm, regions) == expected
    # a card whose forms cannot share the scan (a form starting with punctuation) filters
    unscanned = dataclasses.replace(matcher, scan=None)
    assert unscanned.spans_outside(norm, regions) == expected


def test_cue_words_inside_a_long_quotation_are_not_cues() -> None:
    text = "“I said it before and I told them again: we will win,” the mayor said on Friday."
    cues = [a.cue.text for a in run(text).attributions]
    assert cues == ["said"]
    assert run(text).attributions[0].cue.start == text.rindex("said")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Senate Majority Leader Mitch McConnell issued a statement saying that the Senate "
            "should wait.",
            "Senate Majority Leader Mitch McConnell",
        ),
        ("She also sent a tweet saying the race was over.", "She"),
        (
            "Chris Carr, the committee’s director, released a statement confirming it will run.",
            "Chris Carr, the committee’s director,",
        ),
    ],
)
def test_a_participle_after_a_verb_and_its_object_takes_the_verbs_subject(
    text: str, source: str
) -> None:
    a = next(a for a in run(text).attributions if a.cue.text.endswith("ing"))
    assert span(text, a)[0] == source


def test_a_noun_phrase_with_an_adjective_in_ed_holds_no_verb_and_object() -> None:
    from framing.attribution import _verb_and_object

    for phrase, verb in [
        ("issued a statement", "issued"),
        ("Mitch McConnell issued a statement", "issued"),
        ("The Cruz campaign sent a fundraising email", "sent"),
        ("retired general Anna Ruiz", None),
        ("the embattled senator", None),
        ("Concerned parents", None),
        ("emailed", None),
    ]:
        at = _verb_and_object(phrase, 0, len(phrase))
        assert (phrase[at:].split()[0] if at is not None else None) == verb, phrase


# Source rules, one case each: (text, cue, the source's text or None), named by the rule.
SOURCE_RULES = [
    pytest.param(
        "Ruiz and Berg said that the tax was unfair.",
        "said",
        "Ruiz and Berg",
        id="names joined by and 1",
    ),
    pytest.param(
        "She and her deputy argued that the tax was unfair.",
        "argued",
        "She and her deputy",
        id="names joined by and 2",
    ),
    pytest.param(
        "The Institute for Science and Security said that the plant was safe.",
        "said",
        "The Institute for Science and Security",
        id="names joined by and 3",
    ),
    pytest.param(
        # the words before "and" are a clause, not a name
        "The mayor visited Toledo and Ruiz said that the tax was unfair.",
        "said",
        "Ruiz",
        id="names joined by and 4",
    ),
    pytest.param(
        # the first window left of the cue would start inside "interior", at a token "or"
        "It rained. The city interior office's report issued earlier this month said that the "
        "pool was unsafe.",
        "said",
        "The city interior office's report issued earlier",
        id="left window starts at a word 1",
    ),
    pytest.param(
        "“It was the other office,” the clerk answered, referring to Jonas Berg, her deputy.",
        "referring to",
        "the clerk",
        id="phrasal participle takes the previous source 1",
    ),
    pytest.param(
        "The two governors both condemned the decision to close the depot.",
        "condemned",
        "The two governors",
        id="adverb or quantifier skipped 1",
    ),
    pytest.param(
        "Senator Ana Ruiz has always maintained that the tax was unfair.",
        "maintained",
        "Senator Ana Ruiz",
        id="adverb or quantifier skipped 2",
    ),
    pytest.param(
        "Senator Ana Ruiz has long opposed the tax on diesel.",
        "opposed",
        "Senator Ana Ruiz",
        id="adverb or quantifier skipped 3",
    ),
    pytest.param(
        "The singer waved at the senator before asking whether the bill would pass.",
        "asking",
        "The singer",
        id="participle after before/after 1",
    ),
    pytest.param(
        "After the vote, insiders in two states — Nevada and Ohio — said the race was open.",
        "said",
        "insiders in two states — Nevada and Ohio —",
        id="dashed appositive after a common noun 1",
    ),
    pytest.param(
        "Three legal scholars - Mr. Tribe, Ms. Epstein and Mr. Amar - agreed that it was legal.",
        "agreed",
        "Three legal scholars - Mr. Tribe, Ms. Epstein and Mr. Amar",
        id="spaced hyphen is a dash 1",
    ),
    pytest.param(
        "The well-known economist Ana Ruiz-Lopez argued that rates would fall.",
        "argued",
        "The well-known economist Ana Ruiz-Lopez",
        id="spaced hyphen is a dash 2",
    ),
    pytest.param(
        "When asked whom she supported, Ms. Sherry smiled and said, “I am still waiting.”",
        "said",
        "Ms. Sherry",
        id="subject after an opening adverbial clause 1",
    ),
    pytest.param(
        "Promising a closer look at the disaster, Bolton said the report was late.",
        "Promising",
        "Bolton",
        id="opening participle takes the main subject",
    ),
    pytest.param(
        "After saying he was nervous, the man asked about the wall.",
        "saying",
        "the man",
        id="opening participle after a preposition",
    ),
    pytest.param(
        "“They are busting it,” a source, who was not authorized to speak, told Fox News.",
        "told",
        "a source, who was not authorized to speak,",
        id="addressee of told is no inverted subject",
    ),
    pytest.param(
        "But has he called for changing the law?", "called", "he", id="no auxiliary first 1"
    ),
    pytest.param(
        "Why had he asserted that his father was innocent?",
        "asserted",
        "he",
        id="no auxiliary first 2",
    ),
    pytest.param(
        "Even Republicans who have praised his candidacy warned on Tuesday "
        "that the party would split.",
        "warned",
        "Republicans who have praised his candidacy",
        id="no auxiliary first 3",
    ),
    pytest.param(
        "This prompted the tabloid to do a cover saying “Do not leave.”",
        "saying",
        None,
        id="no auxiliary first 4",
    ),
    pytest.param(
        "The senators have argued that the tax is unfair.",
        "argued",
        "The senators",
        id="no auxiliary first 5",
    ),
    pytest.param(
        "Senator Marco Rubio can argue that the tax is unfair.",
        "can argue",
        "Senator Marco Rubio",
        id="modal or negation skipped 1",
    ),
    pytest.param(
        "Jolly, who was elected to Congress in 2014, doesn’t see the department as vital.",
        "see",
        "Jolly, who was elected to Congress in 2014,",
        id="modal or negation skipped 2",
    ),
    pytest.param(
        "The mayor cannot claim that the budget is balanced.",
        "claim",
        "The mayor",
        id="modal or negation skipped 3",
    ),
    pytest.param(
        "Voters don’t believe the figures.",
        "believe",
        "Voters",
        id="modal or negation skipped 4",
    ),
    pytest.param(
        "Senate Majority Leader Mitch McConnell is criticizing President Barack "
        "Obama as a weak commander.",
        "criticizing",
        "Senate Majority Leader Mitch McConnell",
        id="progressive after be 1",
    ),
    pytest.param(
        "Hillary Clinton is declaring that she is moving closer to the nomination.",
        "declaring",
        "Hillary Clinton",
        id="progressive after be 2",
    ),
    pytest.param(
        "Clinton has been criticizing Donald Trump for embracing debt.",
        "criticizing",
        "Clinton",
        id="progressive after be 3",
    ),
    pytest.param(
        "On the same day, Trump continued to portray immigrants as criminals.",
        "portray",
        "Trump",
        id="infinitive after aspect verb 1",
    ),
    pytest.param(
        "McConnell was quick to embrace the mogul after he won.",
        "embrace",
        "McConnell",
        id="infinitive after aspect verb 2",
    ),
    pytest.param(
        "He went on to endorse Ayotte at the rally.",
        "endorse",
        "He",
        id="infinitive after aspect verb 3",
    ),
    pytest.param(
        "Sanders was asked by host Bill Maher whether he would run.",
        "asked",
        "host Bill Maher",
        id="agent after by 1",
    ),
    pytest.param(
        "Obama will probably be remembered by historians as a champion.",
        "remembered",
        "historians",
        id="agent after by 2",
    ),
    pytest.param(
        "Both incidents were claimed by the so-called Islamic State on Monday.",
        "claimed",
        "the so-called Islamic State",
        id="agent after by 3",
    ),
    pytest.param(
        "“It is nonsense,” Mr. Trump said by telephone on Sunday.",
        "said",
        "Mr. Trump",
        id="agent after by 4",
    ),
    pytest.param(
        "Sullivan responded by explaining that the rules had changed.",
        "responded",
        "Sullivan",
        id="agent after by 5",
    ),
    pytest.param(
        "Democrats -- including Clinton -- quickly accused Trump of suggesting violence.",
        "accused",
        "Democrats -- including Clinton --",  # the closing dash is the source's (PolNeAR)
        id="double hyphen dash 1",
    ),
    pytest.param(
        "A former candidate -- John McCain, who lost the 2008 election -- said "
        "the president was wrong.",
        "said",
        "A former candidate -- John McCain, who lost the 2008 election --",
        id="double hyphen dash 2",
    ),
    pytest.param(
        "With a formal speech -- complete with teleprompter -- Trump told supporters he won.",
        "told",
        "Trump",
        id="double hyphen dash 3",
    ),
    pytest.param(
        "She has since said that she attended the wedding.",
        "said",
        "She",
        id="since, here, percentage 1",
    ),
    pytest.param(
        "Her campaign workers here said they had knocked on every door.",
        "said",
        "Her campaign workers",
        id="since, here, percentage 2",
    ),
    pytest.param(
        "On economic issues, 42% say they are liberal.",
        "say",
        "42%",
        id="since, here, percentage 3",
    ),
    pytest.param(
        "Sanders, a self-described democratic socialist, won the state.",
        "described",
        "self",
        id="self-described, there 1",
    ),
    pytest.param(
        "Polls there show the governor trailing by ten points.",
        "show",
        "Polls",
        id="self-described, there 2",
    ),
    pytest.param(
        "Sen. Ron Johnson (R-Wis.) kept asking her why the embassy was closed.",
        "asking",
        "Sen. Ron Johnson (R-Wis.)",
        id="verb taking a participle 1",
    ),
    pytest.param(
        "“Why now?” a reporter can be heard asking after the event.",
        "asking",
        "a reporter",
        id="verb taking a participle 2",
    ),
    pytest.param(
        "But he laid off 200 staffers and began talking about the convention.",
        "talking about",
        "he",
        id="verb taking a participle 3",
    ),
    pytest.param(
        "But some of his supporters remain wary of her, often citing trust as a factor.",
        "citing",
        "some of his supporters",
        id="quantifier subject 1",
    ),
    pytest.param(
        "Many voters stayed home, saying the race was decided.",
        "saying",
        "Many voters",
        id="quantifier subject 2",
    ),
    pytest.param(
        "Several Senate Republicans met on Monday, saying the hearing would go ahead.",
        "saying",
        "Several Senate Republicans",
        id="quantifier subject 3",
    ),
    pytest.param(
        "The lawyer backed the plan, saying she had not called for a vote.",
        "called",
        "she",
        id="no participle first 1",
    ),
    pytest.param(
        "She misjudged the president, having referred to him as a reformer.",
        "referred to",
        None,
        id="no participle first 2",
    ),
    pytest.param(
        "But hacking specialists say the most harmful emails are still hidden.",
        "say",
        "hacking specialists",
        id="no participle first 3",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source"), SOURCE_RULES)
def test_source_rules(text: str, cue: str, source: str | None) -> None:
    assert span(text, by_cue(run(text), cue))[0] == source


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Clinton came under fire when it was revealed in March that she had used a private "
            "server.",
            "revealed",
            "that she had used a private server",
        ),
        (
            "We are now being told that the baseline for growth is lower.",
            "told",
            "that the baseline for growth is lower",
        ),
    ],
)
def test_a_passive_without_its_agent_is_a_cue_with_no_source(
    text: str, cue: str, content: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a) == (None, content)


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "“We are in a balanced universe,” Braynard is quoted as saying. “We do not know.”",
            "Braynard",
            "direct",
        ),
        (
            "The minister was quoted as saying that the border would stay closed.",
            "The minister",
            "indirect",
        ),
    ],
)
def test_quoted_as_saying_is_one_cue_whose_speaker_is_the_subject(
    text: str, source: str, kind: str
) -> None:
    relations = run(text).attributions
    assert [a.cue.text for a in relations if a.cue.text] == ["saying"]
    assert (relations[0].source.text if relations[0].source else None, relations[0].kind) == (
        source,
        kind,
    )


def test_a_passive_whose_agent_follows_its_object_is_not_agentless() -> None:
    text = "The Ukrainians have been offered support by the U.S. ambassador in Kyiv, Bridget Brink."
    a = by_cue(run(text), "offered")
    # what was offered, without the agent who offered it (the seed article); the agent is the
    # office with where it is held and who holds it
    source = "the U.S. ambassador in Kyiv, Bridget Brink"
    assert (a.kind, *span(text, a), a.speaker) == ("indirect", source, "support", "Bridget Brink")
    # an office with a place and no name after it stays the office
    text = "The plan was rejected by the mayor in Springfield, which surprised many."
    assert span(text, by_cue(run(text), "rejected"))[0] == "the mayor"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # the passive's subject is what was reported, the agent who reported it
        ("The meeting was first reported by Politico.", "reported", "Politico", "The meeting"),
        ("These proposals have been applauded by Wall Street critics.", "applauded",
         "Wall Street critics", "These proposals"),
        # a clause after the agent holds what was asked
        ("Rubio was asked by moderator Gerard Baker whether taxes would rise.", "asked",
         "moderator Gerard Baker", "whether taxes would rise"),
    ],
)  # fmt: skip
def test_a_passive_with_its_agent_reports_its_subject_or_the_clause_after(
    text: str, cue: str, source: str, content: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a) == (source, content)


def test_an_opening_participle_reports_up_to_the_main_subject() -> None:
    text = "Noting that both men had battled the media, Schlafly said the race was over."
    a = by_cue(run(text), "Noting")
    assert span(text, a) == ("Schlafly", "that both men had battled the media")
    # a participle with no clause of its own reports nothing: the main clause is "said"'s
    text = "Lashing out, Trump said the judge’s mind is shot."
    a = by_cue(run(text), "Lashing out")
    assert span(text, a) == ("Trump", None)
    assert span(text, by_cue(run(text), "said")) == ("Trump", "the judge’s mind is shot")


def test_a_source_never_holds_its_cue_or_lies_inside_its_quotation() -> None:
    text = (
        "Ross Eisenbrey of the Economic Policy Institute, an early voice in urging the "
        "administration to take up the issue, said it restores rights."
    )
    # "urging" is the appositive's: its source is the head, not the phrase that holds "urging"
    assert (
        span(text, by_cue(run(text), "urging"))[0]
        == "Ross Eisenbrey of the Economic Policy Institute"
    )
    # the main verb's source keeps the whole appositive, as PolNeAR marks it
    assert span(text, by_cue(run(text), "said"))[0] == (
        "Ross Eisenbrey of the Economic Policy Institute, an early voice in urging the "
        "administration to take up the issue,"
    )
    # the name inside the quotation is not who spoke it
    text = "“America is great! Trump is disgusting,” read one."
    for a in run(text).attributions:
        assert a.source is None or a.source.start >= a.content.end  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Barkley, who said he typically votes Democratic, said one candidate he likes is Kasich.",
         "said", "he typically votes Democratic"),
        ("Lloyd Grove, the Daily Beast editor who wrote the profile on Boyle, tweeted the praise.",
         "wrote", "the profile on Boyle"),
        ("Sanders, a senator and self-described democratic socialist, said the economy stagnates.",
         "described", "democratic socialist"),
    ],
)  # fmt: skip
def test_a_cue_inside_another_source_reports_no_further_than_that_source(
    text: str, cue: str, content: str
) -> None:
    first = by_cue(run(text), cue)
    assert span(text, first)[1] == content
    # the main verb keeps the whole appositive as its source and the rest as its content
    main = run(text).attributions[-1]
    assert main.source is not None
    assert main.source.end < main.content.start  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Trump said on Twitter: “Clinton is letting her husband campaign.”", "Trump"),
        ("Priebus later told Fox News: “Both men are meeting.”", "Priebus"),
        ("She says to Nevadans: “This one is for you.”", "She"),
    ],
)
def test_a_verb_before_a_colon_reports_the_quotation_once(text: str, source: str) -> None:
    relations = run(text).attributions
    assert len(relations) == 1  # no second relation for the label before the colon
    quote = text[text.index("“") :]
    assert (relations[0].kind, *span(text, relations[0])) == ("direct", source, quote)
    # a label alone still makes a colon relation
    text = "Lappo: “We are under pressure.”"
    assert [(a.kind, a.source.text if a.source else None) for a in run(text).attributions] == [
        ("colon", "Lappo")
    ]


def test_an_adverb_cue_heads_no_verb_group() -> None:
    # PolNeAR marks "reportedly" alone: the auxiliary belongs to the clause it reports
    text = "The company has reportedly taken heat from a civil rights group."
    a = by_cue(run(text), "reportedly")
    assert (a.cue.text, a.source) == ("reportedly", None)
    assert span(text, a)[1] == "The company has reportedly taken heat from a civil rights group"
    # a verb keeps its auxiliaries
    assert by_cue(run("The company has denied the report."), "denied").cue.text == "has denied"


def test_an_infinitive_of_purpose_or_wish_is_not_a_cue() -> None:
    for text in (
        "Two reporters came to the studio to discuss the border.",
        "They wanted to criticize the plan but did not.",
    ):
        assert not [a for a in run(text).attributions if a.cue.text in {"discuss", "criticize"}]


def test_a_determiner_before_a_clause_mark_does_not_make_the_cue_a_noun() -> None:
    text = "“I have always trusted her,” said Ana Ruiz, a voter from Toledo."
    a = by_cue(run(text), "said")
    assert span(text, a) == ("Ana Ruiz, a voter from Toledo", "“I have always trusted her,”")
    # the comma is the clause mark whatever quotation marks follow it (here two apostrophes)
    text = "''I have always trusted her,'' said Ana Ruiz, a voter from Toledo."
    assert by_cue(run(text), "said").source.text == "Ana Ruiz, a voter from Toledo"
    # right after the determiner it is still the noun
    assert not run("The voters will have their say on Tuesday.").attributions


def test_a_clause_between_commas_is_not_an_appositive() -> None:
    text = (
        "Community leaders praised him for supporting them, and he sounded a rare note of "
        "humility, saying, “I am not sure I deserve it.”"
    )
    source = span(text, by_cue(run(text), "saying"))[0]
    assert source is not None
    assert "humility" not in source
    text = "Anatoly Lappo, chairman of the committee, has accused Kyiv of lying."
    source = span(text, by_cue(run(text), "accused"))[0]
    assert source == "Anatoly Lappo, chairman of the committee,"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The crowd cheered when Trump spotted a sign and asked that it be brought up.", "Trump"),
        ("Voters were restless as he spoke of his record and urged them to vote.", "he"),
        # not across a clause break inside the subordinate clause
        (
            "The crowd cheered when Trump — as he often does — waved and asked for quiet.",
            "The crowd",
        ),
    ],
)
def test_a_second_verb_inside_a_subordinate_clause_takes_its_subject(
    text: str, source: str
) -> None:
    cue = "asked" if "asked" in text else "urged"
    assert span(text, by_cue(run(text), cue))[0] == source


def test_transcript_labels_inside_a_quotation_of_several_paragraphs() -> None:
    text = (
        "Gov. Maria Okafor took questions on the ferry strike.\n\n"
        '"HOST: Will the ferries run on Monday?\n\n'
        '"OKAFOR: They will, and the crews will be paid for the days they lost.\n\n'
        '"(CROSSTALK.)"\n'
    )
    colon = [a for a in run(text).attributions if a.kind == "colon"]
    assert [span(text, a) for a in colon] == [
        ("HOST", "Will the ferries run on Monday?"),
        ("OKAFOR", "They will, and the crews will be paid for the days they lost"),
    ]
    # a label the text also writes in ordinary case is that person, by their full name
    assert (colon[1].source and colon[1].source.type, colon[1].speaker) == (
        "person",
        "Maria Okafor",
    )
    assert colon[0].speaker == "HOST"
    # the labelled paragraphs are not also a continuation of an earlier speaker
    assert not [a for a in run(text).attributions if a.kind == "continuation"]


def test_a_quoted_paragraph_opening_with_a_lower_case_phrase_and_colon_is_no_label() -> None:
    text = 'Okafor said the talks had failed.\n\n"Bottom line: the crews want their pay back."'
    assert [a for a in run(text).attributions if a.kind == "colon"] == []


def test_a_sentence_that_places_its_finding_in_a_poll() -> None:
    text = (
        "The race has tightened. In a CNN/ORC poll released Monday, 50 percent of "
        "respondents chose Clinton while 40 percent chose Trump."
    )
    a = by_cue(run(text), "In")
    assert (a.kind, a.cue.lemma, a.cue.stance) == ("according_to", "in", "neutral")
    assert span(text, a) == (
        "a CNN/ORC poll released Monday",
        "50 percent of respondents chose Clinton while 40 percent chose Trump",
    )
    assert a.source is not None
    assert a.source.type == "document"


@pytest.mark.parametrize(
    "text",
    [
        # a clause, not a noun phrase, before the comma
        "In a memo released as polls closed Tuesday, the campaign manager claimed a win.",
        "In eight of nine states where exit polls were conducted, turnout was up.",
        # no survey at all
        "In the fall of 2007, Clinton held a 24-point lead among black voters.",
        # a poll inside the sentence: too often the writer's own summary to attribute
        "Clinton leads Trump in national polls by three points.",
    ],
)
def test_in_without_a_poll_opening_the_sentence_is_no_cue(text: str) -> None:
    assert [a for a in run(text).attributions if a.cue.lemma == "in"] == []


def test_a_quotation_signed_with_a_dash_and_a_name() -> None:
    text = (
        "Readers told us what the debate meant to them.\n"
        "“He represents our greatest shame.” ― Sonya Herrera\n"
        "“I cannot believe a man with no credentials could get this far.”— Pamela Ruiz.\n"
    )
    found = [a for a in run(text).attributions if a.kind == "direct"]
    assert {a.cue.lemma for a in found} == {"—"}  # one lemma for every dash
    assert [(a.cue.text, *span(text, a), a.source and a.source.type) for a in found] == [
        ("―", "Sonya Herrera", "“He represents our greatest shame.”", "person"),
        (
            "—",
            "Pamela Ruiz",
            "“I cannot believe a man with no credentials could get this far.”",
            "person",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“He represents our greatest shame.” — and that was the mildest reply.",
        "“He represents our greatest shame.” — so wrote one reader, and many agreed.",
    ],
)
def test_a_dash_after_a_quotation_without_a_name_signs_nothing(text: str) -> None:
    assert [a for a in run(text).attributions if a.cue.text in "―—–"] == []


def test_a_signature_may_say_who_the_signer_is() -> None:
    text = (
        "Readers told us what the debate meant to them.\n"
        "“The harbour deserves better.” ― Tomas R. Lindqvist, Dayton\n"
        "“We love what the pier brought.” —Karl Brenner, chief executive of the agency\n"
    )
    found = [a for a in run(text).attributions if a.kind == "direct"]
    assert [(a.source and a.source.text, a.speaker) for a in found] == [
        ("Tomas R. Lindqvist, Dayton", "Tomas R. Lindqvist"),
        ("Karl Brenner, chief executive of the agency", "Karl Brenner"),
    ]


def test_a_signature_in_a_tokenised_text() -> None:
    # corpora distributed tokenised put spaces before stops and commas
    text = (
        "He was fined and banned for four months .\n"
        "“ Inspections are in progress . ” — The Harbour Authority Press Office\n"
        "“ It can be a fisherman from Dayton . ” —Karl Brenner , chief executive of the agency\n"
    )
    found = [a for a in run(text).attributions if a.kind == "direct"]
    assert [(a.speaker, a.source and a.source.type) for a in found] == [
        ("The Harbour Authority Press Office", "organisation"),
        ("Karl Brenner", "person"),
    ]


def test_a_short_signed_quotation_is_one_when_it_is_a_sentence() -> None:
    # a quotation of four words is a scare quote on its own; signed, and a sentence, it is
    # the signer's words, not a continuation of the speaker before it
    text = (
        "The council met the builders on Sunday, said Marco Rossi, a spokesman.\n"
        "“Inspections are in progress.” — The Harbour Authority Press Office\n"
    )
    a = by_cue(run(text), "—")
    assert (a.kind, *span(text, a)) == (
        "direct",
        "The Harbour Authority Press Office",
        "“Inspections are in progress.”",
    )
    assert [x.kind for x in run(text).attributions] == ["indirect", "direct"]


@pytest.mark.parametrize(
    "text",
    [
        # a title after a quotation mark is no sentence
        "The season opened this week.\n“The Apprentice” — NBC\n",
        # a one-word name before a comma is no signature: the words after it go on
        "The vote was close.\n“We will see what comes of it.” — Yes, she added later.\n",
    ],
)
def test_what_does_not_sign_a_quotation(text: str) -> None:
    assert [a for a in run(text).attributions if a.cue.text in "―—–"] == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Don’t believe the polls this early in the race.", "believe"),
        ("Do not imagine that the fight is over.", "not imagine"),
        ("Never say never in politics.", "say"),
        ("Please tell your friends about the new rules.", "tell"),
        ("And let's hope the pier stays open.", "hope"),
    ],
)
def test_an_imperative_has_no_source(text: str, cue: str) -> None:
    # each had its opening word as a person ("Don’t", "Do", "Never", "Please", "Let")
    a = by_cue(run(text), cue)
    assert (a.source, a.speaker) == (None, None)


def test_a_negation_after_a_subject_is_part_of_the_verb() -> None:
    text = "Voters don’t believe the polls, and Trump never said that he would win."
    assert [(a.cue.text, a.source and a.source.text) for a in run(text).attributions] == [
        ("don’t believe", "Voters"),
        ("never said", "Trump"),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # who "who" is the object of: the subject after it speaks
        (
            "Rossi’s refusal to disavow a man who most voters believe betrayed them drew fire.",
            "believe",
            "most voters",
        ),
        (
            "It was a harbour executive who police accused of pushing a guard into the water.",
            "accused of",
            "police",
        ),
    ],
)
def test_who_as_an_object_is_no_part_of_the_source(text: str, cue: str, source: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.text == source


def test_an_object_pronoun_is_no_source() -> None:
    # who wrote is not found, but it is not "me" (it had been)
    text = "Last week a former colleague of hers wrote to me saying that she was wrong."
    assert by_cue(run(text), "saying").source is None
    # "her" of "her family" is no source either (it had been, resolved to "He")
    text = "The pastor said her family asked for privacy."
    a = by_cue(run(text), "asked for")
    assert a.source is not None
    assert (a.source.text, a.source.type) == ("her family", "role")


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The mayor is weighing an order, said a city hall official familiar with the talks.",
         "said", "a city hall official familiar with the talks"),
        ("The deal is close, said one person close to the negotiations on Friday.", "said",
         "one person close to the negotiations"),
    ],
)  # fmt: skip
def test_an_inverted_unnamed_source_keeps_how_it_knows(text: str, cue: str, source: str) -> None:
    # the source had been the sentence's subject, and the unnamed source the content
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, "anonymous")
    assert span(text, a)[1] == text.split(",")[0]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("There have been few calls for Ruiz to drop out.", "calls for",
         "Ruiz to drop out"),
        ("He does not make as many references to Ruiz as he did.", "references",
         "to Ruiz as he did"),
    ],
)  # fmt: skip
def test_a_plural_before_a_cue_in_s_counts_a_noun(text: str, cue: str, content: str) -> None:
    # a verb in -s never agrees with a plural before it: "few", "many" are no source
    a = by_cue(run(text), cue)
    assert (a.source, span(text, a)[1]) == (None, content)


def test_a_plural_subject_of_a_base_form_is_a_source() -> None:
    a = by_cue(run("Many say he lied, and several reports suggest he left."), "suggest")
    assert a.source is not None
    assert a.source.text == "several reports"
    a = by_cue(run("Many say he lied."), "say")
    assert a.source is not None
    assert a.source.text == "Many"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # after "her", say and tell are verbs: "her" is the object of what comes before
        ("Those close to her said the pier would close.", "said", "Those close to her"),
        ("The diplomat who spoke with her told reporters the pier would close.", "told",
         "The diplomat who spoke with her"),
    ],
)  # fmt: skip
def test_say_and_tell_after_her(text: str, cue: str, source: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    "text",
    [
        "She finally had her say at the meeting.",  # the noun: a turn to speak
        "His remarks were long, and her claims were longer.",
        "The said property was sold.",
    ],
)
def test_say_after_a_determiner_is_a_noun(text: str) -> None:
    assert [a.cue.text for a in run(text).attributions] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # where the subject spoke stands between it and its verb (it had been part of the source)
        ("Coastal Governor Ana Ruiz in a news conference Wednesday said the state is fine.",
         "Coastal Governor Ana Ruiz"),
        # (the source had been "Fox")
        ("Sen. Marco Rossi in an interview on Harbour TV said he would run.", "Sen. Marco Rossi"),
        ("Rossi during a rally in Dayton on Tuesday said he would win.", "Rossi"),
        ("The senator at the hearing said he was happy.", "The senator"),
        # after another word the phrase is part of the subject, and so is what is no occasion
        ("The woman at the rally said she was happy.", "The woman at the rally"),
        ("A man in a suit said he was happy.", "A man in a suit"),
    ],
)  # fmt: skip
def test_the_occasion_between_a_subject_and_its_verb(text: str, source: str) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.text == source


def test_an_occasion_after_a_verb_is_no_subject() -> None:
    text = (
        "Ana Ruiz spoke first. Mr. Rossi did not attack Mrs. Ruiz directly in his remarks on "
        "Tuesday night but argued that he would be a better mayor."
    )
    a = by_cue(run(text), "argued")
    assert a.speaker != "Ana Ruiz"
    assert a.source is None or "attack" not in a.source.text


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a noun in -ly is no adverb between a subject and its verb (there had been no source)
        ("The woman at the rally said she was happy.", "The woman at the rally"),
        ("His family said he was fine.", "His family"),
        # an adverb is
        ("The Ohio Republican would only say that he was fine.", "The Ohio Republican"),
    ],
)
def test_a_word_in_ly_between_subject_and_verb(text: str, source: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.text == source


def test_names_with_particles() -> None:
    text = (
        "Mayor Bill de Blasio spoke on Monday. It is a milestone, he gloats. Later, de Blasio "
        "said he was proud. Ursula von der Leyen arrived. She said it was fine."
    )
    assert [a.speaker for a in run(text).attributions] == [
        "Bill de Blasio",  # it had been "Bill"
        "Bill de Blasio",  # "Blasio"
        "Ursula von der Leyen",  # none
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a particle between capitalised words makes no person without a given name
        ("Donald Trump ate at a restaurant on Cinco de Mayo. “Happy birthday!,” he tweeted.",
         "Donald Trump"),
        ("Ana Ruiz saw the play Los Hijos de Ruiz. Ruiz writes that it is unfair.", "Ana Ruiz"),
    ],
)  # fmt: skip
def test_a_particle_alone_makes_no_name(text: str, speaker: str | None) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The province passed 300,000 confirmed cases of the virus on Wednesday.",
        "The state recorded 10,181 new confirmed cases.",
    ],
)
def test_a_participle_after_a_number_modifies_a_noun(text: str) -> None:
    assert [a.cue.text for a in run(text).attributions if a.cue.lemma == "confirm"] == []


def test_a_number_may_be_a_subject() -> None:
    a = by_cue(run("Of the senators asked, 12 agreed that the plan was over."), "agreed")
    assert a.source is not None
    assert a.source.text == "12"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # the subject the pronoun's clause depends on, named by surname (it had been the last
        # person named in full: Sergey Kislyak)
        ("Mark Dalen met Pavel Orlov. Prosecutors say that Dalen lied when he said he "
         "did not ask for anything.", "said", "Mark Dalen"),
        ("Ana Ruiz hired Harbour Data Systems. They asked whether Ruiz committed perjury "
         "when she testified before the council.", "testified", "Ana Ruiz"),
        # not an object ("set Biden off"), nor after a preposition ("with Weaver standing")
        ("Marco Rossi spoke. Harbour TV reporter Jonas Ekberg set Rossi off when he asked "
         "about his son.", "asked about", "Jonas Ekberg"),
        ("Karl Weber is his manager. “The party needs change,” Marco Rossi insisted, with "
         "Weber standing behind him as he urged the party to act.", "urged", "Marco Rossi"),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_conjunction_is_its_clause_heads(
    text: str, cue: str, speaker: str
) -> None:
    assert by_cue(run(text), cue).speaker == speaker


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # one of a kind is typed as "a" one (it had been the party, an organisation)
        ("One long-time party activist said the pier would close.", "role"),
        ("Another campaign staffer said the pier would close.", "anonymous"),
        ("One-time donors said the pier would close.", "role"),
        ("One’s own party said the pier would close.", "organisation"),
    ],
)
def test_one_of_a_kind_is_typed_as_a_one(text: str, source_type: str) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.type == source_type


@pytest.mark.parametrize("phrase", ["one-time", "Another-day", "one’s"])
def test_one_joined_to_the_next_word_is_typed(phrase: str) -> None:
    # two words for the word pattern, one for a split on spaces: typing it had raised
    # IndexError
    assert _phrase_type(phrase)[0] in {"unknown", "person"}


@pytest.mark.parametrize(
    "text",
    [
        # the noun: it is not surprising (each had been a cue, "Small" a person)
        "Small wonder that councils with budgets to defend are nervous.",
        "No wonder the people of the harbour are angry.",
        "Little wonder that he regards the pier as the only solution.",
        # a state of mind, not a threat anyone made
        "Councils with budgets to defend feel threatened by the audit.",
    ],
)
def test_nouns_and_adjectives_of_wonder_and_threaten(text: str) -> None:
    assert [a.cue.lemma for a in run(text).attributions] == []


def test_wonder_and_threaten_as_verbs() -> None:
    text = "I wonder whether it works, and Trump threatened to sue the paper."
    assert [a.cue.lemma for a in run(text).attributions] == ["wonder", "threaten"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a year is no one (it had been the source)
        (
            "A study of harbour budgets going back to 1972 showed the council spent more each "
            "year.",
            "showed",
        ),
        ("Whoever leaked the memo showing the costs was brave. He dismissed it.", "dismissed"),
    ],
)
def test_a_year_or_whoever_is_no_speaker(text: str, cue: str) -> None:
    a = by_cue(run(text), cue)
    assert a.speaker is None
    assert a.source is None or a.source.text[:1].isalpha()


@pytest.mark.parametrize(
    "text",
    [
        # churches and their bodies are organisations (each had been a person)
        "The Catholic Church said the pier would close.",
        "The Archdiocese of Dayton said the pier would close.",
        "The Harbour Methodist Church announced a plan to split.",
    ],
)
def test_a_church_is_an_organisation(text: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.type == "organisation"


def test_a_country_is_no_antecedent_for_he() -> None:
    text = (
        "Mr. Lind spoke about trade with the United States. He said the tariffs would "
        "stay in place."
    )
    assert by_cue(run(text), "said").speaker != "United States"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        ("Turnout fell, according to Mr. Lind.", "Mr. Lind", "Lind"),
        (
            "The court needs a third judge, according to the U.S. Judicial Conference.",
            "the U.S. Judicial Conference",
            None,
        ),
        # a period that ends the phrase still ends the source
        ("Turnout fell, according to Lind. Then it rose again.", "Lind", "Lind"),
    ],
)
def test_according_to_reads_past_the_period_of_an_abbreviation(
    text: str, source: str, speaker: str | None
) -> None:
    a = by_cue(run(text), "according to")
    assert span(text, a)[0] == source
    if speaker is not None:
        assert a.speaker == speaker


def test_labels_in_capitals_are_read_against_the_names_in_the_text() -> None:
    text = (
        "Fox News host Bret Hume asked Sen. Mitch McConnell about the vote.\n"
        "HUME: Will the bill pass?\n"
        "MCCONNELL: It will pass on Tuesday, with votes to spare.\n"
        "FOX NEWS: The interview was recorded on Monday afternoon.\n"
    )
    colon = {a.source.text: a for a in run(text).attributions if a.kind == "colon" and a.source}
    assert (colon["HUME"].speaker, colon["HUME"].source.type) == ("Bret Hume", "person")
    assert (colon["MCCONNELL"].speaker, colon["MCCONNELL"].source.type) == (
        "Mitch McConnell",
        "person",
    )
    assert colon["FOX NEWS"].source.type == "organisation"


def test_a_transcript_names_its_speaker_in_full_capitals_once_then_by_surname() -> None:
    # the text never writes "Tapper" in ordinary case: the full label with a given name first
    # is a speaker because its surname labels later turns, and names them
    text = (
        "Governor Mary Fallin spoke from Oklahoma City. Partial transcript as follows:\n"
        "JAKE TAPPER: Donald Trump released a video on Friday about racial healing.\n"
        "FALLIN: Well, I think the whole nation needs to work together on this.\n"
        "TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n"
    )
    colon = [a for a in run(text).attributions if a.kind == "colon" and a.source]
    assert [(a.source.text, a.source.type, a.speaker) for a in colon] == [
        ("JAKE TAPPER", "person", "Jake Tapper"),
        ("FALLIN", "person", "Mary Fallin"),
        ("TAPPER", "person", "Jake Tapper"),
    ]


def test_a_heading_in_capitals_with_a_name_is_no_speaker_without_later_turns() -> None:
    # a newsletter's section headed by whom it is about ("HARRY REID:"), no "REID:" turn after
    text = (
        "The Senate returns on Monday.\n"
        "HARRY REID: The majority leader said he would hold a vote on the bill next week.\n"
        "GEORGE W. BUSH: The former president will open his library in Dallas on Thursday.\n"
    )
    assert [a for a in run(text).attributions if a.kind == "colon"] == []


@pytest.mark.parametrize(
    "line",
    [
        "SMALL BUSINESS: Toyota is halting production at five of its plants.",
        "MEDIA HYPOCRISY ALERT: The network ran the same story twice this week.",
        "JUST IN: The court has ruled on the appeal of the ferry operators.",
        "ANALYSIS: What the ruling means for the ferry operators.",
    ],
)
def test_headings_in_capitals_are_not_speakers(line: str) -> None:
    text = "The ferry operators appealed in May.\n" + line
    assert [a for a in run(text).attributions if a.kind == "colon"] == []


def test_a_dash_and_a_name_after_a_quotation_inside_a_paragraph_sign_the_entry() -> None:
    # a live blog's entry ends with its reporter's name; the quotation is the governor's
    text = (
        "“We will reopen the ferries,” the governor said. “The crews are ready "
        "and so are we.” —Will Fenton\n"
    )
    assert [a for a in run(text).attributions if a.cue.text == "—"] == []


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # the head of the phrase, not the organisation after the preposition, says who speaks
        (
            "A spokesman for the Department of Defense said the talks were over.",
            "A spokesman for the Department of Defense",
            "anonymous",
        ),
        (
            "People familiar with the matter said the talks were over.",
            "People familiar with the matter",
            "anonymous",
        ),
        (
            "A source close to the campaign said the talks were over.",
            "A source close to the campaign",
            "anonymous",
        ),
        (
            "Two officials with knowledge of the talks said they were over.",
            "Two officials with knowledge of the talks",
            "anonymous",
        ),
        (
            "The talks were over, an official with the State Department said.",
            "an official with the State Department",
            "anonymous",
        ),
        ("The head of the agency said the plane was lost.", "The head of the agency", "role"),
        # a title before a name, and an organisation's name, keep their types
        (
            "Secretary of State John Kerry said the talks were over.",
            "Secretary of State John Kerry",
            "person",
        ),
        (
            "Former Secretary of State Madeleine Albright said the talks were over.",
            "Former Secretary of State Madeleine Albright",
            "person",
        ),
        ("The Bank of America said the talks were over.", "The Bank of America", "organisation"),
        # a name before the organisation it is of; an organisation named by its kind
        (
            "Nancy Berlinger of the Hastings Center said the talks were over.",
            "Nancy Berlinger of the Hastings Center",
            "person",
        ),
        ("The Civic Alliance said the talks were over.", "The Civic Alliance", "organisation"),
    ],
)
def test_a_source_phrase_is_typed_by_its_head_before_a_preposition(
    text: str, source: str, source_type: str
) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


@pytest.mark.parametrize(
    ("text", "source_type", "speaker"),
    [
        # a name in apposition to an unnamed head: that person speaks, by name
        ("The White House spokesman, Josh Earnest, said the talks were over.", "person",
         "Josh Earnest"),
        ("Her lawyer, Lisa Bloom, said the talks were over.", "person", "Lisa Bloom"),
        # no name in apposition: still unnamed
        ("A senior official, who asked not to be named, said the talks were over.",
         "anonymous", None),
        # a possessive before a noun is no pronoun, and no name when it opens the sentence
        ("Her lawyer said the talks were over.", "role", "Her lawyer"),
        ("Her campaign said the talks were over.", "organisation", "Her campaign"),
    ],
)  # fmt: skip
def test_appositive_names_and_possessive_heads(
    text: str, source_type: str, speaker: str | None
) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.type == source_type
    if speaker is not None:
        assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an agentless passive before a proposition: what unnamed others say, think or find
        ("It is believed that the talks failed.", "passive"),
        ("Dalen is said to be preparing a bid.", "passive"),
        ("He is widely seen as a rival to the mayor.", "passive"),
        ("The tool was found to have serious flaws.", "passive"),
        ("The truce is known to be fragile.", "passive"),
        # an agentless passive that reports an act or names: no one is being cited
        ("Lewandowski was dismissed on Monday.", "indirect"),
        ("David Dorn was found dead on the sidewalk.", "indirect"),
        ("The tweet was posted about 90 minutes before the hearing.", "indirect"),
        ("The judge is known as a moderate.", "indirect"),
        ("The attack was attributed to a rival gang.", "indirect"),
    ],
)
def test_only_a_passive_that_reports_a_proposition_is_hearsay(text: str, kind: str) -> None:
    result = run(text)
    (a,) = result.attributions
    assert (a.kind, a.source) == (kind, None)
    unverified = attribution_scores(result.attributions, 0, 9)["unverified_rate"]
    assert unverified == (1.0 if kind == "passive" else 0.0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The talks failed, it is believed.", "passive"),
        ("The talks failed, it was widely reported.", "passive"),
        # no parenthetical "it": an act
        ("The mayor was dismissed.", "indirect"),
    ],
)
def test_a_hearsay_passive_after_its_content(text: str, kind: str) -> None:
    kinds = {a.kind for a in run(text).attributions}
    assert kinds == {kind}


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # "she" skips the man who spoke last for the woman before him
        (
            "Hillary Clinton spoke first. Then Bernie Sanders answered. Later she said the "
            "plan would pass.",
            "said",
            "Hillary Clinton",
        ),
        # "he" skips a woman named by a title ("Mrs. Ruiz")
        (
            "Tom Berg met Mrs. Ruiz on Monday. He said the talks had failed.",
            "said",
            "Tom Berg",
        ),
        # a surname stands for the full name, and so for its gender
        (
            "Hillary Clinton and Bernie Sanders debated. Secretary Clinton spoke about trade. "
            "He said the deal was bad.",
            "said",
            "Bernie Sanders",
        ),
        # a role noun gives a gender too
        (
            "Mark Dunn spoke first. The spokeswoman said the ferry would run. Then she "
            "added that it was late.",
            "added",
            "The spokeswoman",
        ),
        # a name whose gender the list does not give matches either pronoun
        (
            "Kelly Ayotte spoke on Monday. She said the vote would be close.",
            "said",
            "Kelly Ayotte",
        ),
    ],
)
def test_he_and_she_resolve_to_a_person_of_that_gender(text: str, cue: str, speaker: str) -> None:
    assert by_cue(run(text), cue).speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A senior official said the talks had failed. He added that a new round was set.",
         "added"),
        ("Two officials said the talks had failed. They added that a new round was set.",
         "added"),
    ],
)  # fmt: skip
def test_a_pronoun_after_an_unnamed_source_stays_unnamed(text: str, cue: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.type == "anonymous"
    assert a.speaker is not None
    assert "official" in a.speaker


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # the writer's "I": no speaker (it used to take the last person named)
        ("Dana Ruiz said the race was close. When I asked Allison Ricci about it, she laughed.",
         "asked", None),
        ("Dana Ruiz said the lead was shrinking. I have argued for months that it would.",
         "argued", None),
        ("The ministry said the talks had failed. We should recall what it promised.", "recall",
         None),
        # inside a quotation "I" is the quoted speaker's
        ("Dana Ruiz took the stage. “I said no,” she recalled.", "said", "Dana Ruiz"),
        # a transcript's label gives its paragraph's speaker
        ("Wallace met Dana Ruiz on Sunday.\nRUIZ: We will win. I said the polls were wrong.\n",
         "said", "Dana Ruiz"),
    ],
)  # fmt: skip
def test_i_outside_a_quotation_is_the_writer(text: str, cue: str, speaker: str | None) -> None:
    assert by_cue(run(text), cue).speaker == speaker


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The texts were politically charged, and it was a highly charged debate.", []),
        ("The official was formally charged on Friday.", []),
        # the reporting verb keeps its stance, also after an adverb that is not on the list
        (
            "He has frequently charged that the networks are biased.",
            [("has frequently charged", "distancing")],
        ),
    ],
)
def test_charged_as_an_adjective_is_no_cue(text: str, cues: list[tuple[str, str]]) -> None:
    assert [(a.cue.text, a.cue.stance) for a in run(text).attributions] == cues


# ------------------------------------------------------------------------ nested relations


def test_a_belief_inside_reported_content_is_part_of_it_whichever_cue_comes_first() -> None:
    text = "Voters don’t believe the figures, the poll found."
    assert [a.cue.text for a in run(text).attributions] == ["found"]
    text = "Ruiz said that voters believe the figures."
    assert [a.cue.text for a in run(text).attributions] == ["said"]


def test_a_belief_inside_a_quotation_or_a_transcript_answer_is_the_speakers() -> None:
    text = "“I think so,” Ruiz told reporters."
    found = run(text).attributions
    assert [(a.cue.text, a.kind) for a in found] == [("told", "direct")]
    assert found[0].speaker == "Ruiz"
    text = "Wallace met Dana Ruiz on Sunday.\nRUIZ: We will win. I think the polls are wrong.\n"
    assert [a.cue.text for a in run(text).attributions] == [":"]


def test_reported_speech_inside_reported_content_stays_a_relation() -> None:
    # the claim is Brandt's, reported by Ruiz: a distancing cue of its own
    text = "Ruiz said that Brandt had claimed victory too early."
    found = {a.cue.text: a for a in run(text).attributions}
    assert set(found) == {"said", "had claimed"}
    assert found["had claimed"].cue.stance == "distancing"
    assert found["had claimed"].speaker == "Brandt"
    # a belief outside any content is a relation
    text = "Many voters believe the figures."
    assert [a.cue.text for a in run(text).attributions] == ["believe"]


# ---------------------------------------------------------------- who the speaker is named as


@pytest.mark.parametrize(
    ("text", "cue", "source", "speaker"),
    [
        # a wire dateline is not the subject of the first sentence
        ("MAREN, Feb 5 (CWS) - Veloria's President Anton Kessler on Monday postponed the "
         "elections, saying security did not allow a vote.", "saying",
         "Veloria's President Anton Kessler", "Anton Kessler"),
        ("WASHINGTON (Reuters) - The Pentagon said on Tuesday it would send more troops.",
         "said", "The Pentagon", "The Pentagon"),
        ("Headline\n\nBEIJING, Jan. 5 (Xinhua) -- Officials said the plant had closed.", "said",
         "Officials", "Officials"),
        # not a dateline: capitals inside a paragraph, or a name in ordinary case
        ("The talks ended. NATO officials said the alliance would respond.", "said",
         "NATO officials", "NATO officials"),
        # a source typed by its head is named by it
        ("The Civic Alliance, which Dalen leads, said the vote was rigged.", "said",
         "The Civic Alliance, which Dalen leads,", "The Civic Alliance"),
        ("A party official, who asked not to be named, said the vote was rigged.", "said",
         "A party official, who asked not to be named,", "A party official"),
        # a person's appositive still names the person, also with where they are from and
        # after a head that names an institution
        ("The White House spokesman, Josh Earnest, said the plan would work.", "said",
         "The White House spokesman, Josh Earnest,", "Josh Earnest"),
        ("The Senate Democratic leader, Chuck Schumer of New York, dismissed the claim.",
         "dismissed", "The Senate Democratic leader, Chuck Schumer of New York,", "Chuck Schumer"),
        ("The company, Acme Inc., said sales fell.", "said", "The company, Acme Inc.,",
         "The company"),
    ],
)  # fmt: skip
def test_speaker_names(text: str, cue: str, source: str, speaker: str) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a)[0] == source
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "source_type", "speaker"),
    [
        ("Nobody in Maren believes it will end before the vote.", "believes", "unknown", None),
        ("No one believes that.", "believes", "unknown", None),
        ("Everyone agrees the plan failed.", "agrees", "unknown", None),
        ("Someone familiar with the talks said they had stalled.", "said", "anonymous",
         "Someone familiar with the talks"),
    ],
)  # fmt: skip
def test_an_indefinite_pronoun_names_no_one(
    text: str, cue: str, source_type: str, speaker: str | None
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.type == source_type
    assert a.speaker == speaker


def test_a_name_set_off_after_a_role_names_its_speaker() -> None:
    # the source phrase stops at the comma before the name: a long relative clause follows it
    text = (
        "On Friday, the aide, Maria Lopez, 31, who has more than 14,000 followers on Twitter and"
        " at the time was a spokeswoman for a congressman from Ohio, wrote an open letter to the"
        " mayor, saying he should resign."
    )
    assert [a.speaker for a in run(text).attributions] == ["Maria Lopez", "Maria Lopez"]
    # capitalised words that open with no given name are not taken for one
    text = text.replace("Maria Lopez", "Harbor Watch")
    assert [a.speaker for a in run(text).attributions] == ["the aide", "the aide"]


def test_a_name_inside_the_speakers_own_phrase_does_not_take_his_pronoun() -> None:
    text = (
        "Jonas Ekberg, the Civic Alliance’s deputy leader, said the party would act. "
        "“We will win,” he said."
    )
    assert [a.speaker for a in run(text).attributions] == ["Jonas Ekberg", "Jonas Ekberg"]
    # a person named after the speaker's phrase is still the nearer antecedent
    text = "The ministry said the talks had failed. Dana Ruiz arrived late. “No,” she said."
    assert by_cue(run(text), "said").speaker == "The ministry"
    assert run(text).attributions[-1].speaker == "Dana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a sentence whose subject is a surname alone names the full name introduced before
        ("Mark Dunn and Paul Hale met in Salem. Hale left early. Dunn stayed for the vote."
         " “It went well,” he said.", "Mark Dunn"),
        ("Dana Ruiz and Mark Dunn met in Salem. Dunn left early. Ruiz stayed for the vote."
         " “It went well,” she said.", "Dana Ruiz"),
        # with a title, after "But", with a possessive
        ("Mark Dunn spoke first, then Paul Hale. But Mr. Dunn’s speech was longer."
         " “It went well,” he said.", "Mark Dunn"),
        # a gender that does not agree is passed over
        ("Mark Dunn and Maria Ruiz met in Salem. Ruiz stayed for the vote."
         " “It went well,” he said.", "Mark Dunn"),
        # a surname that is no sentence's subject is not taken: an object, a name after "Mr."
        ("Mark Dunn and Paul Hale met in Salem. Mark Dunn thanked Hale for coming."
         " “It went well,” he said.", "Mark Dunn"),
        ("Mark Dunn and Paul Hale met in Salem. Mark Dunn praised Mr. Hale warmly."
         " “It went well,” he said.", "Mark Dunn"),
        # nor a word that is no person's surname
        ("Mark Dunn visited the White House. House members cheered. “It went well,” he said.",
         "Mark Dunn"),
        # a surname after a phrase of time or circumstance is the subject too
        ("Mark Dunn met Senator Paul Hale on Monday. On the eve of the vote, Dunn eased his tone."
         " Asked about the vote, he said it was close.", "Mark Dunn"),
    ],
)  # fmt: skip
def test_a_surname_that_opens_a_sentence_takes_a_later_pronoun(text: str, speaker: str) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the subject of the sentence before goes on, not the last name in it
        ("Mark Dunn said praise from Senator Paul Hale would not sway him. He said the vote was"
         " close.", "Mark Dunn"),
        ("Dunn spoke on Monday. Mark Dunn thanked Paul Hale. And he said the vote was close.",
         "Mark Dunn"),
        # a possessive is not the subject, nor are two names, nor a name that is no person's
        ("Mark Dunn’s lawyer, Paul Hale, spoke first. He said the vote was close.", "Paul Hale"),
        ("Mark Dunn and Paul Hale met the mayor, Tom Reyes. He said the vote was close.",
         "Tom Reyes"),
        ("Clean Water Action was founded in 1972, said Mark Dunn, its director. He added that it"
         " had grown.", "Mark Dunn"),
        # a pronoun that does not open its sentence takes the last name, as before
        ("Mark Dunn said praise from Senator Paul Hale would not sway him. Later, he said the"
         " vote was close.", "Paul Hale"),
        # sentences that open with the same pronoun keep their subject: the second "he" is
        # whoever the first is
        ("Mark Dunn spoke first. He thanked Senator Paul Hale for his support. He said the vote"
         " was close.", "Mark Dunn"),
        ("Mark Dunn spoke first. He thanked Senator Paul Hale. And he praised the mayor. He said"
         " the vote was close.", "Mark Dunn"),
        # not across another pronoun: "she" is no "he"
        ("Mara Ruiz spoke first. She thanked Senator Paul Hale. He said the vote was close.",
         "Paul Hale"),
    ],
)  # fmt: skip
def test_a_pronoun_that_opens_a_sentence_takes_the_subject_before_it(
    text: str, speaker: str
) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a relation whose paraphrase opens before an earlier speaker's name is named after
        # it: "promises" (Ostrov's, its content after it) is not the last speaker before "he"
        ("Tomas Berg, an activist, joined the senator at rallies. Around 50 people would show up"
         " to each event, he said.\n\nSenator Daniel Ostrov electrified the crowds with"
         " impassioned speeches and promises to shake things up in the capital if elected, Berg"
         " said.\n\n“He was very articulate, smart, well-spoken,” he said.", "Tomas Berg"),
        # a speaker inside what an earlier pronoun's relation reports is someone it reports,
        # and no antecedent of it ("Social media" is the subject inside what she noted)
        ("Mara Ruiz studies rumours online. “People find each other,” Ruiz said.\n\nSocial"
         " media has added another link to the chain, she noted. Rumours now travel faster than"
         " corrections, she said.", "Mara Ruiz"),
    ],
)  # fmt: skip
def test_a_pronoun_takes_the_nearest_speaker_named_before_it(text: str, speaker: str) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mrs. Berg said the plan was fair.", "Anna Berg"),
        ("Mr. Berg said the plan was fair.", "David Berg"),
        # without a title the surname stays ambiguous
        ("Berg said the plan was fair.", "Berg"),
        # a pronoun after a titled subject takes the same full name
        ("The hall was full. Later, Mrs. Berg took the stage. She said the plan was fair.",
         "Anna Berg"),
        # a pronoun's gender picks among the full names of a surname that stands alone
        ("Later, Berg said the plan was fair. “It is,” she added.", "Anna Berg"),
        ("Later, Berg said the plan was fair. “It is,” he added.", "David Berg"),
    ],
)  # fmt: skip
def test_a_courtesy_title_picks_the_full_name_of_its_gender(sentence: str, speaker: str) -> None:
    text = f"David Berg and his wife, Anna Berg, spoke on Monday.\n\n{sentence}"
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a place with a possessive is no person
        ("Mara Ruiz spoke on Friday at a rally in Queens. Later, in New York's 24th House"
         " district, she praised the plan.", "Mara Ruiz"),
        # two people who spoke together are no "he"
        ("Tom Reyes spoke first. Paul Hale and Anna Berg said the plan was fair. “It is,” he"
         " added.", "Paul Hale"),
    ],
)  # fmt: skip
def test_places_and_pairs_are_no_antecedent_of_he_or_she(text: str, speaker: str) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "it" right before its verb is the document or body the sentence before is about
        ("The panel met on Thursday. The report found that the agency had erred. It said the"
         " rules were unclear.", "The report"),
        ("Voters read the mailer on Monday. “Vote early,” the mailer said. “It matters,” it"
         " added.", "the mailer"),
        # not an expletive "it" far from its verb
        ("The panel met on Thursday and discussed the report. It is hard to say whether anyone"
         " read it.", None),
        # nor what "it" has: "its statement" is the company's
        ("Acme Corp. sold the rifle online. The company wrote in its statement that the sale was"
         " legal. It added that it would act.", "The company"),
    ],
)  # fmt: skip
def test_it_names_the_document_or_body_named_before(text: str, speaker: str | None) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "they" right before its verb is the group of people a plural noun named, a sentence's
        # subject first
        ("The senators met the donors on Monday. “It is too costly,” they said.", "The senators"),
        ("The senators met on Monday. The fees rose sharply. They said it was too costly.",
         "The senators"),
        # not a plural that names no people ("fees"), nor a noun after a participle ("the
        # choice facing voters")
        ("The fees rose sharply on Monday. They said it was too costly.", None),
        ("The choice facing voters is stark. They said it was too costly.", None),
    ],
)  # fmt: skip
def test_they_names_the_group_of_people_named_before(text: str, speaker: str | None) -> None:
    assert run(text).attributions[-1].speaker == speaker


def test_a_headline_word_before_a_surname_is_no_given_name_of_a_gender() -> None:
    # "Understated" opens the headline's line: no person of the pronoun's gender
    text = (
        "Understated Berg raises his profile.\n\nAnna Berg spoke on Monday. Berg said the plan"
        " was fair. “It is,” he added."
    )
    assert by_cue(run(text), "added").speaker == "Berg"


@pytest.mark.parametrize(
    "text",
    [
        # a surname after a courtesy title, a clause's subject, is the latest person named
        "Mark Dunn and Paul Hale spoke on Monday. Mr. Hale left early. With the vote weeks away,"
        " Mr. Dunn is poised to win. He said the polls were good.",
        "Mark Dunn and Paul Hale spoke on Monday. Mr. Hale left early. In the evening, aides said"
        " Mr. Dunn was tired. He said the polls were good.",
        # not an object ("met with Mr. Hale")
        "Mark Dunn and Paul Hale spoke on Monday. Mr. Dunn left early. In the evening, aides met"
        " with Mr. Hale. He said the polls were good.",
        # nor a name in what the speaker before said in the same sentence
        "Mark Dunn and Paul Hale spoke on Monday. Mr. Dunn left early. In the evening, Mr. Dunn"
        " said, Mr. Hale was tired. “He was,” he said.",
    ],
)
def test_a_titled_surname_that_is_a_subject_is_a_pronouns_antecedent(text: str) -> None:
    assert run(text).attributions[-1].speaker == "Mark Dunn"


@pytest.mark.parametrize(
    "text",
    [
        "Mara Ruiz won the primary on Tuesday. Among Ruiz voters, turnout was high. “We know we"
        " have work to do,” she told a crowd.",
        "Rival candidates spoke at the rally. Besides Mara Ruiz, the mayor spoke. “We know we"
        " have work to do,” she told a crowd.",
    ],
)
def test_a_preposition_that_opens_a_sentence_is_no_part_of_a_name(text: str) -> None:
    assert by_cue(run(text), "told").speaker == "Mara Ruiz"


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Mark Dunn spoke. On the eve of the vote, Dunn eased his tone. Asked, he", "Mark Dunn"),
        ("Mark Dunn spoke. In an earlier debate, Dunn’s claim went unchallenged. He", "Mark Dunn"),
        ("Mark Dunn spoke. Since launching his bid, Mr. Dunn has toured. He", "Mark Dunn"),
        # an appositive after the phrase is no subject, nor is a name the phrase holds
        ("Mark Dunn met Paul Hale. On the topic of his rival, Mr. Hale, the host went on. He",
         None),
        ("Mark Dunn met Paul Hale. After meeting Hale, the host went on. He", None),
    ],
)  # fmt: skip
def test_a_subject_surname_may_follow_a_phrase_of_time_or_circumstance(
    text: str, full: str | None
) -> None:
    fulls = {"Dunn": "Mark Dunn", "Hale": "Paul Hale"}
    found = _Mentions(text).last_surname(0, len(text), lambda w, _p: fulls.get(w, w))
    assert (found[1] if found else None) == full


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a headline's capitals put no first name before a surname ("Ask Dunn")
        ("Voters Ask Dunn About Taxes\n\nMark Dunn spoke on Monday. Dunn said the plan was dead.",
         "Mark Dunn"),
        # but a given name there introduces the name
        ("Felipe Ortega Rejects Wall\n\nThe former president spoke on Monday. Ortega said the"
         " wall was stupid.", "Felipe Ortega"),
        # one name with and without its accents is one person, spelt as the text spells it
        ("Francois Lemaire Says No\n\nFrench minister François Lemaire spoke on Monday. Lemaire"
         " said the plan was dead.", "François Lemaire"),
        # a given name borne abroad (with its accent or without) and a two-part one
        ("Cécile Marchand and Tomas Berg met. Marchand stayed. “It went well,” she said.",
         "Cécile Marchand"),
        ("President Recep Tayyip Demir spoke on Monday. Demir said that the talks were over.",
         "Recep Tayyip Demir"),
    ],
)  # fmt: skip
def test_full_names_from_headlines_accents_and_names_abroad(text: str, speaker: str) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a title or a slogan in quotation marks names no one
        "Mark Dunn spoke at the fair. He sold prints titled “Great Lakes Forever” at the stall."
        " “They sell well,” he said.",
        "Mark Dunn spoke at the fair. The crowd held signs calling him “Mayor Money Bags.”"
        " “I laughed,” he said.",
        # nor does a person named inside someone else's quotation
        "Mark Dunn spoke at the fair. Voters there chanted “Paul Hanley, Paul Hanley!”"
        " He said he did not mind.",
    ],
)
def test_a_name_inside_a_quotation_does_not_take_a_pronoun_outside_it(text: str) -> None:
    assert run(text).attributions[-1].speaker == "Mark Dunn"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # a one-word name the text writes as a place is a country or city, not a surname
        ("Planes crossed from Orsk territory overnight. Orsk denied involvement.", "organisation"),
        ("The border with Kell is closed. Kell said it would reopen it.", "organisation"),
        # a surname stays a person, also before "border wall" or after "in"
        ("Trump’s border wall was debated. Voters had faith in Trump. Trump said it would rise.",
         "person"),
        # a word that names an organisation or a country is a surname where a person was
        # introduced by it, and stays what it names where none was
        ("Former President Vicente Lobo spoke. Fox News asked. “No,” Fox said.", "organisation"),
        ("Former President Vicente Fox spoke on Monday. Fox said the visit was a mistake.",
         "person"),
        ("Rep. Steve Israel spoke on Monday. Israel said the vote was a mistake.", "person"),
        # a plural noun for people is capitalised only where it opens the sentence
        ("The plant closed in May. Respondents said the rules were to blame.", "role"),
        ("The plant closed. Employers said the rules were to blame, as employers do.", "role"),
        ("The fund fell again. Allies said the allies of the mayor had sold.", "role"),
        # a surname with such an ending is capitalised inside sentences too
        ("The vote went to Ross Sanders. Sanders said the count was fair.", "person"),
        ("Voters met with Sanders on Friday. Sanders said the count was fair.", "person"),
        # a capital that stands for its government, unless a person was introduced by it
        ("Beijing said the talks had failed.", "organisation"),
        ("Downing Street said the talks had failed.", "organisation"),
        ("The analyst Maria Havana spoke. Havana said the talks had failed.", "person"),
        # two countries, bodies or parties named together are of their kind; two people too
        ("Iran and Turkey had warned against the vote.", "organisation"),
        ("Both Democrats and Republicans said the bill was flawed.", "organisation"),
        ("Ann Dalen and Ruth Morel said the bill was flawed.", "person"),
    ],
)  # fmt: skip
def test_a_one_word_place_or_plural_noun_is_not_a_person(text: str, source_type: str) -> None:
    a = run(text).attributions[-1]
    assert a.source is not None
    assert a.source.type == source_type


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # a one-word organisation of lexicons/organisations.txt is no surname
        ("Politico reported that the talks had failed.", "Politico", "organisation"),
        ("Facebook said it would remove the posts.", "Facebook", "organisation"),
        # a quantifier alone names no one; a plural group noun is a role
        ("Others say the plan will fail.", "Others", "unknown"),
        ("Authorities said the road would reopen.", "Authorities", "role"),
        # a surname stays a person
        ("Sanders said the plan would fail.", "Sanders", "person"),
    ],
)
def test_one_word_sources_are_typed_by_what_they_name(
    text: str, source: str, source_type: str
) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


@pytest.mark.parametrize(
    "text",
    [
        "That meeting was part of investor day, a ritual in which managers sit down with "
        "analysts and tell them why the stock will rise.",
        "Even with the latest obstacle, the candidate still has time to step up and show that "
        "he is worthy of the party.",
        "Just who can help broker this is a question Democrats are beginning to ask.",
        "There, the district chairman declined to name the delegates but said one was a supporter.",
        "There’s still time for Cruz to build bridges with senators, even after repeatedly "
        "dismissing them as part of the “Washington cartel.”",
    ],
)
def test_a_word_that_opens_the_sentence_is_no_source(text: str) -> None:
    # each had the opening word as its source ("That", "Even", "Just", "There", "There’s")
    sources = [a.source.text for a in run(text).attributions if a.source]
    assert not {"That", "Even", "Just", "There", "There’s"} & set(sources)


def test_an_anonymity_grant_is_the_outer_speakers() -> None:
    text = (
        "One senior official, speaking on condition of anonymity, said the army had asked for "
        "“a quiet spring.”"
    )
    types = {a.cue.text: a.source.type for a in run(text).attributions if a.source}
    assert types == {"said": "anonymous", "had asked for": "organisation"}
    # an institution that is itself granted anonymity is an unnamed source
    text = "The ministry, speaking on condition of anonymity, said the plan would fail."
    source = by_cue(run(text), "said").source
    assert source is not None
    assert source.type == "anonymous"


def test_a_short_name_of_an_organisation_that_spoke_is_its_full_name() -> None:
    text = (
        "The New York Times reported that the deal was off. "
        "Later, the Times said it stood by the story."
    )
    assert [a.speaker for a in run(text).attributions] == ["The New York Times"] * 2
    # not when several organisations that spoke end with the word, or none does
    text = "The Washington Post and The New York Times reported it. The Times said it was true."
    assert run(text).attributions[-1].speaker == "The Times"
    text = "Times are hard, the mayor said. The Times said so."
    assert run(text).attributions[-1].speaker == "The Times"


def test_a_place_is_no_antecedent_and_a_one_word_place_no_person() -> None:
    text = (
        "Senator Tom Berg spoke about New Jersey. The Garden State Parkway was closed, and "
        "the state's budget, facing New Jersey, was cut. Later he said taxes were too high."
    )
    assert by_cue(run(text), "said").speaker == "Tom Berg"
    source = by_cue(run("Iowa said it would recount the votes."), "said").source
    assert source is not None
    assert source.type == "organisation"


def test_the_antecedent_of_a_relative_pronoun_is_a_noun_phrase() -> None:
    text = "Thankfully for them, they have a President who wants to do just that."
    a = by_cue(run(text), "wants")
    assert span(text, a)[0] == "who"
    assert a.speaker == "a President"
    text = "Sanders, who had said he would run, left the race."
    assert by_cue(run(text), "said").speaker == "Sanders"


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # cue card 1.4.0: estimates that are beaten or missed, remarks after an adjective
        ("Profit beat analyst estimates as sales grew.", []),
        ("Employers added jobs, missing all economist estimates.", [("added", "indirect")]),
        ("One analyst estimated that sales would fall.", [("estimated", "indirect")]),
        ("They asked for an apology for the reported remarks.", [("asked for", "indirect")]),
        ("He later remarked that the plan was bold.", [("later remarked", "indirect")]),
        # an impersonal contraction makes a passive: hearsay with no source
        ("It's estimated that 4% of people are affected.", [("estimated", "passive")]),
        ("It’s believed that the talks failed.", [("believed", "passive")]),
        # cue card 1.9.0: a refusal is a cue, a fall is not
        ("The senator declined to comment on the report.", [("declined", "indirect")]),
        ("A spokeswoman declined an interview request from the paper.",
         [("declined", "indirect")]),
        ("Medicaid enrollment has declined by 1.7 million over two years.", []),
        ("Trade between the two nations declined 40 percent this year.", []),
        ("The party’s approval rating has declined slightly since May.", []),
        # a position taken on an object is reported by the verb's other forms, not by the
        # nouns spelled like its base form
        ("Trump attacked Clinton for her vote on the war.", [("attacked", "indirect")]),
        ("Most Republicans supported his call for a ban.", [("supported", "indirect")]),
        ("FBI Director James Comey stated Clinton had been careless.", [("stated", "indirect")]),
        ("The attacks on the embassy continued.", []),
        ("The state will pay for the repairs.", []),
        ("The bill he once supported, a tax cut, died.", []),
        # a ruling reports what a court holds when a clause follows
        ("The judge ruled that the law was valid.", [("ruled", "indirect")]),
        ("The court ruled against the city.", []),
        # "continue" reports speech only before a clause or a quotation
        ("She added that the talks would continue, but gave no date.", [("added", "indirect")]),
        ("“And another thing,” he continued, “the pier is safe.”",
         [("continued", "direct"), ("", "continuation")]),
        ("He continued: “The pier is safe.”", [("continued:", "direct")]),
        # a base form that is also a noun is a verb only after a subject that can take it
        ("The Kurds have no friends but the mountains, is an old lament.", []),
        ("The company made a new offer on Friday.", []),
        ("Critics lament that the plan failed.", [("lament", "indirect")]),
        ("They offer no proof that it works.", [("offer", "indirect")]),
    ],
)  # fmt: skip
def test_cue_card_rules_and_contracted_passives(text: str, cues: list[tuple[str, str]]) -> None:
    assert [(a.cue.text, a.kind) for a in run(text).attributions] == cues


def test_a_pronoun_after_a_noun_opens_a_clause_of_its_own() -> None:
    text = "She got a deal, even if the timeline she agreed to gives her some cushion."
    assert span(text, by_cue(run(text), "agreed"))[0] == "she"
    # joined to another subject it stays with it
    text = "Dana Ruiz and she said no."
    assert span(text, by_cue(run(text), "said"))[0] == "Dana Ruiz and she"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # the appositive after an inverted subject says who they are, to the sentence's end
        ("“We need the money,” said Kenneth Baer, a former city official who runs a consultancy.",
         "Kenneth Baer, a former city official who runs a consultancy", "Kenneth Baer"),
        # with the party label first
        ("“This is a sad day,” said Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus.",
         "Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus", "Jim Clyburn"),
        ("“We will rebuild,” said Rep. Ann Dalen (D-Ore.).", "Rep. Ann Dalen (D-Ore.)",
         "Ann Dalen"),
        ("“The school must stay open,” said Joseph, who has four children.",
         "Joseph, who has four children", "Joseph"),
        # an abbreviation's period stays
        ("“It closed,” said Johnnie Wilson, of Springfield, Va.",
         "Johnnie Wilson, of Springfield, Va.", "Johnnie Wilson"),
        # not an appositive: a participle's clause, a place after the name, where it was said
        ("“It closed,” said Ana Ruiz, adding that the port would reopen.", "Ana Ruiz", "Ana Ruiz"),
        ("“We will win,” said Ruiz, who runs the port, at a rally on Friday.",
         "Ruiz, who runs the port,", "Ruiz"),
        ("“It closed,” said Ana Ruiz, in Toledo.", "Ana Ruiz", "Ana Ruiz"),
        # a relative clause with a reporting verb is a relation of its own
        ("“It closed,” said Ana Ruiz, a port clerk, who added that it would reopen.",
         "Ana Ruiz, a port clerk,", "Ana Ruiz"),
    ],
)  # fmt: skip
def test_an_inverted_subject_keeps_its_appositive(text: str, source: str, speaker: str) -> None:
    a = by_cue(run(text), "said")
    assert a.kind == "direct"
    assert span(text, a)[0] == source
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # a paraphrase before an inverted subject is what it reports; the appositive after the
        # subject says who they are, and is no content
        ("The case could take years, said Richard Hunter, chief deputy for the U.S. Marshals "
         "Service in South Texas.",
         "Richard Hunter, chief deputy for the U.S. Marshals Service in South Texas",
         "The case could take years"),
        ("Some of its functions would move to other agencies, said DeSantis, who was elected "
         "to the House in 2012.",
         "DeSantis, who was elected to the House in 2012",
         "Some of its functions would move to other agencies"),
        # without an appositive, or with a time phrase, the same content
        ("The case could take years, said Richard Hunter.", "Richard Hunter",
         "The case could take years"),
        ("The case could take years, said Richard Hunter on Tuesday.", "Richard Hunter",
         "The case could take years"),
        # not inverted: the phrase after the verb opens the content, which is on the right
        ("Asked about the vote, Hunter said the board had acted too fast.", "Hunter",
         "the board had acted too fast"),
    ],
)  # fmt: skip
def test_a_paraphrase_before_an_inverted_subject_is_its_content(
    text: str, source: str, content: str
) -> None:
    a = by_cue(run(text), "said")
    assert a.kind == "indirect"
    assert span(text, a) == (source, content)


@pytest.mark.parametrize(
    ("text", "cue", "content", "kind"),
    [
        # a second verb of the same subject after "but" or "and" reports on its own, and what
        # the first verb reports ends before the conjunction
        ("The commissioner praised Mexico for its support but said, “they need to do more.”",
         "praised", "Mexico for its support", "indirect"),
        ("Graham said that Carson is a “good, decent man,” and said that Trump “melted down.”",
         "said", "that Carson is a “good, decent man,”", "mixed"),
        ("Carson did not mention his opponents by name, but told his supporters, “our nation is "
         "in trouble.”", "did not mention", "his opponents by name", "indirect"),
        # a verb that reports nothing of its own does not end it
        ("Ruiz said the plan would fail and voters would leave.", "said",
         "the plan would fail and voters would leave", "indirect"),
    ],
)  # fmt: skip
def test_a_paraphrase_ends_before_a_joined_verb_of_its_subject(
    text: str, cue: str, content: str, kind: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a)[1] == content
    assert a.kind == kind


@pytest.mark.parametrize(
    ("text", "cue", "source", "source_type"),
    [
        # a subject with a relative clause on "that" keeps its head, and is typed by it
        ("The militias that helped retake Kirkuk said they would not disarm.", "said",
         "The militias that helped retake Kirkuk", "role"),
        ("A 2014 study that appeared in the journal found that half of the advice was wrong.",
         "found", "A 2014 study that appeared in the journal", "document"),
        # a "that" after a verb opens what the verb reports: no relative clause
        ("Lopez asserted that unnamed military leaders told him to resign.", "told",
         "unnamed military leaders", "role"),
    ],
)  # fmt: skip
def test_a_relative_clause_on_that_keeps_its_head(
    text: str, cue: str, source: str, source_type: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a time after the verb is when it was said: the content is the clause before
        ("The plane had no known political affiliations, EgyptAir said on Thursday.",
         "The plane had no known political affiliations"),
        ("It effectively disbanded after the 2008 election, Politico reported in 2014.",
         "It effectively disbanded after the 2008 election"),
        # a time before what was said is left out of it
        ("EgyptAir said on Thursday that the plane had been found.",
         "that the plane had been found"),
        # so is where or how it was said, with nothing after it
        ("The bill is dead, Clinton said in a statement.", "The bill is dead"),
        ("The bill is dead, Clinton said at a rally in Ohio.", "The bill is dead"),
        ("The bill is dead, Clinton wrote on Twitter.", "The bill is dead"),
        ("The bill is dead, Clinton said by phone.", "The bill is dead"),
        # before a colon and a quotation, it is left out of the quotation
        ("The vote was close, the campaign said in a statement: “We lost.”", "“We lost.”"),
        # not a phrase before a clause or a stance, nor the object of "believe in"
        ("Clinton said in Iowa the plan would work.", "in Iowa the plan would work"),
        # a phrase set off by commas before "that" is no part of what was said
        ("Ruiz said, without evidence, that the vote was rigged.", "that the vote was rigged"),
        # so is a phrase of time or an adverb ("this" opens the content)
        ("The Times reported last week that the agency had lost the files.",
         "that the agency had lost the files"),
        ("Ruiz said privately that the plan would fail.", "that the plan would fail"),
        ("Ruiz said this plan would fail and that the city would suffer.",
         "this plan would fail and that the city would suffer"),
    ],
)  # fmt: skip
def test_a_time_or_place_alone_after_the_verb_is_no_content(text: str, content: str) -> None:
    a = next(a for a in run(text).attributions if a.cue.lemma in {"say", "report", "write", "call"})
    assert span(text, a)[1] == content


def test_what_is_believed_in_is_the_content() -> None:
    text = "For two centuries, we in this country believe in freedom of religion."
    assert span(text, by_cue(run(text), "believe"))[1] == "in freedom of religion"


def test_an_opening_participle_reports_up_to_the_main_clause() -> None:
    # a group or unnamed people as the main clause's subject is who the participle speaks for
    text = "Citing security concerns, officials closed the border."
    assert span(text, by_cue(run(text), "Citing")) == ("officials", "security concerns")
    text = "Asked whether he would run again, Ruiz said he had not decided."
    assert span(text, by_cue(run(text), "Asked"))[1] == "whether he would run again"
    assert span(text, by_cue(run(text), "said")) == ("Ruiz", "he had not decided")
    # reported speech inside what a verb reports is not cut: its source is no main clause's
    text = "Ruiz said that Lopez had claimed the vote was rigged."
    assert span(text, by_cue(run(text), "said"))[1] == "that Lopez had claimed the vote was rigged"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the sentence's full stop is no part of the source that ends the sentence
        ("Ruiz has been accused of corruption by rivals.", "has been accused of", "rivals"),
        ("“We will not close it,” said Beck.", "said", "Beck"),
        # an abbreviation keeps its period
        ("“We will not close it,” said Johnnie Wilson, of Springfield, Va.", "said",
         "Johnnie Wilson, of Springfield, Va."),
    ],
)  # fmt: skip
def test_a_source_that_ends_the_sentence_leaves_its_full_stop(
    text: str, cue: str, source: str
) -> None:
    assert span(text, by_cue(run(text), cue))[0] == source


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # a relative clause set off by commas reports up to the main clause's verb
        ("Ruiz, who has denied wrongdoing, is expected to testify next week.", "has denied",
         "wrongdoing"),
        ("The union, which endorsed Clinton in November, is widely regarded as liberal.",
         "endorsed", "Clinton in November"),
        # a clause on "that" may hold a phrase set off by commas before its own verb
        ("It was derided by Armin Laschet, the opposition leader, who suggested that Mr. Jäger, "
         "under fire for the failures, would do better to keep quiet.", "suggested",
         "that Mr. Jäger, under fire for the failures, would do better to keep quiet"),
    ],
)  # fmt: skip
def test_a_relative_clause_reports_up_to_the_main_verb(text: str, cue: str, content: str) -> None:
    assert span(text, by_cue(run(text), cue))[1] == content


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # whom a report cites as saying something is who says it
        ("The report cited unnamed officials as saying the school would close.",
         "unnamed officials", "anonymous"),
        ("The Times quoted the president as saying the deal was dead.", "the president", "role"),
        # the passive keeps its subject
        ("Ruiz was quoted as saying the school would close.", "Ruiz", "person"),
    ],
)  # fmt: skip
def test_whom_a_report_cites_as_saying_is_the_source(
    text: str, source: str, source_type: str
) -> None:
    a = by_cue(run(text), "saying")
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


def test_whom_a_report_cites_is_no_later_he() -> None:
    text = (
        "The Times quoted one of Ana Ruiz's advisers as saying the race was lost. “We have the "
        "votes,” she said later."
    )
    assert by_cue(run(text), "said").speaker == "Ana Ruiz"


def test_a_relative_clause_cut_from_an_appositive_is_its_own_relation() -> None:
    text = "“It closed,” said Ana Ruiz, a port clerk, who added that it would reopen."
    added = by_cue(run(text), "added")
    assert span(text, added)[0] == "who"
    assert added.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "cue", "source", "source_type"),
    [
        # a lower-case head for an office, whatever organisation the words before it name
        ("The GOP nominee complained about his microphone, suggesting it was rigged.",
         "suggesting", "The GOP nominee", "role"),
        ("The FBI director criticised Clinton but did not recommend charges.", "recommend",
         "The FBI director", "role"),
        ("A reporter for USA Today spotted Stein and reported that she was turned away.",
         "reported", "A reporter for USA Today", "role"),
        ("A senior administration official spoke to reporters and said the talks had failed.",
         "said", "A senior administration official", "anonymous"),
        # names and organisations keep their type
        ("Senate Majority Leader Mitch McConnell said the bill would pass.", "said",
         "Senate Majority Leader Mitch McConnell", "person"),
        ("The State Department said the embassy would reopen.", "said", "The State Department",
         "organisation"),
        # the head is not found across a verb: "employs" is no modifier of "people"
        ("The company employs 40 people and says it will hire more.", "says", "The company",
         "organisation"),
    ],
)  # fmt: skip
def test_a_subject_with_a_lower_case_head_for_who_speaks(
    text: str, cue: str, source: str, source_type: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


def test_an_indefinite_article_alone_is_no_source() -> None:
    # "A year later" opens the sentence; no one in it speaks
    text = "A year later the plan collapsed, and the council said it would try again."
    assert span(text, by_cue(run(text), "said"))[0] == "the council"
    result = run("A photo of the rally circulated widely, showing the crowd had thinned.")
    assert all(a.source is None or a.source.text != "A photo" for a in result.attributions)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He’s said that he will run again.", "He"),
        ("They'd argued that the plan was dead.", "They"),
    ],
)
def test_a_contracted_auxiliary_is_not_part_of_the_source(text: str, source: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.text == source
    assert text[a.source.start : a.source.end] == source


def test_the_comma_that_closes_an_appositive_is_the_sources() -> None:
    text = "Brian Fallon, the campaign’s press secretary, noted that turnout fell."
    a = by_cue(run(text), "noted")
    assert span(text, a)[0] == "Brian Fallon, the campaign’s press secretary,"
    assert a.speaker == "Brian Fallon"
    # no appositive, no comma: "Later, Fallon said" and a comma after a plain name
    text = "Fallon, noted the clerk, was late."
    assert all(a.source is None or "," not in a.source.text for a in run(text).attributions)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Ted Cruz, by contrast, wrote that the deal was weak.", "wrote", "Ted Cruz"),
        ("The administration, for its part, said the talks would go on.", "said",
         "The administration"),
        ("Trump, speaking to a veterans group in Virginia, said the system was broken.", "said",
         "Trump"),
        ("Powell, in a webinar Wednesday, said rates would stay low.", "said", "Powell"),
        # tokenised text: a space before the comma
        ("Critics , however , said the plan was vague.", "said", "Critics"),
        # what names or describes the source stays with it
        ("Proponents, including the Conference of Mayors, urged Congress to act.", "urged",
         "Proponents, including the Conference of Mayors,"),
        ("Lou Shaduk, managing director of equity trading at Stifel, said shares fell.", "said",
         "Lou Shaduk, managing director of equity trading at Stifel,"),
    ],
)  # fmt: skip
def test_a_sentence_adverb_or_participle_is_not_part_of_the_source(
    text: str, cue: str, source: str
) -> None:
    assert span(text, by_cue(run(text), cue))[0] == source


@pytest.mark.parametrize(
    ("text", "cue", "source", "speaker"),
    [
        # a lower-case head for a body after the names that modify it
        ("The Jeb Bush campaign spent the day in Iowa and said the polls were wrong.", "said",
         "The Jeb Bush campaign", "The Jeb Bush campaign"),
        ("Patient advocacy groups met the minister and warned that costs would rise.", "warned",
         "Patient advocacy groups", "Patient advocacy groups"),
        # not across a verb and its object
        ("Mr. Buttigieg dismissed the president on Sunday and said the plan was cruel.", "said",
         "Mr. Buttigieg", "Buttigieg"),
        ("FBI Director James Comey held a news conference and said no charges were warranted.",
         "said", "FBI Director James Comey", "James Comey"),
        # an irregular past is no modifier of the people after it ("met survivors")
        ("President Barack Obama met survivors of the shooting on Thursday and said the "
         "country must act.", "said", "President Barack Obama", "Barack Obama"),
        ("The senator met reporters on Tuesday, saying the bill would pass.", "saying",
         "The senator", "The senator"),
        ("Ms. Tenney took down businessman Steve Wells in the primary and said the race "
         "was over.", "said", "Ms. Tenney", "Tenney"),
        # before any head it is a modifier ("The lost voters")
        ("The lost voters met the candidate and said the deal was bad.", "said",
         "The lost voters", "The lost voters"),
    ],
)  # fmt: skip
def test_the_subject_of_a_later_verb_reaches_its_head(
    text: str, cue: str, source: str, speaker: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a)[0] == source
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Federal Election Commission reports show that the campaign spent heavily.", "show",
         "Federal Election Commission reports"),
        ("The party’s initial estimates suggested turnout of 80,000.", "suggested",
         "The party’s initial estimates"),
    ],
)  # fmt: skip
def test_a_noun_before_a_verb_of_saying_is_its_subject_not_a_cue(
    text: str, cue: str, source: str
) -> None:
    result = run(text)
    assert [a.cue.text for a in result.attributions] == [cue]
    assert span(text, result.attributions[0])[0] == source
    # the verb itself is still a cue
    assert [a.cue.text for a in run("The agency reports that sales fell.").attributions] == [
        "reports"
    ]


@pytest.mark.parametrize(
    ("text", "cue", "source", "source_type"),
    [
        # an approximate amount is part of the source, typed by what it counts
        ("About four in 10 voters say the economy matters most.", "say",
         "About four in 10 voters", "role"),
        ("More than half of Republican voters want a new nominee.", "want",
         "More than half of Republican voters", "role"),
        ("At least four senators claim the vote was rigged.", "claim", "At least four senators",
         "role"),
        ("Only about 4 in 10 Republican voters in each state want a wall.", "want",
         "Only about 4 in 10 Republican voters in each state", "role"),
        # not an amount: "to" and "about" before an article
        ("He did not respond to a text message asking about the claim.", "asking",
         "a text message", "document"),
        # names joined by a slash
        ("A new CNN/ORC poll shows Clinton ahead.", "shows", "A new CNN/ORC poll", "document"),
        ("NBC News/Marist found that turnout fell.", "found", "NBC News/Marist", "organisation"),
        # a town and its state inside an appositive
        ("Dean Johnson, a 55-year-old salesman from Sumter, South Carolina, says he is undecided.",
         "says", "Dean Johnson, a 55-year-old salesman from Sumter, South Carolina,", "person"),
        # the links of unnamed sources let the phrase run longer
        ("A person familiar with the planning for Thursday’s meeting says it will be short.",
         "says", "A person familiar with the planning for Thursday’s meeting", "anonymous"),
        ("Multiple sources privy to the negotiations say a deal is close.", "say",
         "Multiple sources privy to the negotiations", "anonymous"),
    ],
)  # fmt: skip
def test_amounts_slashes_and_places_inside_sources(
    text: str, cue: str, source: str, source_type: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


def test_a_name_with_a_year_is_not_a_share() -> None:
    # "N in 10" is a share; "Roosevelt in 1937" a person and a year
    text = "Roosevelt in 1937 said the court was packed with old men."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.type == "person"


@pytest.mark.parametrize(
    ("phrase", "source_type"),
    [
        # a head for a group or an unnamed source before a prepositional phrase
        ("A Trump administration official familiar with the legislation", "anonymous"),
        ("Health officials in Oregon", "anonymous"),
        ("Republican leaders in Congress", "role"),
        # a named person after the phrase is still that person
        ("Top U.S. diplomat in Ukraine William Taylor", "person"),
    ],
)
def test_a_group_or_unnamed_head_before_a_preposition(phrase: str, source_type: str) -> None:
    text = f"{phrase} said the talks had stalled."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.source.text, a.source.type) == (phrase, source_type)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the verb group: auxiliaries, negations and adverbs before the verb
        ("The senator has also said that the bill is dead.", "has also said",
         "that the bill is dead"),
        ("Ruiz did not deny that the talks had failed.", "did not deny",
         "that the talks had failed"),
        ("Brandt falsely claimed that the vote was rigged.", "falsely claimed",
         "that the vote was rigged"),
        # a preposition that opens the content, and a colon before it
        ("The mayor called for a ban on the sale of fireworks.", "called for",
         "a ban on the sale of fireworks"),
        ("Economists warned about a slowdown in the spring.", "warned about",
         "a slowdown in the spring"),
        ("Ruiz said: “We will win.”", "said:", "“We will win.”"),
        # not: "to" opens an infinitive that is the content, "on" a place
        ("Dalen wants to build a new bridge.", "wants", "to build a new bridge"),
        # the source and a noun in -ly are no part of it
        ("The family said the search would go on.", "said", "the search would go on"),
    ],
)  # fmt: skip
def test_the_cue_is_the_verb_group(text: str, cue: str, content: str) -> None:
    a = by_cue(run(text), cue)
    assert a.cue.text == cue
    assert text[a.cue.start : a.cue.end] == cue
    assert span(text, a)[1] == content
    # the lemma and the stance stay the verb's
    assert " " not in a.cue.lemma or a.cue.lemma in {"according to"}


def test_an_adverb_that_is_a_cue_stays_its_own_relation() -> None:
    text = "The minister reportedly said the plan was dead."
    cues = sorted(a.cue.text for a in run(text).attributions)
    assert cues == ["reportedly", "said"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a demonstrative opens the phrase
        ("This phony fact check openly ridicules the idea.", "openly ridicules",
         "This phony fact check"),
        # when a record was made is part of it
        ("The report published Tuesday showed that sales fell.", "showed",
         "The report published Tuesday"),
        ("A poll released last week shows Clinton ahead.", "shows", "A poll released last week"),
        # "news" and "press" are no plural subjects: "report" after them is a noun
        ("A news report published Wednesday said Carter used a private account.", "said",
         "A news report published Wednesday"),
    ],
)  # fmt: skip
def test_records_and_demonstratives_in_sources(text: str, cue: str, source: str) -> None:
    result = run(text)
    assert [a.cue.text for a in result.attributions] == [cue]
    assert span(text, result.attributions[0])[0] == source
    # a base form after a plural subject is still a verb
    assert [a.cue.text for a in run("Officials report that the dam held.").attributions] == [
        "report"
    ]


@pytest.mark.parametrize(
    ("text", "cue", "negated"),
    [
        ("Ruiz did not deny that the talks had failed.", "did not deny", True),
        ("The ministry didn’t confirm the report.", "didn’t confirm", True),
        ("He never claimed that he won.", "never claimed", True),
        ("She cannot say whether it worked.", "cannot say", True),
        # no negation: an adverb or an auxiliary alone
        ("The senator has also said that the bill is dead.", "has also said", False),
        # a negation in the content is not the cue's
        ("Ruiz said the talks did not fail.", "said", False),
    ],
)
def test_a_negated_verb_group_is_marked_and_keeps_its_stance(
    text: str, cue: str, negated: bool
) -> None:
    a = by_cue(run(text), cue)
    assert (a.cue.text, a.cue.negated) == (cue, negated)
    # the stance is the verb's: "did not deny" is a cue of "deny"
    assert a.cue.stance == run(text.replace(cue, cue.split()[-1])).attributions[0].cue.stance


def test_a_participle_after_a_record_modifies_it() -> None:
    # "a statement posted on social media" is no relation of its own (the seed article)
    text = (
        "The Ukrainians have been offered support by the U.S. ambassador, Bridget Brink, in a "
        "statement posted on social media."
    )
    assert [a.cue.lemma for a in run(text).attributions] == ["offer"]
    # the verb after a record is still a cue
    assert [a.cue.text for a in run("The statement said the talks failed.").attributions] == [
        "said"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # where or how it was said comes before what was said
        ("The ministry posted on Facebook that the border was closed.",
         "that the border was closed"),
        ("Ruiz said in a statement Monday that the talks had failed.",
         "that the talks had failed"),
        # no "that": the phrase stays
        ("Ruiz said in Toledo the talks had failed.", "in Toledo the talks had failed"),
    ],
)  # fmt: skip
def test_a_circumstance_before_that_is_not_content(text: str, content: str) -> None:
    assert span(text, run(text).attributions[0])[1] == content


def test_a_participle_after_spending_time_takes_the_clause_subject() -> None:
    text = (
        "The former president, who spent much of his 30-minute speech defending his record, "
        "left early."
    )
    a = by_cue(run(text), "defending")
    assert a.source is not None
    assert a.source.text == "The former president"
    # never the verb phrase itself
    text = "An early endorser, who spent more time talking about water, said little."
    talking = by_cue(run(text), "talking about")
    assert talking.source is None or "spent" not in talking.source.text


def test_a_name_inside_another_speakers_quotation_is_not_a_source() -> None:
    # the sentence of "claiming" opens inside Ortiz's quotation: "It" and "Lopez" are his words
    text = (
        "“Lopez lied, and it ruined his life. It is a shame,” Ortiz said, before again claiming"
        " that Berg “lied many times.”"
    )
    claiming = by_cue(run(text), "again claiming")
    assert claiming.source is not None
    assert (claiming.source.text, claiming.speaker) == ("Ortiz", "Ortiz")


def test_a_long_source_phrase_after_a_quotation_keeps_it_direct() -> None:
    text = (
        "Wages rose 0.4 percent in March.\n\n''We finally may be seeing some wage growth, and if"
        " it sticks, that would be a very big story,'' the economist Jared Okafor, a former"
        " adviser to the mayor, wrote on his blog."
    )
    wrote = by_cue(run(text), "wrote")
    assert wrote.kind == "direct"
    assert span(text, wrote) == (
        "the economist Jared Okafor, a former adviser to the mayor,",
        text[text.index("''We") : text.index("story,''") + len("story,''")],
    )
    # twenty-five words between a quotation and the cue are too many for one source phrase
    far = (
        "''It is a big story,'' the economist Jared Okafor, who has advised the mayor and two"
        " governors on wages, prices, pensions, bridges, ferries, piers and every other thing"
        " for years, wrote."
    )
    assert by_cue(run(far), "wrote").kind != "direct"


def test_he_or_she_stands_for_a_person_not_for_an_unnamed_thing() -> None:
    # "The employer" was a source (typed role) but stands for no one "he" can be
    text = (
        "Ki Okafor applied for a job at the port. The employer asked for proof of citizenship."
        " He soon learned that his papers were void."
    )
    learned = by_cue(run(text), "learned")
    assert learned.source is not None
    assert (learned.source.text, learned.speaker) == ("He", "Ki Okafor")
    # a person's noun is one
    text = "The billionaire businessman asked for a recount. He said the count was rigged."
    assert by_cue(run(text), "said").speaker == "The billionaire businessman"


def test_a_possessive_time_phrase_is_not_the_subject() -> None:
    text = (
        "Lopez has opposed the deal.\nIn Wednesday's speech the senator also took a swipe at"
        ' Ana Ruiz, calling her tenure as mayor "ineffective at best."'
    )
    calling = by_cue(run(text), "calling")
    assert calling.source is not None
    assert calling.source.text == "the senator"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ('Ortiz was quick to retort: "That is a bunch of malarkey."', "retort:",
         '"That is a bunch of malarkey."'),
        ("Mr. Okafor shot back that the mayor had lied.", "shot back", "that the mayor had lied"),
    ],
)  # fmt: skip
def test_a_combative_reply_is_a_charged_cue(text: str, cue: str, content: str) -> None:
    a = by_cue(run(text), cue)
    assert a.cue.stance == "charged"
    assert span(text, a)[1] == content


def test_whom_someone_told_is_not_who_speaks_next() -> None:
    text = (
        "Ana Ruiz spoke to reporters on Friday. She told CNN’s Maria Lopez that the pier was"
        " safe. “We will not close it,” she concluded."
    )
    assert by_cue(run(text), "concluded").speaker == "Ana Ruiz"
    # also after a possessor of several words or a bare apostrophe
    for whom in ("Fox News’ Chris Wallace", "the Washington Post's Bob Woodward"):
        text = (
            f"“I did give to the foundation,” Ed Baxter told {whom}. “It was helping with "
            "Haiti.” “Again, I was a businessman,” he added."
        )
        assert by_cue(run(text), "added").speaker == "Ed Baxter"
    # in the same sentence the one asked may be who "she" is
    text = (
        "Last month, when I asked Ana Ruiz if she would endorse Lopez, she looked into my camera"
        " and said, “I’m going to do everything I can.”"
    )
    assert by_cue(run(text), "said").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "Health spending shot back up last year.",  # a rise, not a reply
        "Ortiz delivered a snappy retort to the critics of the pier.",  # the noun
    ],
)
def test_reply_words_that_are_not_replies(text: str) -> None:
    assert [a.cue.lemma for a in run(text).attributions if a.cue.stance == "charged"] == []


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Okafor criticized the council, but argued that the pier should stay open.",
         ("criticized", "Okafor", "the council"),
         ("argued", "Okafor", "that the pier should stay open")),
        ("Ruiz said the pier was safe and argued that it should stay open.",
         ("said", "Ruiz", "the pier was safe"),
         ("argued", "Ruiz", "that it should stay open")),
    ],
)  # fmt: skip
def test_a_second_verb_after_and_or_but_shares_the_subject_and_ends_the_first_content(
    text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    for cue, source, content in (first, second):
        assert span(text, by_cue(run(text), cue)) == (source, content)


def test_a_month_after_a_given_name_is_a_surname() -> None:
    text = "British Prime Minister Theresa May said the country would leave."
    a = by_cue(run(text), "said")
    assert (span(text, a)[0], a.speaker) == ("British Prime Minister Theresa May", "Theresa May")
    # a weekday after a name is still when it was said
    assert span("Ruiz Tuesday said it.", by_cue(run("Ruiz Tuesday said it."), "said"))[0] == "Ruiz"


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a paragraph with quotation marks after the colon
        ('Dr. Okafor stated:\n\n"The pier is not about safety. It is politics."\n\nShe left.',
         "stated:", "Dr. Okafor",
         '"The pier is not about safety. It is politics."'),
        # a block quotation: no marks
        ("Ruiz lashed out on Twitter, saying:\nJustice Lopez has embarrassed all of us with very"
         " dumb statements about me. Resign!\nThe storm went on.",
         "saying:", "Ruiz",
         "Justice Lopez has embarrassed all of us with very dumb statements about me. Resign!"),
        # an object that announces the text set off after the colon
        ("Mayor Ana Ruiz issued the following statement:\n\n“Our thoughts are with the families"
         " of the fishermen.”\n\nThe pier stayed closed.",
         "issued", "Mayor Ana Ruiz", "“Our thoughts are with the families of the fishermen.”"),
        ("Ortiz released the following statement on his campaign website:\n\nThe council has"
         " failed every family on this coast and it must resign.\n\nMore.",
         "released", "Ortiz",
         "The council has failed every family on this coast and it must resign."),
        ("Her aide gave it a try, tweeting the following:\n\n“Crowd in Hialeah going wild for"
         " the mayor!”\n\nIt worked.",
         "tweeting", "Her aide", "“Crowd in Hialeah going wild for the mayor!”"),
    ],
)  # fmt: skip
def test_the_paragraph_after_a_verb_and_a_colon_is_its_direct_content(
    text: str, cue: str, source: str, content: str
) -> None:
    a = by_cue(run(text), cue)
    assert (a.kind, *span(text, a)) == ("direct", source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Watch the full video of the remarks below:\n\nFollow the mayor on Twitter for more news.",
        # a verb of thought, a list after the colon, a passive
        "The campaign hopes to win women back:\n\nCool the rhetoric and talk about child care.",
        "Ruiz said the plan has three parts:\n\n1. Close the pier for repairs in the winter.",
        "Here are the stories that will be talked about today:\n\nThe pier closes for the winter.",
    ],
)
def test_no_block_quotation_without_a_verb_of_speech_before_the_colon(text: str) -> None:
    result = run(text)
    assert [q for q in result.quotes if q.start == q.inner_start] == []


@pytest.mark.parametrize(
    "text",
    [
        "The court issued a ruling on Monday and released the two fishermen.",
        "The council released the report in March; it gave no figures.",
        "Ruiz made the trip to the pier and sent a letter to the council.",
    ],
)
def test_verbs_of_publishing_are_cues_only_before_the_following(text: str) -> None:
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the comma before the closing marks of a quotation inside the quotation
        ("“People go by and I just say, ‘Thank you for voting,’” Ortiz said.", "said", "Ortiz"),
        ("''I hate the term 'harbour poor,' '' she said.", "said", "she"),
        # a full stop before the closing mark, and the sentence going on in lower case
        ('"Rise to the occasion. Dress like you deserve respect." added Lopez, who works for the'
         " mayor.", "added", "Lopez, who works for the mayor"),
    ],
)  # fmt: skip
def test_a_quotation_that_ends_in_inner_marks_or_a_full_stop_is_the_direct_content(
    text: str, cue: str, source: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.kind == "direct"
    assert a.content is not None
    assert text[a.content.start] in "“'\""
    assert span(text, a)[0] == source


def test_a_scare_quote_before_a_verb_is_no_content() -> None:
    text = "The party ignored the changes the “autopsy” recommended. Lopez spoke."
    assert [a.kind for a in run(text).attributions if a.cue.lemma == "recommend"] != ["direct"]


def test_a_document_after_the_verb_is_its_object_not_an_inverted_subject() -> None:
    text = (
        "On Friday, the aide, who at the time was a spokeswoman for a congressman from the"
        " coast, wrote an open letter to the mayor on her Facebook page, saying the council"
        " should “try showing a little class.”"
    )
    aide = "the aide, who at the time was a spokeswoman for a congressman from the coast,"
    sources = {a.cue.text: span(text, a)[0] for a in run(text).attributions}
    assert sources == {"wrote": aide, "saying": aide}
    # an inverted subject still is one
    text = "“We will win,” wrote a spokesman for the campaign."
    assert span(text, by_cue(run(text), "wrote"))[0] == "a spokesman for the campaign"


def test_a_cues_stance_does_not_depend_on_its_tense() -> None:
    # every form of a one-word reporting verb before a "that" clause takes the entry's stance:
    # "argue that" and "argued that" are one verb, not two stances
    from framing.lexicon import parse_lexicon, surface_forms
    from framing.resources import data_path

    spec = parse_lexicon(data_path("lexicons", "cues.toml"))
    checked = 0
    for entry in spec.entries:
        if " " in entry.term or "verb" not in entry.inflect:
            continue
        for (form,) in (f for f in surface_forms(entry.term, entry.inflect) if len(f) == 1):
            text = f"The senator {form} that the pier will close."
            cues = [a.cue for a in run(text).attributions if a.cue.start == 12]
            if cues:
                assert (cues[0].lemma, cues[0].stance) == (entry.term, entry.category), form
                checked += 1
    assert checked > 400


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # when it was said is not what was said
        ("The president said Tuesday his actions are legal.", "his actions are legal"),
        ("Bush tweeted Monday that Trump is a loser.", "that Trump is a loser"),
        ("Ruiz said on Sunday night the pier will close.", "the pier will close"),
        ("Ruiz said Sunday night's debate was a mess.", "Sunday night's debate was a mess"),
        # the parenthesis around the sentence and its final mark are not part of it
        ("(Ruiz said the pier would reopen in May.) The council did not.",
         "the pier would reopen in May"),
        ("Critics asked whether the closure was legal?", "whether the closure was legal"),
        # whom it was told, however long the phrase
        ("Carson told a crowded banquet hall at a hotel in downtown Baltimore that he is not"
         " giving up.", "that he is not giving up"),
        ("Ruiz tells the crowd: the pier will reopen in May.", "the pier will reopen in May"),
        # a participle that reports speech of its own ends it; another participle does not
        ("Republicans criticized the move, saying it would hurt farmers.", "the move"),
        ("Ruiz defended the plan, pointing to its costs.", "the plan"),
        ("Ruiz said the pier was closing, leaving the town without a harbour.",
         "the pier was closing, leaving the town without a harbour"),
        ("Ruiz said the pier, “closing, saying goodbye,” would stay shut.",
         "the pier, “closing, saying goodbye,” would stay shut"),
    ],
)  # fmt: skip
def test_the_paraphrase_leaves_out_its_time_and_its_marks(text: str, content: str) -> None:
    a = run(text).attributions[0]
    assert span(text, a)[1] == content


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Clinton, without naming him, said the pier was a disgrace.", "Clinton"),
        ("Republicans, on the other hand, argue that the pier should close.", "Republicans"),
        ("Ortiz, after a long pause, said the pier would close.", "Ortiz"),
        ("Even Republicans who voted for the mayor warned that the pier would close.",
         "Republicans who voted for the mayor"),
        # an appositive or an affiliation stays
        ("Sen. Ted Cruz, also a presidential hopeful, said the pier would close.",
         "Sen. Ted Cruz, also a presidential hopeful,"),
        ("Ana Ruiz, at the Harbour Institute, said the pier would close.",
         "Ana Ruiz, at the Harbour Institute,"),
        ("Mrs. Ruiz herself, as well as her campaign, said the pier would close.",
         "Mrs. Ruiz herself, as well as her campaign,"),
    ],
)  # fmt: skip
def test_a_phrase_set_off_between_subject_and_verb_is_not_the_source(
    text: str, source: str
) -> None:
    assert span(text, run(text).attributions[0])[0] == source


@pytest.mark.parametrize(
    ("text", "source", "source_type", "speaker"),
    [
        # a relative clause with a verb in the past: the subject is the head with its clause
        ("Voters who backed Ruiz said the pier would close.", "Voters who backed Ruiz",
         "role", "Voters who backed Ruiz"),
        # who is named inside the clause is not the speaker, nor does the clause type the head
        ("A woman who has accused former Mayor Ana Ruiz of fraud said the pier would close.",
         "A woman who has accused former Mayor Ana Ruiz of fraud", "role",
         "A woman who has accused former Mayor Ana Ruiz of fraud"),
        ("The pier will close, according to a senior official who spoke on the condition of"
         " anonymity.", "a senior official who spoke on the condition of anonymity",
         "anonymous", "a senior official who spoke on the condition of anonymity"),
        # a name with its relative clause is that person
        ("Ana Ruiz who backed the plan said it failed.", "Ana Ruiz who backed the plan",
         "person", "Ana Ruiz"),
        # a name inside the clause does not type its head ("person" before)
        ("Voters who backed Trump said the pier would close.", "Voters who backed Trump",
         "role", "Voters who backed Trump"),
        # a verb in the present after "who" ("know her" was the source, and "Those" a person)
        ("Those who know her say the pier will close.", "Those who know her", "role",
         "Those who know her"),
        ("Friends who know them well say the pier will close.", "Friends who know them well",
         "role", "Friends who know them well"),
        # the clause may end in its object ("her" was the source)
        ("Those who worked with her said the pier would close.", "Those who worked with her",
         "role", "Those who worked with her"),
        ("The ex-wife of Alan Ruiz who filed two reports against him blames the mayor.",
         "The ex-wife of Alan Ruiz who filed two reports against him", "role",
         "The ex-wife of Alan Ruiz who filed two reports against him"),
    ],
)  # fmt: skip
def test_a_relative_clause_neither_names_nor_types_the_source(
    text: str, source: str, source_type: str, speaker: str
) -> None:
    a = run(text).attributions[-1]
    assert a.source is not None
    assert (a.source.text, a.source.type, a.speaker) == (source, source_type, speaker)


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # a head capitalised by the sentence start, before what follows it
        ("Source familiar with the ad said the mayor approved it.", "anonymous"),
        ("Officials at the Department of Transport said the pier would close.", "anonymous"),
        # a number of a group is typed as the group, not as a document's numbers
        ("Significant numbers of harbour workers said they would strike.", "role"),
        ("A number of readers have asked whether the pier will close.", "role"),
        ("52 percent of registered voters said the pier should close.", "role"),
        # the numbers themselves are a document
        ("The numbers show that the pier lost money.", "document"),
        # a document named after the speaker is not the head
        ("House Republicans supporting the bill have said they have the votes.", "organisation"),
        ("Ana Ruiz in a Medium post said the pier would close.", "person"),
        ("A Reuters rolling poll shows that the pier is unpopular.", "document"),
        # a plural noun for people in lower case is a group by role, on the list or not
        ("Security specialists said the pier should close.", "role"),
        ("On Monday, forecasters said the pier would close.", "role"),
        # more of a group is typed as the group
        ("Other lawmakers said the pier should close.", "role"),
        ("Two Republicans said the pier should close.", "organisation"),
        ("Fellow Democrats said the pier should close.", "organisation"),
    ],
)
def test_source_types_of_groups_and_unnamed_sources(text: str, source_type: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.type == source_type


@pytest.mark.parametrize(
    "text",
    [
        "Ortiz made a strong showing in the harbour towns.",  # a result, not evidence
        "A new super PAC called Future45 ran its first ads.",  # a name
        "Ruiz taught a psychology class called “Perception” in 2002.",
        "Ruiz hosts an MSNBC show on Sundays.",  # a programme
        "Speaking later on the same show, Ortiz left.",
    ],
)
def test_nouns_named_like_cues_are_not_cues(text: str) -> None:
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Polling done before Tuesday’s primary showed a dead heat.", "showed"),
        ("Another slide shows that eight of 10 boats come from the harbour.", "shows"),
        ("The initiative called for the deportation of foreign fishermen.", "called for"),
    ],
)
def test_the_same_words_as_verbs_stay_cues(text: str, cue: str) -> None:
    assert [a.cue.text for a in run(text).attributions] == [cue]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the named person or the organisation before a relative pronoun is who speaks
        ("The mayor was introduced by former rival Harbour Commissioner Ana Ruiz, who said the"
         " pier would close.", "Ana Ruiz"),
        ("China and America are, however, members of the Harbour Trade Organization, which says"
         " the pier will close.", "the Harbour Trade Organization"),
        ("The news came two days after the Harbour Post, which said the pier would close.",
         "the Harbour Post"),
        # a surname alone, for the full name it was introduced with
        ("Ana Ruiz spoke first. The vote was risky for Ruiz, who said the pier would close.",
         "Ana Ruiz"),
        # an unnamed person described: the role speaks, as in "the Wisconsin Republican said"
        ("It was a partial reversal for the Wisconsin Republican, who said the pier would"
         " close.", "the Wisconsin Republican"),
    ],
)  # fmt: skip
def test_a_relative_pronoun_speaks_for_the_name_before_it(text: str, speaker: str) -> None:
    a = run(text).attributions[-1]
    assert a.source is not None
    assert a.source.text.lower() in {"who", "which"}
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "source_type"),
    [
        # a person described by place or party, not named: a role, not a name "New York"
        ('"We need change," the New York businessman said.', "the New York businessman", "role"),
        ("The Wisconsin Republican said the pier would close.", "The Wisconsin Republican",
         "role"),
        ("“This is strictly a business decision,” a Carrier executive tells employees.",
         "a Carrier executive", "role"),
        ("The Democratic front-runner said the pier would close.", "The Democratic front-runner",
         "role"),
        # a title, or a noun for a person, before a name still names the person
        ("The Rev. Al Sharpton said the pier would close.", "Al Sharpton", "person"),
        ("GOP front-runner Ana Ruiz said the pier would close.", "Ana Ruiz", "person"),
        ("CBS moderator Ana Ruiz asked whether the pier would close.", "Ana Ruiz", "person"),
    ],
)  # fmt: skip
def test_a_person_described_by_place_or_party_is_a_role(
    text: str, speaker: str, source_type: str
) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert (a.speaker, a.source.type) == (speaker, source_type)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a surname alone stands for a name of three words it was introduced with
        ("Justice Ruth Bader Ginsburg spoke on Monday. Ginsburg said the pier would close.",
         "Ruth Bader Ginsburg"),
        # one person with and without a middle name or initial: the shorter name
        ("Loretta E. Lynch spoke first. Then Loretta Lynch left. Lynch said the pier would close.",
         "Loretta Lynch"),
        # the particles of a surname
        ("Mayor Bill de Blasio said the pier would close.", "Bill de Blasio"),
    ],
)  # fmt: skip
def test_full_names_of_three_words_and_with_particles(text: str, speaker: str) -> None:
    assert run(text).attributions[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # organisations named in words that read as a person's name, on the list
        ("Judicial Watch said the emails were deleted.", "Judicial Watch"),
        ("The bill passed, The Hill reported.", "The Hill"),
        ("The United States said the pier would close.", "The United States"),
        ("Wells Fargo said the pier loans were sound.", "Wells Fargo"),
    ],
)  # fmt: skip
def test_organisations_named_like_people(text: str, speaker: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert (a.speaker, a.source.type) == (speaker, "organisation")


def test_she_is_not_an_organisation_named_like_a_person() -> None:
    text = "Senator Ana Ruiz met the bank. Wells Fargo said the loans were sound. She disagreed."
    text += " “They were not,” she said."
    assert run(text).attributions[-1].speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("phrase", "source_type"),
    [
        ("forecasters", "role"),
        ("even his own supporters", "role"),
        ("many social conservatives", "role"),
        ("ordinary Chinese traders", "role"),  # a demonym or an acronym before it
        ("E.U. leaders", "role"),
        ("two businessmen", "role"),
        ("47 percent of Cuban Americans", "role"),
        # words that end like plurals of people but are not
        ("politics", "unknown"),
        ("statistics", "unknown"),
    ],
)
def test_plurals_for_people_by_their_ending(phrase: str, source_type: str) -> None:
    from framing.attribution import _phrase_type

    assert _phrase_type(phrase)[0] == source_type


@pytest.mark.parametrize(
    ("text", "source", "source_type", "speaker"),
    [
        # what a name has is typed by what it is, and no speaker is the name with its "'s"
        ("Mr. Trump's children said the company was doing well.", "Mr. Trump's children",
         "role", "Mr. Trump's children"),
        ("Keith Scott's wife said he had been unarmed.", "Keith Scott's wife", "role",
         "Keith Scott's wife"),
        ("The State Department’s email dump showed the messages were sent.",
         "The State Department’s email dump", "document", "The State Department’s email dump"),
        ("Trump's inexperience shows that he is not ready.", "Trump's inexperience", "unknown",
         None),
        # a determiner that opens the sentence is no name
        ("No state saw a larger fall in enrollment.", "No state", "unknown", None),
        ("Every senator said the bill was flawed.", "Every senator", "role", "Every senator"),
        # a name after the possessive is the person
        ("Fox News’ Sean Hannity said the poll was wrong.", "Fox News’ Sean Hannity", "person",
         "Sean Hannity"),
    ],
)  # fmt: skip
def test_what_a_name_has_and_a_determiner_opening_a_sentence_are_no_person(
    text: str, source: str, source_type: str, speaker: str | None
) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert (a.source.text, a.source.type, a.speaker) == (source, source_type, speaker)


def test_the_subject_of_a_verb_with_a_document_speaks_through_its_participle() -> None:
    text = (
        "In Washington, Mayor Ana Ruiz released a statement Thursday night condemning “what"
        " appears to be a horrific attack on the pier.”"
    )
    a = by_cue(run(text), "condemning")
    assert (a.kind, span(text, a)[0], a.speaker) == ("direct", "Mayor Ana Ruiz", "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "cue", "content", "kind"),
    [
        # a show or a book the opening phrase names is where it was said, not what
        ("In an interview on ABC’s “This Week,” Carson admitted that the course name was "
         "wrong.", "admitted", "that the course name was wrong", "indirect"),
        ("Later on “This Week,” Senator Bernie Sanders questioned Mr. Trump's veracity.",
         "questioned", "Mr. Trump's veracity", "indirect"),
        ("On “Face the Nation,” Sanders was asked by host John Dickerson whether his aim was "
         "similar to Kennedy's.", "was asked", "whether his aim was similar to Kennedy's",
         "indirect"),
        ("In a memo, Noah Oppenheim, the executive in charge of “Today,” reminded his staff "
         "about Mr. Bush's early work.", "reminded", "his staff about Mr. Bush's early work",
         "indirect"),
        ("As Akhil Amar, a law professor and author of “America's Unwritten Constitution,” put "
         "it, “Senate Republicans should remember that.”", "put it",
         "“Senate Republicans should remember that.”", "direct"),
        # a quoted phrase that ends the writer's clause: the clause is what was said
        ("No Child Left Behind was “very assertive and interventionist,” said Gary Orfield, an "
         "education professor.", "said",
         "No Child Left Behind was “very assertive and interventionist,”", "mixed"),
        ("Many of the diplomats linked their symptoms with “unusual sounds,” a physician told "
         "the Senate in January.", "told",
         "Many of the diplomats linked their symptoms with “unusual sounds,”", "mixed"),
        # a quotation that opens its sentence stays the content
        ("“It was a mistake,” Carson admitted on Sunday.", "admitted", "“It was a mistake,”",
         "direct"),
        # nor is whom it was said of a content, nor a clause of when ("said of Sanders")
        ("Because of her weak support among the young, “she does need him,” Kunin said of "
         "Sanders.", "said", "“she does need him,”", "direct"),
        ("The campaign is “an orange buffoon,” Susan said as she turned around.", "said",
         "The campaign is “an orange buffoon,”", "mixed"),
        # a noun phrase after the cue that is the subject of a clause of its own is no
        # inverted subject: what it opens is the content
        ("Okafor, the co-author of “Going Viral,” about the spread of rumours, said the days "
         "of one evening newscast are gone.", "said", "the days of one evening newscast are gone",
         "indirect"),
        ("Ruiz, the host of “Morning Maren,” suggested the mayor’s refusal could end his "
         "career.", "suggested", "the mayor’s refusal could end his career", "indirect"),
        # the period of an abbreviation before the quotation ends no sentence there
        ("Mr. Ruiz, referring to the country’s “soul,” said the division was deep.", "said",
         "the division was deep", "indirect"),
        # what "as" someone put it is the quotation itself
        ("They hoped it would avoid “cabal and intrigue,” as Lars Okafor put it in a column.",
         "put it", "“cabal and intrigue,”", "direct"),
        ("A Maren bid would be “catastrophic,” as Mr. Okafor puts it.", "puts it",
         "“catastrophic,”", "direct"),
    ],
)  # fmt: skip
def test_a_short_quotation_before_the_cue_is_its_content_only_when_nothing_else_is(
    text: str, cue: str, content: str, kind: str
) -> None:
    a = by_cue(run(text), cue)
    assert span(text, a)[1] == content
    assert a.kind == kind


def test_what_a_quotation_names_ends_no_clause_that_a_second_verb_goes_on() -> None:
    # "…, she called them": the quotation names the object; the verb after the dash is hers
    text = (
        "Ruiz admitted her deep unpopularity - her “negatives,” she called them - but invoked "
        "the 1980 race."
    )
    a = by_cue(run(text), "invoked")
    assert a.source is not None
    assert a.source.text == "Ruiz"
    assert span(text, a)[1] == "the 1980 race"


def test_a_quoted_sentence_after_the_writers_sentence_is_not_joined_to_it() -> None:
    # the splitter may keep both in one sentence after a closing '' (no capital after the stop)
    text = (
        "Mexico's future relies on North American integration. ''That's Mexico's "
        "vulnerability,'' said Luis Rubio, an analyst."
    )
    a = by_cue(run(text), "said")
    assert span(text, a)[1] == "''That's Mexico's vulnerability,''"
    assert a.kind == "direct"


@pytest.mark.parametrize(
    ("text", "cue", "source", "type_"),
    [
        # a participle and its object after the subject: the subject speaks
        ("Another intelligence source speaking to Fox News said the agents were looking.",
         "said", "Another intelligence source", "anonymous"),
        ("A random survey conducted by the One America News Network found Trump the winner.",
         "found", "A random survey", "document"),
        ("A report released by the Brookings Institution last year estimated that most were "
         "bots.", "estimated", "A report", "document"),
        # what comes from somewhere is part of the phrase, typed by its head
        ("A Feb. 1 letter from the American Legion obtained by The Associated Press warns "
         "that any further contact would be through lawyers.", "warns",
         "A Feb. 1 letter from the American Legion", "document"),
        ("Two women from Ohio said they would vote for him.", "said", "Two women from Ohio",
         "role"),
        ("A 74-year-old democratic socialist from Vermont said it was over.", "said",
         "A 74-year-old democratic socialist from Vermont", "role"),
        # what someone received from someone says it as they do
        ("I've received a message from POGO stating that they wish to be described as a "
         "watchdog.", "stating", "a message from POGO", "document"),
        # a cue in -ing has the phrase as its subject: "pointed to Obama endorsing Clinton"
        ("All signs pointed to Obama endorsing Clinton on Thursday.", "endorsing", "Obama",
         "person"),
    ],
)  # fmt: skip
def test_a_phrase_after_a_participle_or_from_is_read_with_its_head(
    text: str, cue: str, source: str, type_: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, type_)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a group named by a name's possessive and a plural noun for people
        ("Ms. Kerr spoke first. Donald Trump’s supporters erupted into cheers as they learned "
         "that he had won.", "Donald Trump’s supporters"),
        # two people named together, then "they"
        ("Hillary Clinton and Bernie Sanders answered the union's questions. They also "
         "expressed support for its positions.", "Hillary Clinton and Bernie Sanders"),
        # not the two people a preposition names ("a study they wrote with …")
        ("In another study they wrote with Daron Acemoglu and Brendan Price, they estimated "
         "that imports cost jobs.", None),
    ],
)  # fmt: skip
def test_they_stands_for_a_group_or_two_people_named_before(text: str, speaker: str | None) -> None:
    cue = "estimated" if "estimated" in text else ("learned" if "learned" in text else "expressed")
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.text.lower() == "they"
    assert a.speaker == speaker


@pytest.mark.parametrize(
    ("text", "cue", "source", "speaker"),
    [
        # a phrase of time that opens the sentence is no part of who speaks
        ("Last year the Pew Research Center found that most voters were undecided.", "found",
         "the Pew Research Center", "the Pew Research Center"),
        ("Earlier this month the council said it would vote.", "said", "the council",
         "the council"),
        # a show's name is ("CBS This Morning")
        ("“It was the first time,” CBS This Morning co-anchor DeMarco Morgan said.", "said",
         "This Morning co-anchor DeMarco Morgan", "DeMarco Morgan"),
        # the first word of an organisation that spoke before is its short name
        ("The Pew Research Center found that most voters were undecided. Pew concluded that "
         "young voters were different.", "concluded", "Pew", "The Pew Research Center"),
        # not a place's, nor a surname's ("the Clinton campaign" is no name of capitalised words)
        ("The Ohio Democratic Party said it would vote. Ohio told reporters that it was done.",
         "told", "Ohio", "Ohio"),
        ("The Clinton campaign said it would vote. Clinton told reporters that it was done.",
         "told", "Clinton", "Clinton"),
    ],
)  # fmt: skip
def test_time_phrases_and_short_names_of_organisations(
    text: str, cue: str, source: str, speaker: str
) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.text, a.speaker) == (source, speaker)


_POST = (
    "Ryan spoke on Tuesday.\n"
    '<tweet author="@SpeakerRyan">No one should be above the law. The regime must answer. '
    "pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>."
)


def test_an_embedded_post_signed_by_its_author_is_their_quotation() -> None:
    result = run(_POST)
    a = by_cue(result, "—")
    assert a.kind == "direct"
    assert span(_POST, a) == (
        "Paul Ryan (@SpeakerRyan)",
        "No one should be above the law. The regime must answer",
    )
    assert (a.speaker, a.source is not None and a.source.type) == ("Paul Ryan", "person")
    # the post is a quotation without marks; a verb inside it is the author's own words
    (post,) = [q for q in result.quotes if q.start == q.inner_start]
    assert (post.start, post.end) == (a.content.start, a.content.end) if a.content else False
    assert [x.cue.text for x in result.attributions if post.start <= x.cue.start < post.end] == []


def test_a_post_kept_without_lines_is_its_last_sentence_only() -> None:
    # where the post opens cannot be told from the writer's sentences before it
    before = "The senate met again on Monday and the debate ran on for many hours. " * 6
    text = (
        before + "They lied. The regime must go, and soon. https://t.co/x1 — Jane Roe (@janeroe) "
        "March 3, 2019"
    )
    a = by_cue(run(text), "—")
    assert span(text, a)[1] == "The regime must go, and soon"


def test_a_posts_links_are_no_part_of_it_also_when_glued_to_its_words() -> None:
    text = (
        "Fallon answered.\nIt is pathetic. It’s dangerous, too.https://t.co/hcd4 "
        "pic.twitter.com/Ab12 — Brian Fallon (@brianefallon) August 2, 2016"
    )
    assert span(text, by_cue(run(text), "—"))[1] == "It is pathetic. It’s dangerous, too"


def test_two_posts_on_one_line_are_two() -> None:
    text = (
        "Two posts.\nGo now. — Jane Roe (@janeroe) March 3, 2019 Stay here. — Joe Doe "
        "(@joedoe) March 3, 2019"
    )
    posts = [span(text, a) for a in run(text).attributions if a.cue.text == "—"]
    assert posts == [("Jane Roe (@janeroe)", "Go now"), ("Joe Doe (@joedoe)", "Stay here")]


@pytest.mark.parametrize(
    "text",
    [
        # a dash and a name with no handle and date sign no post
        "No one should be above the law. — Paul Ryan, speaking in Janesville",
        # a handle with no date is a mention, not a signature
        "Follow the debate with our reporter — Jane Roe (@janeroe) — all night.",
    ],
)
def test_a_dash_and_a_name_alone_sign_no_post(text: str) -> None:
    assert [a for a in run(text).attributions if a.cue.text == "—"] == []


# ------------------------------------------------------------------ tokenised text (clitics apart)

_TOKENISED = (
    "Ruritania ’ s Foreign Minister Alma Petrov said the talks had failed . "
    "Maren News 's Ida Lund notes that the envoy did n't come . "
    "A palace spokeswoman didn ’ t respond to a request for comment ."
)
_PLAIN = (
    "Ruritania’s Foreign Minister Alma Petrov said the talks had failed. "
    "Maren News's Ida Lund notes that the envoy didn't come. "
    "A palace spokeswoman didn’t respond to a request for comment."
)


def test_a_tokenised_text_is_read_as_the_same_text_written_plainly() -> None:
    def read(text: str) -> list[tuple[str, str | None, str | None]]:
        return [
            (a.cue.lemma, a.speaker, a.source.type if a.source else None)
            for a in run(text).attributions
        ]

    assert read(_TOKENISED) == read(_PLAIN)
    assert read(_TOKENISED) == [
        ("say", "Alma Petrov", "person"),
        ("note", "Ida Lund", "person"),
        ("respond to", "A palace spokeswoman", "anonymous"),
    ]


def test_spans_found_in_a_tokenised_text_are_offsets_into_it() -> None:
    result = run(_TOKENISED)
    for a in result.attributions:
        assert _TOKENISED[a.cue.start : a.cue.end] == a.cue.text
        if a.source is not None:
            assert _TOKENISED[a.source.start : a.source.end] == a.source.text
    spokeswoman = by_cue(result, "respond to")
    assert spokeswoman.cue.text == "didn ’ t respond to"
    assert spokeswoman.cue.negated
    assert span(_TOKENISED, by_cue(result, "said"))[0] == (
        "Ruritania ’ s Foreign Minister Alma Petrov"
    )
    assert span(_TOKENISED, by_cue(result, "notes")) == (
        "Maren News 's Ida Lund",
        "that the envoy did n't come",
    )


def test_a_name_written_apart_in_a_tokenised_text_is_one_name() -> None:
    text = (
        "Police Chief Nora O ’ Dell spoke on Monday . “ It is over , ” O ’ Dell said . "
        "O ’ Dell ’ s office said so ."
    )
    result = run(text)
    assert by_cue(result, "said").speaker == "Nora O’Dell"
    assert [a.speaker for a in result.attributions if a.cue.text == "said"][-1] == (
        "O’Dell’s office"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a surname with an apostrophe or a hyphen stands for the full name given before
        ("Police Chief Nora O’Dell spoke on Monday. “It is over,” O’Dell said.", "Nora O’Dell"),
        ("Rep. Ana Ruiz-Berg spoke. Ruiz-Berg said it was over.", "Ana Ruiz-Berg"),
        # a possessive is no surname
        ("Ana Berg spoke. Berg’s aide said it was over.", "Berg’s aide"),
    ],
)
def test_a_surname_with_an_apostrophe_or_hyphen_is_linked(text: str, speaker: str) -> None:
    assert [a.speaker for a in run(text).attributions][-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an office set off before its holder's name: the name (a role word, or a given name)
        (
            "“We are proud,” Maren Heart Association's CEO and medical director, Alma Petrov, "
            "said.",
            "Alma Petrov",
        ),
        ("Acme's President and chief executive, John Okafor, said it was fine.", "John Okafor"),
        ("The ambassador to Norway, Lars Okafor, said the talks had failed.", "Lars Okafor"),
        # the name is the head when it comes first; the appositive describes it
        ("Alma Petrov, the ambassador to Norway, said the talks had failed.", "Alma Petrov"),
        # people joined by "and" stay together
        (
            "Petrov and her adviser, John Okafor, said the talks had failed.",
            "Petrov and her adviser, John Okafor",
        ),
    ],
)
def test_the_name_after_an_office_is_who_speaks(text: str, speaker: str) -> None:
    assert by_cue(run(text), "said").speaker == speaker


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        ("Petrov leads with 31 percent, Tuesday’s Maren Polls average showed.", "document"),
        ("New estimates show that the deficit grew.", "document"),
        # the average voter is a person, not a figure
        ("The average voter says the deficit grew.", "role"),
        ("The legislation calls for new checks at the border.", "document"),
        # a noun for people is the head, whatever organisation names where they are
        ("“It was fine,” said a Maren church parishioner.", "role"),
    ],
)
def test_the_head_noun_types_the_source(text: str, source_type: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.type == source_type


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        # whose aide, adviser or envoy speaks is not who speaks
        (
            "An aide to Sen. Ana Ruiz said the talks had failed.",
            "An aide to Sen. Ana Ruiz",
            "anonymous",
        ),
        (
            "“The talks failed,” said a longtime adviser to the governor.",
            "a longtime adviser to the governor",
            "anonymous",
        ),
        ("The talks had failed, an aide to Ruiz said.", "an aide to Ruiz", "anonymous"),
        # "to" after another word still ends the phrase
        ("Speaking to reporters, the minister said the talks had failed.", "the minister", "role"),
    ],
)
def test_an_aide_to_someone_is_the_source(text: str, source: str, source_type: str) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.source.text, a.source.type) == (source, source_type)


def test_an_office_written_as_a_title_before_a_name_is_the_persons() -> None:
    text = "Former Ambassador to Norway Lars Okafor, who testified on Monday, said it was over."
    result = run(text)
    assert by_cue(result, "testified").speaker == "Lars Okafor"
    assert by_cue(result, "said").speaker == "Lars Okafor"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name before an appositive, not the appositive, is whom "who" stands for
        (
            "Lars Okafor, president of the Maren Chamber of Commerce, who expects a slump, "
            "spoke on Monday.",
            "Lars Okafor",
        ),
        (
            "The plan drew a rebuke from Rep. Ana Ruiz, R-Idaho, a senior member of the "
            "House, who said it was unfair.",
            "Ana Ruiz",
        ),
        # one of a group named as an example
        (
            "The hashtag spread among Democrats, including Rep. Ana Ruiz (D-CA), who warned "
            "against it.",
            "Ana Ruiz",
        ),
        # the phrase right before the pronoun, not the sentence's subject further back
        (
            "Reporters noted that the diplomats, including former Ambassador to Norway Lars "
            "Okafor, who testified on Monday, had raised concerns.",
            "Lars Okafor",
        ),
        # names joined by "and" before the appositive: the appositive is one of them
        (
            "The dispute was between Ruiz and Lars Okafor, the ministry's deputy counsel, who "
            "argued for the plan.",
            "the ministry's deputy counsel",
        ),
    ],
)
def test_who_stands_for_the_person_the_appositive_describes(text: str, speaker: str) -> None:
    result = run(text)
    a = next(a for a in result.attributions if a.source is not None and a.source.text == "who")
    assert a.speaker == speaker


@pytest.mark.parametrize(
    "text",
    ["Ruiz denied that he directed his aides to say nothing.", "He told aides to say nothing."],
)
def test_aides_before_an_infinitive_are_no_source_phrase(text: str) -> None:
    sources = [a.source.text for a in run(text).attributions if a.source is not None]
    assert not any(s.endswith(" to") for s in sources)


def test_a_possessive_is_no_surname_to_link() -> None:
    names = _FullNames("Half Ruiz’s donors left. Ana O’Dell spoke. Ruiz’s aides stayed.")
    assert names.resolve("Ruiz’s", 50) == "Ruiz’s"
    assert names.resolve("O’Dell", 50) == "Ana O’Dell"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # two offices of one person before the name
        (
            "According to Acme's chairman and chief executive John Okafor, it was fine.",
            "John Okafor",
        ),
        ("According to Maren's former mayor and party leader Ana Ruiz, it was fine.", "Ana Ruiz"),
        # people joined by "and" stay together
        ("According to Ruiz and Okafor, it was fine.", "Ruiz and Okafor"),
        (
            "According to the mayor and his son John Okafor, it was fine.",
            "the mayor and his son John Okafor",
        ),
        (
            "According to Mr. Okafor and the Ruiz family, it was fine.",
            "Mr. Okafor and the Ruiz family",
        ),
        (
            "The plan was criticised by left-leaning economists and by centrist Democrats.",
            "left-leaning economists and by centrist Democrats",
        ),
    ],
)
def test_offices_joined_by_and_name_one_person(text: str, speaker: str) -> None:
    assert run(text).attributions[0].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "source_type"),
    [
        # an office that names its department: the name after it, "and" the department's
        ("Secretary of Homeland Security Ana Ruiz said it was fine.", "Ana Ruiz", "person"),
        (
            "Health and Human Services Secretary Lars Okafor said it was fine.",
            "Lars Okafor",
            "person",
        ),
        (
            "U.S. Secretary of Housing and Urban Development Ana Ruiz said it was fine.",
            "Ana Ruiz",
            "person",
        ),
        (
            "Ruritania's Minister of Foreign Affairs and Trade Ida Lund said it was fine.",
            "Ida Lund",
            "person",
        ),
        # the department alone is an organisation; two people stay two
        (
            "The Department of Health and Human Services said it was fine.",
            "The Department of Health and Human Services",
            "organisation",
        ),
        (
            "Ruiz and Director of National Intelligence Lars Okafor said it was fine.",
            "Ruiz and Director of National Intelligence Lars Okafor",
            "person",
        ),
    ],
)
def test_an_office_with_its_department_names_its_holder(
    text: str, speaker: str, source_type: str
) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.speaker, a.source.type) == (speaker, source_type)


def test_more_of_an_office_is_no_part_of_the_name() -> None:
    text = "Maren Superintendent of Public Instruction Tom Okafor said it was fine."
    assert by_cue(run(text), "said").speaker != "Instruction Tom Okafor"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a hyphen with a space on each side is a dash: the subject opens after it
        (
            "In May - four months after Ruiz left office - the ministry told reporters that "
            "no records were found.",
            "told",
            "the ministry",
        ),
        (
            "The talks were slow - a former aide said the mayor stalled them.",
            "said",
            "a former aide",
        ),
        # a hyphen inside a word joins it
        ("The so-called council said the vote was void.", "said", "The so-called council"),
        ("A pro-Ruiz group said the vote was void.", "said", "A pro-Ruiz group"),
    ],
)
def test_a_spaced_hyphen_is_a_dash_before_the_subject(text: str, cue: str, source: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "source", "source_type", "speaker"),
    [
        # a dashed appositive is read as one set off by commas: the head types and names
        (
            "Ana Ruiz — a former party media aide — said the plan failed.",
            "Ana Ruiz — a former party media aide —",
            "person",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz—a former party media aide—said the plan failed.",
            "Ana Ruiz—a former party media aide—",
            "person",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz -- a former party media aide -- said the plan failed.",
            "Ana Ruiz -- a former party media aide --",
            "person",
            "Ana Ruiz",
        ),
        (
            "The Maren Post—even the devil can quote figures—observed that turnout fell.",
            "The Maren Post—even the devil can quote figures—",
            "organisation",
            "The Maren Post",
        ),
        (
            "Intelligence officials — including Director Lars Okafor — argued that it was "
            "a danger.",
            "Intelligence officials — including Director Lars Okafor —",
            "anonymous",
            "Intelligence officials",
        ),
        # a name set off after an unnamed head is still the speaker
        (
            "The aide — Ana Ruiz — said the plan failed.",
            "The aide — Ana Ruiz —",
            "person",
            "Ana Ruiz",
        ),
        # an en dash without spaces joins a name, and is no appositive
        (
            "The Ruiz–Okafor campaign said the plan failed.",
            "The Ruiz–Okafor campaign",
            "organisation",
            "The Ruiz–Okafor campaign",
        ),
    ],
)
def test_a_dashed_appositive_is_read_as_one_set_off_by_commas(
    text: str, source: str, source_type: str, speaker: str
) -> None:
    a = by_cue(run(text), "said" if " said " in text else text.split("—")[-1].split()[0])
    assert a.source is not None
    assert (a.source.text, a.source.type, a.speaker) == (source, source_type, speaker)


def test_who_after_a_dashed_appositive_is_the_name_before_it() -> None:
    text = (
        "Enter Ms. Ana Ruiz — a former party media aide who describes herself online as "
        'loving cats. "Try a little class," she wrote.'
    )
    result = run(text)
    assert by_cue(result, "describes").speaker == "Ana Ruiz"
    assert by_cue(result, "wrote").speaker == "Ana Ruiz"  # (she: the last speaker)


def test_who_right_after_a_dash_is_the_phrase_before_it() -> None:
    text = (
        "In a post on Friday, journalist Lars Okafor -- who also called for the release of "
        "the report -- repeatedly emphasized the point."
    )
    result = run(text)
    a = by_cue(result, "called for")
    assert a.speaker == "Lars Okafor"
    assert span(text, a)[1] == "the release of the report"  # not past the closing dash


def test_who_after_a_closing_dash_is_not_the_name_inside_the_appositive() -> None:
    # the clause is of the candidates ("who say"), not of the example set off between dashes
    text = (
        "The diplomat pushed back against candidates — like front-runner Lars Okafor — who "
        "say the country is in decline."
    )
    assert by_cue(run(text), "say").speaker != "Lars Okafor"


def test_a_relative_clause_in_a_dashed_appositive_reports_up_to_its_closing_dash() -> None:
    text = (
        "Ana Ruiz — a former party aide who describes herself online as loving cats — "
        "wrote a letter."
    )
    result = run(text)
    assert span(text, by_cue(result, "describes"))[1] == "herself online as loving cats"
    assert by_cue(result, "describes").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # "figures" are people in public life after these words, numbers otherwise
        ("Some party figures said the race was over.", "role"),
        ("Republican establishment figures suggested that he resign.", "role"),
        ("Census figures show that the town grew.", "document"),
        ("The latest figures show that the town grew.", "document"),
        # a justice is a person's office, whatever court names it
        ("The Supreme Court justice said she regretted her remarks.", "role"),
        ("The Justice Department said it was fine.", "organisation"),
    ],
)
def test_heads_for_people_in_public_life(text: str, source_type: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.type == source_type


def colon_relations(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (a.source.text if a.source else None, a.speaker)
        for a in run(text).attributions
        if a.kind == "colon"
    ]


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a name after "from" or "by" before a colon and a quotation speaks
        (
            "It prompted a question from Chief Justice Ana Ruiz: “What law is the council "
            "supposed to change?”",
            "Chief Justice Ana Ruiz",
            "Ana Ruiz",
        ),
        (
            '"The club will close in December," by Maren Post\'s Lars Okafor: "The club, a '
            'no-frills venue, will close."',
            "Maren Post's Lars Okafor",
            "Lars Okafor",
        ),
        # "Here's" names who speaks, not when
        (
            "Here’s Ruiz in December 1992:\xa0“Our new direction must rest on an understanding "
            "of the new realities.”",
            "Ruiz",
            "Ruiz",
        ),
        # an initial's full stop ends no sentence: the name runs on before it
        (
            "TURNOUT DOES NOT RAISE EXPECTATIONS - Lars P. Okafor: “At long last the contests "
            "have begun.”",
            "Lars P. Okafor",
            "Lars P. Okafor",
        ),
    ],
)
def test_a_name_before_a_colon_and_a_quotation_speaks(text: str, source: str, speaker: str) -> None:
    assert colon_relations(text) == [(source, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        # whom the words were addressed to or about does not speak them
        "The following day, Ruiz told Okafor: “It is going to work.”",
        "He pressed her to criticise the governor, Ana Ruiz: “Do you blame the governor?”",
        "The ferry, the mayor said of Mr. Okafor: “He is a good man.”",
    ],
)
def test_a_name_addressed_before_a_colon_does_not_speak(text: str) -> None:
    assert colon_relations(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # whom it was said of or to is named between the verb and the colon: the quotation is
        # what the verb reports
        (
            "Lars Okafor, a former aide, said of Mr. Ruiz: “He is loyal to his town.”",
            "said",
            "Lars Okafor",
        ),
        ("The following day, Ruiz told Okafor: “It is going to work.”", "told", "Ruiz"),
    ],
)
def test_a_name_between_a_verb_and_a_colon_is_whom_it_was_said_to(
    text: str, cue: str, speaker: str
) -> None:
    a = next(a for a in run(text).attributions if a.cue.text.startswith(cue))
    assert (a.speaker, a.kind) == (speaker, "direct")
    assert span(text, a)[1] == text[text.index("“") :]
    assert colon_relations(text) == []  # (the name is whom it is about or for)


def test_an_interviews_questions_and_answers_are_attributed() -> None:
    text = (
        "Ana Ruiz spoke to the Maren Post about the ferry.\n\n"
        "Q: How did things go for you?\n\n"
        "A: We had lived in fear for so long that nothing surprised us.\n\n"
        "Q: And the new ferry?\n\n"
        "A: We took it every day and it was fine."
    )
    turns = [
        (a.source.text, a.source.type, a.speaker, span(text, a)[1])
        for a in run(text).attributions
        if a.kind == "colon" and a.source is not None
    ]
    assert turns == [
        ("Q", "role", None, "How did things go for you?"),
        ("A", "role", None, "We had lived in fear for so long that nothing surprised us"),
        ("Q", "role", None, "And the new ferry?"),
        ("A", "role", None, "We took it every day and it was fine"),
    ]  # (Ana Ruiz is named once before the questions: too little to say she answers)


def test_an_interviews_answers_are_the_person_its_introduction_names_most() -> None:
    text = (
        "Actress Ana Ruiz has become a familiar figure through her roles, but few knew that "
        "Ruiz had been on her own since age 14, director Lars Okafor said.\n\n"
        "Q: How did things go for you?\n\n"
        "A: I kept quiet and pretended nothing had happened at home."
    )
    speakers = {
        a.source.text: a.speaker for a in run(text).attributions if a.kind == "colon" and a.source
    }
    assert speakers == {"Q": None, "A": "Ana Ruiz"}


def test_a_lone_letter_label_outside_an_interview_is_no_speaker() -> None:
    text = "The plan has three parts.\n\nA: The ferry runs every hour from the harbour to the bay."
    assert colon_relations(text) == []


def test_a_transcripts_turns_under_names_in_capitals() -> None:
    text = (
        "The campaign says it is unwilling to debate.\n\n"
        "KATE OKAFOR: Why not debate?\n\n"
        "JOEL RUIZ: This is a man who said he would never run a negative campaign."
    )
    assert colon_relations(text) == [("KATE OKAFOR", "Kate Okafor"), ("JOEL RUIZ", "Joel Ruiz")]


@pytest.mark.parametrize(
    ("cue", "stance"),
    [
        # cue card 1.12.0: verbs of speaking, each with its stance
        ("quipped", "neutral"),
        ("mused", "neutral"),
        ("clarified", "neutral"),
        ("reaffirmed", "neutral"),
        ("speculated", "neutral"),
        ("summarised", "neutral"),
        ("lauded", "neutral"),
        ("refuted", "endorsing"),
        ("swore", "distancing"),
        ("lambasted", "charged"),
        ("lambast", "charged"),
        ("chided", "charged"),
        ("derided", "charged"),
        ("yelled", "charged"),
        ("trumpeted", "charged"),
    ],
)
def test_more_verbs_of_speaking(cue: str, stance: str) -> None:
    text = f"The committee chair {cue} that the contract had been awarded without a tender."
    assert by_cue(run(text), cue).cue.stance == stance


@pytest.mark.parametrize(
    ("not_reporting", "reporting", "lemma"),
    [
        (
            "The new mayor was sworn in on Monday.",
            "The mayor swore that the ferry would run.",
            "swear",
        ),
        ("The two men are sworn enemies.", "Ruiz has sworn that he never met Okafor.", "swear"),
        ("Both candidates hail from Maren.", "Ruiz hailed the vote as a victory.", "hail"),
        ("The order had more bark than bite.", "“Go back,” Ruiz barked.", "bark"),
        (
            "It was a Hail Mary pass by the campaign.",
            "The council hailed the ruling as fair.",
            "hail",
        ),
    ],
)
def test_new_card_rules_separate_speaking_from_other_senses(
    not_reporting: str, reporting: str, lemma: str
) -> None:
    # lexicons/cues.toml: sworn_in, hail_from, capitalized, bark_than
    assert lemma not in [a.cue.lemma for a in run(not_reporting).attributions]
    assert lemma in [a.cue.lemma for a in run(reporting).attributions]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a noun in -s that is no plural modifies the head after it
        (
            'The communications chief also took a shot at the mayor, writing "your parents do '
            'not respect their positions."',
            "The communications chief",
        ),
        (
            "The news director took a shot at the mayor, saying it came too late.",
            "The news director",
        ),
        (
            "The sales chief took the offer off the table, saying it came too late.",
            "The sales chief",
        ),
        # a plural is no modifier: the verb after it is the clause's
        ("The voters took a stand, saying the plan came too late.", "The voters"),
    ],
)
def test_the_subject_of_a_participle_keeps_a_modifier_in_s(text: str, source: str) -> None:
    a = next(a for a in run(text).attributions if a.cue.text in {"writing", "saying"})
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the name after an office names the speaker, whatever institution the office is of,
        # "and" inside the institution's name or the office's
        (
            "Centers for Ferry Control and Prevention director Dr. Ana Ruiz said it was fine.",
            "Ana Ruiz",
        ),
        (
            "Health and Human Services Department spokeswoman Ana Ruiz said it was fine.",
            "Ana Ruiz",
        ),
        (
            "University of Maren School of Law professor Lars Okafor said it was fine.",
            "Lars Okafor",
        ),
        (
            "Former Secretary of State and Democratic presidential frontrunner Ana Ruiz said "
            "it was fine.",
            "Ana Ruiz",
        ),
        (
            "Lars Okafor of the Center for Ferry Research and Policy at the University of Maren "
            "said it was fine.",
            "Lars Okafor",
        ),
        # two people stay two
        (
            "Ana Ruiz of Maren and Lars Okafor of Ruritania said it was fine.",
            "Ana Ruiz of Maren and Lars Okafor of Ruritania",
        ),
        ("Ruiz of Maren and Okafor said it was fine.", "Ruiz of Maren and Okafor"),
    ],
)
def test_the_name_after_an_office_of_an_institution(text: str, speaker: str) -> None:
    assert by_cue(run(text), "said").speaker == speaker


def test_the_name_after_an_office_is_named_without_its_possessive() -> None:
    assert person_name("Republican presidential candidate Ana Ruiz’s") == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # a party's member with an article is someone described, not a name
        ("The Republican said the vote was rigged.", "role"),
        ("A Democrat said the vote was fair.", "role"),
        ("One Republican said the vote was rigged.", "role"),
        # (with more words, as before)
        ("The Wisconsin Republican said the vote was rigged.", "role"),
    ],
)
def test_a_party_member_with_an_article_is_a_role(text: str, source_type: str) -> None:
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert a.source.type == source_type


def test_he_after_a_party_member_is_the_person_named_before() -> None:
    text = (
        "Lars Okafor spoke in Maren on Monday. “It might surprise you,” the Republican said. "
        "He blamed the debt for the low rates."
    )
    assert by_cue(run(text), "blamed").speaker == "Lars Okafor"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a personal title before a name that also names a network or a document: a person
        (
            "Fox News reported the story on Monday. Don Okafor Fox, a former director, "
            "testified. “Walt spoke out because he felt he had to,” said Mr. Fox.",
            "said",
            "Don Okafor Fox",
        ),
        (
            "Lars Book, an analyst, was asked about the vote. “The momentum has gotten so "
            "great,” Mr. Book said.",
            "said",
            "Lars Book",
        ),
    ],
)
def test_a_personal_title_makes_a_person(text: str, cue: str, speaker: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert (a.source.type, a.speaker) == ("person", speaker)


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # rules, rulings, recordings and images as the head of a source are documents
        ("The guidelines say that masks are optional.", "document"),
        ("State law says that the ballots must arrive by Friday.", "document"),
        ("The ruling said the map was drawn unfairly.", "document"),
        ("Satellite photos show that the camp has grown.", "document"),
        ("The affidavit said the mayor had known of the deal.", "document"),
        # not where they only modify the head, nor in a name, nor at the end of a clause
        ("Law enforcement officials said the camp had grown.", "anonymous"),
        ("Lars Law said the camp had grown.", "person"),
        ("Ruiz later held up the same map, saying the camp had grown.", "person"),
    ],
)
def test_rules_rulings_and_recordings_are_documents(text: str, source_type: str) -> None:
    a = run(text).attributions[0]
    assert a.source is not None
    assert a.source.type == source_type


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a sentence adverb and its comma open the sentence, not its subject
        (
            "Ultimately, Mr. Lars Okafor disregarded the advice and refused to sign the deal.",
            "refused",
            "Lars Okafor",
        ),
        # a participle's phrase before an appositive: the name before both speaks
        (
            "Sen. Ana Ruiz, facing a spirited challenge in Maren, a swing state, said she "
            "would welcome Okafor.",
            "said",
            "Ana Ruiz",
        ),
        # an adjective in -ing opens an appositive, not a participle's phrase
        (
            "But Lars Okafor, acting political director of Maren Action, which organized the "
            "letter, said the response was weak.",
            "said",
            "Lars Okafor",
        ),
    ],
)
def test_what_opens_a_sentence_or_follows_a_name_before_its_verb(
    text: str, cue: str, speaker: str
) -> None:
    assert by_cue(run(text), cue).speaker == speaker


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a span of time between the subject and its verb is no part of the subject
        ("When Ruiz a month later announced 6,000 layoffs, some workers fled.", "Ruiz"),
        ("The ministry less than two weeks ago said the ferry was safe.", "The ministry"),
        # after a conjunction the span opens the second verb's clause, whose subject is the
        # first verb's
        ("He called it a hoax and 10 days later said the ferry was safe.", "He"),
        ("Ruiz called it a hoax, but a week later said the ferry was safe.", "Ruiz"),
        # a span that opens the clause is no part of its subject
        ("It sank on March 9. Ten days later officials said the ferry was safe.", "officials"),
        ("Ruiz left, and two years later the ministry said the ferry was safe.", "the ministry"),
    ],
)
def test_a_span_of_time_between_subject_and_verb(text: str, source: str) -> None:
    a = next(a for a in run(text).attributions if a.cue.text.endswith(("announced", "said")))
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # the full stop of a title or a party label between a quotation and its cue ends no
        # sentence: the quotation is the cue's
        ("The vote failed.\n“We will be back,” Sen. Ana Ruiz said.", "Sen. Ana Ruiz", "Ana Ruiz"),
        (
            "The vote failed.\n“We will be back,” Ana Ruiz (D-Conn.) said.",
            "Ana Ruiz (D-Conn.)",
            "Ana Ruiz",
        ),
        (
            "The vote failed.\n“We will be back,” Rep. Ana Ruiz, R-N.C., told reporters.",
            "Rep. Ana Ruiz, R-N.C.,",
            "Ana Ruiz",
        ),
        # a quoted medium after the cue is not what was said
        (
            'The vote failed.\n“We will be back,” Rep. Ana Ruiz, R-N.C., told "Maren Today."',
            "Rep. Ana Ruiz, R-N.C.,",
            "Ana Ruiz",
        ),
    ],
)
def test_a_quotation_before_a_titled_or_labelled_source_is_direct(
    text: str, source: str, speaker: str
) -> None:
    (a,) = run(text).attributions
    assert a.kind == "direct"
    assert span(text, a) == (source, "“We will be back,”")
    assert a.speaker == speaker


def test_a_sentence_between_a_quotation_and_a_cue_still_parts_them() -> None:
    text = "The vote failed.\n“We will be back.” Ruiz then left. Okafor said it was over."
    (a,) = run(text).attributions
    assert (a.kind, a.speaker) == ("indirect", "Okafor")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a party label before an appositive: the name before the label speaks
        (
            "Rep. Ana Ruiz, D-N.Y., the former chair of the Maren panel, said it was wrong.",
            "Ana Ruiz",
        ),
        (
            "“It was wrong,” Rep. Ana Ruiz, R-Ohio, the former chair of the panel, said.",
            "Ana Ruiz",
        ),
        # a party label in parentheses with a comma: no appositive
        ("“It was wrong,” Senate Majority Whip Lars Okafor (R., Maren) said.", "Lars Okafor"),
        ("Sen. Ana Ruiz (D., N.Y.), who chairs the panel, said it was wrong.", "Ana Ruiz"),
    ],
)
def test_a_party_label_is_no_part_of_the_name(text: str, speaker: str) -> None:
    (a,) = run(text).attributions
    assert a.speaker == speaker
    assert a.source is not None
    assert a.source.type == "person"


def test_a_noun_like_verb_after_a_quotation_and_its_subject_reports() -> None:
    text = "“We appreciate your willingness to talk,” the letter states. “However, we disagree.”"
    first, second = run(text).attributions
    assert (first.cue.text, first.kind, first.speaker) == ("states", "direct", "the letter")
    assert first.source is not None
    assert first.source.type == "document"
    assert (second.kind, second.speaker) == ("continuation", "the letter")


@pytest.mark.parametrize(
    "text",
    [
        "He campaigned “across the nation,” in the states.",
        "They toured “every corner,” visiting the swing states.",
    ],
)
def test_a_plural_noun_after_a_quotation_reports_nothing(text: str) -> None:
    assert not [a for a in run(text).attributions if a.cue.text == "states"]


def test_who_after_a_party_label_is_the_name_before_it() -> None:
    text = "The bill passed. It was opposed by Sen. Ana Ruiz, D-N.Y., who said it was a mistake."
    assert by_cue(run(text), "said").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an office of a body named with its article, and a title inside that name
        ("Speaker of the House Ana Ruiz said the vote would wait.", "Ana Ruiz"),
        ("Chairman of the Joint Chiefs of Staff Ana Ruiz said the vote would wait.", "Ana Ruiz"),
        ("Secretary of the Navy Ana Ruiz said the vote would wait.", "Ana Ruiz"),
        # a place before an office "of" a department
        ("Maren Secretary of State Lars Okafor said the vote would wait.", "Lars Okafor"),
    ],
)
def test_the_name_after_an_office_of_the_body(text: str, speaker: str) -> None:
    a = by_cue(run(text), "said")
    assert a.speaker == speaker
    assert a.source is not None
    assert a.source.type == "person"


@pytest.mark.parametrize(
    ("text", "source_type"),
    [
        # a common noun whose names come only in what modifies it is typed by the noun
        (
            "The vote was delayed, according to a summary published by Ana Ruiz.",
            "document",
        ),
        ("The vote was delayed, according to a report Tuesday from WKRN.", "document"),
        ("The vote was delayed, according to a contract she signed in May 2017.", "document"),
        ("The vote was delayed, according to the city of Maren.", "organisation"),
        # a name after adjectives, or after a participle that names, is the person's
        ("A teary-eyed Okafor said the vote was delayed.", "person"),
        ("A newly elected Okafor said the vote was delayed.", "person"),
        ("A woman named Ana Ruiz said the vote was delayed.", "person"),
    ],
)
def test_what_modifies_a_common_noun_does_not_make_it_a_person(text: str, source_type: str) -> None:
    (a,) = run(text).attributions
    assert a.source is not None
    assert a.source.type == source_type


def test_who_after_a_thing_of_someone_is_that_someone() -> None:
    text = "It was a symbolic victory for Ana Ruiz, who has often complained about the press."
    assert by_cue(run(text), "has often complained about").speaker == "Ana Ruiz"


def test_who_after_a_person_of_someone_is_the_person() -> None:
    text = "They hired a lawyer for Ana Ruiz, who said the case was weak."
    a = by_cue(run(text), "said")
    assert a.speaker == "a lawyer for Ana Ruiz"
    assert a.source is not None
    assert a.source.type == "role"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # two people are named as each would be alone
        (
            "Sen. Ana Ruiz (D-N.Y.) and Rep. Maria Okafor (R-Ohio) said the bill was dead.",
            "Ana Ruiz and Maria Okafor",
        ),
        (
            "House Speaker Ana Ruiz and Senate Majority Leader Maria Okafor said it was dead.",
            "Ana Ruiz and Maria Okafor",
        ),
        # one person's two offices joined by "and" stay one phrase
        (
            "Maren Emergency Management and Homeland Security Director Lars Okafor said the "
            "bill was dead.",
            "Maren Emergency Management and Homeland Security Director Lars Okafor",
        ),
        ("Popular author and speaker Ana Ruiz said the bill was dead.", "Ana Ruiz"),
        # an organisation's acronym in parentheses is no part of its name
        (
            "The Maren Health Organization (MHO) said the outbreak was over.",
            "The Maren Health Organization",
        ),
    ],
)
def test_how_joined_names_and_acronyms_are_named(text: str, speaker: str) -> None:
    assert by_cue(run(text), "said").speaker == speaker


def test_what_a_verb_reports_ends_before_a_span_of_time_and_a_second_verb() -> None:
    text = "He called it a hoax and 10 days later said the ferry was safe."
    called = by_cue(run(text), "called")
    assert called.content is not None
    assert text[called.content.start : called.content.end] == "it a hoax"


def test_a_decimal_point_between_a_quotation_and_its_cue_ends_no_sentence() -> None:
    text = "Sales rose.\n“So far, so good,” Maren Corp. MRN 0.21% chief Ana Ruiz said."
    (a,) = run(text).attributions
    assert (a.kind, a.speaker) == ("direct", "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a quantifier with nothing before it in its clause is the subject
        ("On Social Security, both oppose the chained formula.", "both"),
        ("After the vote, all agreed that the plan was dead.", "all"),
        # after a subject it is no part of it
        ("On taxes, they both said the plan was dead.", "they"),
        ("Ruiz and Okafor both said the plan was dead.", "Ruiz and Okafor"),
    ],
)
def test_a_quantifier_alone_is_a_subject(text: str, source: str) -> None:
    (a,) = run(text).attributions
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # where, when or how it was said, between the verb and the colon before its quotation
        ('Ruiz said in a statement on Monday: "We are proud of our record."', "said"),
        ('Ruiz wrote in an email to supporters: "We are proud of our record."', "wrote"),
        ("Ruiz told reporters at a news conference: “We are proud of our record.”", "told"),
        ("Ruiz said in a statement:\n“We are proud of our record.”", "said"),
    ],
)
def test_a_circumstance_before_a_colon_and_a_quotation(text: str, cue: str) -> None:
    a = by_cue(run(text), cue)
    assert a.kind == "direct"
    assert span(text, a)[1] in {'"We are proud of our record."', "“We are proud of our record.”"}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a clause of its own, or a second verb, between the verb and the colon
        ("Ruiz said in Iowa that the plan was dead: “We will win.”", "said"),
        ('When asked why, Ruiz responded in a text message: "We will win."', "asked"),
        ("Ruiz said in an interview, but added: “We will win.”", "said"),
        # a quotation that ends in a comma has a cue of its own after it
        ("Ruiz warned voters on Monday: “We will win,” Ruiz tweeted.", "warned"),
    ],
)
def test_no_circumstance_before_a_colon_and_a_quotation(text: str, cue: str) -> None:
    a = by_cue(run(text), cue)
    assert a.kind != "direct"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's asides with "say" (cue card 1.13.0: say_aside, said_than_done,
        # without_saying, lets_say)
        "That said, the plan has flaws.",
        "Having said that, the plan has flaws.",
        "That being said, the plan has flaws.",
        "The plan is, to say the least, ambitious.",
        "A country like, say, Ruritania would object.",
        "It goes without saying that the plan is ambitious.",
        "Let’s say the plan fails.",
        "Let’s say that the plan works.",
        "It is easier said than done.",
    ],
)
def test_the_writers_asides_with_say_are_no_relations(text: str) -> None:
    assert run(text).attributions == ()


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("“We won,” they say, “and we will win again.”", "say", "they"),
        ("Officials say, however, that the plan failed.", "say", "Officials"),
        ("Ruiz said that said plan would fail.", "said", "Ruiz"),
    ],
)
def test_say_with_a_subject_in_its_clause_still_reports(text: str, cue: str, source: str) -> None:
    a = by_cue(run(text), cue)
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a plural for a group or for unnamed people as the inverted subject
        ("“It failed,” said aides.", "aides"),
        ("The plan failed, say analysts.", "analysts"),
        ("“It failed,” said people familiar with the matter.", "people familiar with the matter"),
        ("“It failed,” said sources close to Ruiz.", "sources close to Ruiz"),
    ],
)
def test_a_plural_after_the_cue_is_its_inverted_subject(text: str, source: str) -> None:
    (a,) = run(text).attributions
    assert a.source is not None
    assert a.source.text == source


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # the lower-case words that say who a named person is, before the name
        ("“It failed,” said spokesman Lars Okafor.", "spokesman Lars Okafor", "Lars Okafor"),
        ("“It failed,” said longtime Democratic strategist Ana Ruiz.",
         "longtime Democratic strategist Ana Ruiz", "Ana Ruiz"),
        ("“It failed,” says poll respondent Ana Ruiz, 34, of Maren.", "poll respondent Ana Ruiz",
         "Ana Ruiz"),
        ("“It failed,” said retired Army Lt. Gen. Lars Okafor.",
         "retired Army Lt. Gen. Lars Okafor", "Lars Okafor"),
        ("“It failed,” said conservative Rep. Ana Ruiz.", "conservative Rep. Ana Ruiz",
         "Ana Ruiz"),
        ("The plan failed, said epidemiologist Ana Ruiz.", "epidemiologist Ana Ruiz", "Ana Ruiz"),
        # an age before them
        ("“It failed,” said 69-year-old retired nurse Ana Ruiz.",
         "69-year-old retired nurse Ana Ruiz", "Ana Ruiz"),
        ("“It failed,” said 34-year-old Lars Okafor.", "34-year-old Lars Okafor", "Lars Okafor"),
    ],
)  # fmt: skip
def test_a_name_after_words_for_who_it_is_is_the_inverted_subject(
    text: str, source: str, speaker: str
) -> None:
    (a,) = [a for a in run(text).attributions if a.kind != "continuation"]
    assert a.source is not None
    assert (a.source.text, a.source.type, a.speaker) == (source, "person", speaker)


def test_a_source_after_a_state_that_ends_a_sentence_starts_the_next_one() -> None:
    text = "Two were killed in Maren, Calif. The Islamic State said the two were its followers."
    a = by_cue(run(text), "said")
    assert a.source is not None
    assert (a.source.text, a.source.type) == ("The Islamic State", "organisation")


@pytest.mark.parametrize(
    "text",
    [
        "“It failed,” said local officials.",  # no name: no source found here
        "“It failed,” said either Democrats or Republicans.",  # a function word first
        "This “clarification” reads like The Maren Onion.",
        "“It failed,” said more Maren Voters.",
        "“It failed,” said 69-year-old voters.",
    ],
)
def test_lower_case_words_before_capitals_are_not_always_who_is_named(text: str) -> None:
    for a in run(text).attributions:
        assert a.source is None


@pytest.mark.parametrize(
    "text", ["Show voters your back taxes.", "The mayor blamed voters for the delay."]
)
def test_a_plural_object_of_the_cue_is_no_source(text: str) -> None:
    assert all(
        a.source is None or a.source.text.split()[0] != "voters" for a in run(text).attributions
    )
