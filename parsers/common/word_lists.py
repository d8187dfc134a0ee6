"""Word lists kept as data (TOML beside the code that reads them), loaded once, matched as whole words."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path


def load_word_lists(module_file: str, file_name: str) -> dict[str, list[str]]:
    """The lists of the TOML file `file_name` beside the module whose `__file__` is given."""
    return tomllib.loads(Path(module_file).with_name(file_name).read_text(encoding="utf-8"))


def alternatives(words: Iterable[str]) -> str:
    """The words as one regex alternation: longest first (so a phrase wins over its first word), any
    run of spaces inside a phrase matching any run of white space (a phrase may wrap)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def any_word(words: Iterable[str], flags: int = re.I) -> re.Pattern[str]:
    """A pattern matching any of the words (or phrases) as whole words."""
    return re.compile(rf"\b(?:{alternatives(words)})\b", flags)
