"""Sentence splitting: the sentence shown beside a claim is the one a reader would quote."""

from __future__ import annotations

import pytest

from consistency.rules import load_rules


@pytest.fixture(scope="module")
def split():
    splitter = load_rules().compiled.splitter

    def run(text: str) -> list[str]:
        sentences = splitter.split(text)
        for s in sentences:  # offsets always point at the sentence text
            assert text[s.start : s.end] == s.text
        return [s.text for s in sentences]

    return run


@pytest.mark.parametrize("text, expected", [
    ("Gen. Ivanov flew in on Jan. 12 with a delegation. Talks began at once.",
     ["Gen. Ivanov flew in on Jan. 12 with a delegation.", "Talks began at once."]),
    ("The U.S. envoy arrived on Monday. She left on Tuesday.",
     ["The U.S. envoy arrived on Monday.", "She left on Tuesday."]),
    ("The decree No. 17 was signed late. It took effect at once.",
     ["The decree No. 17 was signed late.", "It took effect at once."]),
    ("Dr. Amina Patel treated 40 patients. Nurses helped her.",
     ["Dr. Amina Patel treated 40 patients.", "Nurses helped her."]),
    ("Mr. Brown and Mrs. Green met Prof. Lee on Sept. 4. They agreed.",
     ["Mr. Brown and Mrs. Green met Prof. Lee on Sept. 4.", "They agreed."]),
])
def test_abbreviations_do_not_end_sentences(split, text, expected):
    assert split(text) == expected


def test_quote_with_said_continuation_stays_one_sentence(split):
    text = '"We will stay until the job is done," he said. The army agreed.'
    assert split(text) == ['"We will stay until the job is done," he said.', "The army agreed."]


def test_question_in_quotes_continues_with_lower_case_speaker(split):
    text = '"Is the bridge safe?" she asked. Nobody answered.'
    assert split(text) == ['"Is the bridge safe?" she asked.', "Nobody answered."]


def test_quote_with_two_sentences_splits_inside_the_quote(split):
    text = '"The bridge is closed. Nobody may cross," the mayor said. Traffic stopped.'
    assert split(text) == ['"The bridge is closed.', 'Nobody may cross," the mayor said.', "Traffic stopped."]


@pytest.mark.parametrize("text, expected", [
    ("Inflation reached 7.5 percent in March. Prices fell.", ["Inflation reached 7.5 percent in March.", "Prices fell."]),
    ("The loan is worth $4.2 million. Talks go on.", ["The loan is worth $4.2 million.", "Talks go on."]),
    ("Turnout was 0.5 points higher. Few noticed.", ["Turnout was 0.5 points higher.", "Few noticed."]),
])
def test_decimals_do_not_end_sentences(split, text, expected):
    assert split(text) == expected


def test_initials_do_not_end_sentences(split):
    text = "The report was signed by J. R. Smith and A. Jones on Friday. They left."
    assert split(text) == ["The report was signed by J. R. Smith and A. Jones on Friday.", "They left."]


def test_paragraph_break_ends_a_sentence_without_punctuation(split):
    text = "Floods hit the valley\n\nRescuers worked through the night"
    assert split(text) == ["Floods hit the valley", "Rescuers worked through the night"]


def test_headline_line_break_ends_a_sentence(split):
    text = "Troops leave the capital\nThe withdrawal began on Thursday."
    assert split(text) == ["Troops leave the capital", "The withdrawal began on Thursday."]


def test_hand_wrapped_line_continuing_in_lower_case_is_one_sentence(split):
    text = "The troops crossed the border and\nmoved toward the city on Monday. Residents fled."
    assert split(text) == ["The troops crossed the border and\nmoved toward the city on Monday.", "Residents fled."]


def test_lower_case_line_after_a_full_stop_is_a_new_sentence(split):
    text = "The troops crossed the border.\nmeanwhile the talks stalled."
    assert split(text) == ["The troops crossed the border.", "meanwhile the talks stalled."]


def test_exclamation_and_question_marks_end_sentences(split):
    text = "Prices rose 2.5 percent in May! Will they fall? Economists doubt it."
    assert split(text) == ["Prices rose 2.5 percent in May!", "Will they fall?", "Economists doubt it."]


def test_sentence_starting_with_a_digit(split):
    text = "The rally was large. 300 people were detained."
    assert split(text) == ["The rally was large.", "300 people were detained."]


def test_offsets_skip_surrounding_space(split):
    splitter = load_rules().compiled.splitter
    text = "  Troops left.   Talks began.  "
    sentences = splitter.split(text)
    assert [(s.start, s.end) for s in sentences] == [(2, 14), (17, 29)]


def test_empty_and_blank_text_has_no_sentences(split):
    assert split("") == []
    assert split("  \n\n ") == []
