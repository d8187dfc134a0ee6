"""The word checks that let the minutes parser skip a costly pattern must never skip one that matches
(parsers/common/folding.py): a text re.IGNORECASE would match holds the word after folding."""
from __future__ import annotations

import re
import string

from parsers.common.folding import folded, mentions
from parsers.minutes.apologies import apologies_in_text
from parsers.minutes.lines import MinutesLine
from parsers.minutes.nlp import is_cabinet_role

# Every code point below 0x3000 (Latin, Greek, Cyrillic, punctuation, letterlike symbols) and the
# Kelvin sign: where re.IGNORECASE finds an ASCII letter in a character other than the letter itself.
_CHARACTERS = [chr(c) for c in range(0x3000) if not 0xD800 <= c <= 0xDFFF] + ["\u212a"]


def test_a_letter_re_ignorecase_matches_is_the_letter_after_folding():
    odd = 0
    for letter in string.ascii_lowercase:
        word = f"x{letter}y"
        pattern = re.compile(word, re.I)
        for ch in _CHARACTERS:
            text = f"X{ch}Y"
            if pattern.fullmatch(text):
                odd += ch.lower() != letter
                assert mentions(folded(text), word), (letter, hex(ord(ch)))
    assert odd == 3  # str.lower misses the long s, the dotless i and the dotted capital I (the Kelvin sign lowers to k)


def test_folding_keeps_a_word_with_a_dotted_capital_i_whole():
    assert "virtual" not in "VİRTUAL".lower()  # why str.lower alone would not do
    assert mentions(folded("attended VİRTUALLY"), "virtual")
    assert not mentions(folded("attended in person"), "virtual", "remote")


def _lines(*texts: str) -> list[MinutesLine]:
    return [MinutesLine(t, 1, n, starts_paragraph=n == 1) for n, t in enumerate(texts, start=1)]


def test_attendance_is_read_when_the_words_print_with_odd_capitals():
    plain = apologies_in_text(_lines("Mrs C Bell attended the meeting virtually."), apologies_item=False)
    odd = apologies_in_text(_lines("Mrs C Bell attended the meeting VİRTUALLY."), apologies_item=False)
    assert [(e.person.name, e.mode) for e in plain] == [("C Bell", "virtual")]
    assert [(e.person.name, e.mode) for e in odd] == [("C Bell", "virtual")]


def test_an_item_without_the_words_gives_no_attendance():
    assert apologies_in_text(_lines("The Panel noted the report.", "Mr A Smith presented it."), apologies_item=False) == []


def test_virtual_attendance_wrapped_over_lines_is_still_read():
    entries = apologies_in_text(_lines("Mr A Smith and Ms B Jones attended the meeting via", "Teams."),
                                apologies_item=False)
    assert [(e.person.name, e.mode) for e in entries] == [("A Smith", "virtual"), ("B Jones", "virtual")]


def test_cabinet_roles_are_still_recognised_behind_the_word_check():
    assert is_cabinet_role("Cabinet Member for Education and Skills")
    assert is_cabinet_role("Deputy Leader of the Council")
    assert not is_cabinet_role("Director of Children's Services")


def test_an_ascii_text_folds_as_lower_casing_it_and_others_by_the_full_rule():
    # The ASCII path skips the three replacements; on real minutes' lines both paths must agree.
    from conftest import MODERNGOV
    from extract.reading import read_source

    texts = [line.text for line in read_source(MODERNGOV / "kent-county-council-2025-02-13-minutes.pdf").lines]
    assert any(t.isascii() for t in texts) and any(not t.isascii() for t in texts)
    for text in texts + ["VİRTUALLY ſubstitute ıtem"]:
        assert folded(text) == text.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")


def test_a_sentence_the_decision_matcher_matches_passes_the_word_order_check():
    # decision_kind tokenises only sentences whose folded words stand in a pattern's order with only
    # spaces between: the matcher run on every sentence of real minutes must never find one it skipped.
    from conftest import MODERNGOV, SEEDS
    from extract.reading import read_source
    from parsers.minutes.decisions import _sentences
    from parsers.minutes.nlp import _may_record_a_decision, pipeline

    nlp, matchers = pipeline()
    texts = [line.text for name in ("kent-cabinet-2025-01-30-minutes.pdf", "kent-county-council-2025-02-13-minutes.pdf")
             for line in read_source(MODERNGOV / name).lines]
    texts += [line.text for path in sorted(SEEDS.glob("*.txt")) for line in read_source(path).lines]
    texts += ["The Sub-Committee  AGREED the plan.", "It was\tunanimously agreed.", "The Reports were noted.",
              "The minutes were APPROVED as a correct record.", "The Council’s report was noted"]
    matched = 0
    for text in texts:
        for sentence in _sentences(text):
            if matchers["decision"](nlp.make_doc(sentence)):
                matched += 1
                assert _may_record_a_decision(folded(sentence)), sentence
    assert matched >= 10
