"""The phrases of an Ofsted visit letter that the field readers look for."""
from __future__ import annotations

import re

from parsers.common.dates import MONTH, ORDINAL, WEEKDAY
from parsers.common.ofsted_letters import _APOS, VISIT_KIND
from parsers.common.word_lists import any_word, load_word_lists

# Vocabularies: vocabulary.toml beside this file.
_WORDS = load_word_lists(__file__, "vocabulary.toml")

# The same line without "children's services" ("Monitoring visit to Torbay Council"), trusted only
# directly under the salutation.
SUBJECT_LOOSE = re.compile(rf"^\s*(?:Re:\s*)?{VISIT_KIND}\s+(?:of|to|at)\s+(?:the\s+)?([A-Z].*?)\s*$", re.I)
# The same sentence's object: "... visit to Gloucestershire children's services on ...".
FINDINGS_AUTHORITY = re.compile(
    rf"{VISIT_KIND}\s+(?:of|to|at)\s+(.+?)\s*(?:local\s+authority\s+)?children{_APOS}?s?\s+services\b", re.I
)
# Paragraphs after the findings that are formula, not findings.
CLOSING_FORMULA = re.compile(
    r"^\s*(?:I\s+am\s+copying\s+this\s+letter|Ofsted\s+will\s+take\s+the\s+findings|"
    r"This\s+letter\s+will\s+be\s+published|Yours\s+(?:sincerely|faithfully))",
    re.I,
)
# Bullet glyphs: the bullet characters, geometric shapes (■ ● ◼ ▪), dingbats (➢ ✓), arrows, and
# a dash or asterisk followed by a space.
BULLET = re.compile(r"^\s*(?:[\u2022\u2023\u2043\u2219\u00b7\u25a0-\u25ff\u2190-\u21ff\u2700-\u27bf]|[*\-\u2013\u2014](?=\s))\s*")
ADDRESSEE_ROLE = any_word(_WORDS["addressee_roles"])
# Inspectors' titles as Ofsted prints them; they separate names in the inspectors' sentence.
INSPECTOR_TITLE = re.compile(
    rf"\b(?:Senior\s+)?(?:Her|His)\s+Majesty{_APOS}s\s+Inspectors?\b|\bSenior\s+HMI\b|\bHMIs?\b|"
    r"\bOfsted\s+Inspectors?\b|\bSocial\s+Care\s+Regulatory\s+Inspectors?\b|\b(?:lead\s+)?inspectors?\b",
    re.I,
)
# The sentence that names the inspectors: "carried out by", "The inspectors were", "... Inspectors X and Y".
INSPECTOR_MENTION = re.compile(
    rf"Majesty{_APOS}s\s+Inspector|\bHMI\b|\bOfsted\s+Inspector|\bcarried\s+out\s+by\b|\bcarried\s+out\s+this\b"
    r"|\binspectors?\s+(?:were|was)\b|\bled\s+by\b",
    re.I,
)
NOT_A_NAME = set(_WORDS["not_a_name"])
ORGANISATION_WORDS = set(_WORDS["organisation_words"])
ORDINALS = {word: number for number, word in enumerate(_WORDS["ordinals"], start=1)}
_ORDINAL = r"(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))"
# "The visit was the eighth monitoring visit", "This was the first monitoring visit".
VISIT_NUMBER = re.compile(rf"\b(?:was|is)\s+(?:the|its|our)\s+{_ORDINAL}\s+(?:\w+\s+)?monitoring\s+visit", re.I)
VISIT_NUMBER_LOOSE = re.compile(rf"\b{_ORDINAL}\s+(?:\w+\s+)?monitoring\s+visit", re.I)

# A span of visit dates: "18 February 2020", "18 and 19 February", "between 3 and 5 March 2020",
# "Tuesday 30 November to Thursday 2 December 2021", "31 December 2019 and 2 January 2020".
_DATE_ITEM = rf"(?:{WEEKDAY}\s+)?\d{{1,2}}{ORDINAL}\b(?:\s+(?:of\s+)?{MONTH},?)?(?:\s+\d{{4}}\b)?"
_DATE_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|to|until|till)\s+|\s*[-\u2013\u2014]\s*)"
DATE_SPAN = re.compile(rf"(?<![\w/.]){_DATE_ITEM}(?:{_DATE_JOIN}{_DATE_ITEM})*", re.I)
HAS_MONTH = re.compile(rf"\b{MONTH}", re.I)

# Where the letter says which areas the visit covered.
AREAS_HEADING = re.compile(r"\bcovered\b|\bfocus\s+of\s+(?:the|this)\s+visit\b|\bareas?\s+of\s+focus\b", re.I)
# Prose forms of the same: "... reviewed the progress made in the area of help and protection."
AREA_PROSE = re.compile(
    r"\b(?:evaluated|looked\s+at|reviewed|considered|focused\s+on)\s+"
    r"(?:the\s+progress\s+(?:made\s+)?(?:in|on)\s+(?:the\s+)?(?:area(?:s|\(s\))?\s+of\s+)?)?(.+?)\s*\.?$",
    re.I,
)
AREA_PROSE_SUBJECT = re.compile(r"^\s*(?:During\s+this\s+visit,?\s+)?(?:inspectors|this\s+visit|the\s+visit)\b", re.I)
# The authority as analysts name it: "the London Borough of Hackney" is Hackney, "Leeds City Council" Leeds.
LA_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of\s+)?", re.I)
LA_SUFFIX = re.compile(
    r"\s+(?:(?:Metropolitan\s+)?(?:County|City|Borough|District|Metropolitan)\s+)?Council(?:'s|\u2019s)?$", re.I
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u2018\"'])")


