"""Where a document ends: a closing line ("The meeting closed at …", "© Crown copyright") or a
letter's sign-off and the signer's post under it."""
from __future__ import annotations

from extract.splitting.cues import END_OF_DOCUMENT, SIGNATURE, VALEDICTION
from extract.splitting.vocabulary import SIGNER_POST
from schemas.document import Line


CLOSING, SIGN_OFF = "closing", "sign-off"


def find_ends(lines: list[Line], nonempty: list[int]) -> dict[int, str]:
    """Indices of the last line of a document, each with how it ends: a closing line or a letter's sign-off."""
    ends: dict[int, str] = {}
    for pos, i in enumerate(nonempty):
        text = lines[i].text
        if END_OF_DOCUMENT.match(text):
            last = i
            nxt = nonempty[pos + 1] if pos + 1 < len(nonempty) else None
            if nxt is not None and SIGNATURE.match(lines[nxt].text):
                last = nxt
            ends[last] = CLOSING
        elif VALEDICTION.match(text):
            # The signer's name and post follow: end at the post line.
            last = i
            for p in range(pos + 1, min(pos + 4, len(nonempty))):
                last = nonempty[p]
                if SIGNER_POST.search(lines[last].text):
                    break
            ends[last] = SIGN_OFF
    return ends
