"""The splitter's word lists (`vocabulary.toml`), loaded once and compiled to whole-word patterns."""
from __future__ import annotations

from parsers.common.word_lists import any_word, load_word_lists

_WORDS = load_word_lists(__file__, "vocabulary.toml")

SIGNER_POST = any_word(_WORDS["signer_posts"])
ACTION_LOG_TITLE = any_word(_WORDS["action_log_titles"])
