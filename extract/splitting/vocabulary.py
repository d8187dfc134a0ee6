"""The splitter's word lists (`vocabulary.toml`), loaded once and compiled to whole-word patterns."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

_WORDS: dict[str, list[str]] = tomllib.loads((Path(__file__).with_name("vocabulary.toml")).read_text(encoding="utf-8"))


def any_word(name: str, flags: int = re.I) -> re.Pattern[str]:
    """A pattern matching any word (or phrase) of the list `name`, as whole words."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS[name], key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", flags)


SIGNER_POST = any_word("signer_posts")
ACTION_LOG_TITLE = any_word("action_log_titles")
