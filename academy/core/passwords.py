"""The password policy: long enough, and not guessable (zxcvbn), with the reason in Swedish.

zxcvbn estimates how many guesses a password takes, knowing common passwords, names, words,
keyboard patterns, repeats, sequences and dates. It is also given the person's own name and
e-mail and the app's words, since those are the first guesses against a municipal account.
"""

from __future__ import annotations

import re
import unicodedata

from zxcvbn import zxcvbn

from academy.core.errors import ValidationError
from academy.core.security import MIN_PASSWORD_LENGTH

MAX_PASSWORD_LENGTH = 200
# zxcvbn's score 0–4; 3 is "safely unguessable" (about 10^8 guesses or more).
MIN_SCORE = 3
# Only the start is analysed: zxcvbn's time grows fast with the length, and a password this long
# that is still weak in its first 64 characters is weak.
_ANALYSED = 64

APP_WORDS = (
    "serviceakademin",
    "serviceakademi",
    "akademin",
    "kommun",
    "kommunen",
    "servicecenter",
    "kontaktcenter",
    "medarbetare",
    "utbildare",
    "administratör",
    "lösenord",
    "losenord",
    "sommar",
    "vinter",
    "hösten",
    "våren",
)

_REASONS = {
    "user_inputs": "Det innehåller ditt namn, din e-postadress eller ett ord som hör till "
    "Serviceakademin eller kommunen.",
    "passwords": "Det är ett av de vanligaste lösenorden.",
    "repeat": "Upprepningar som ”aaaa” eller ”abcabc” är lätta att gissa.",
    "sequence": "Följder som ”abcd” eller ”1234” är lätta att gissa.",
    "spatial": "Tangentmönster som ”qwerty” eller ”asdf” är lätta att gissa.",
    "date": "Datum och årtal är lätta att gissa.",
    "dictionary": "Det består mest av vanliga ord eller namn.",
}
ADVICE = "Välj till exempel fyra eller fem ord som inte hör ihop, gärna med något tecken emellan."


def user_words(*values: str) -> list[str]:
    """The parts of a person's name and e-mail worth guessing first, plus the app's words."""
    words: set[str] = set(APP_WORDS)
    for value in values:
        for part in re.split(r"[\s@._+-]+", (value or "").lower()):
            if len(part) >= 3:
                words.add(part)
                # People type "nystrom" for "Nyström".
                words.add(unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode())
    return sorted(words)


def password_problem(password: str, inputs: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why `password` is refused (Swedish), or None when it is good enough."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Lösenordet måste vara minst {MIN_PASSWORD_LENGTH} tecken."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Lösenordet får vara högst {MAX_PASSWORD_LENGTH} tecken."
    analysed = password[:_ANALYSED]
    result = zxcvbn(analysed, user_inputs=list(inputs) or list(APP_WORDS))
    matches = result["sequence"]
    personal = sum(len(m["token"]) for m in matches if m.get("dictionary_name") == "user_inputs")
    if result["score"] >= MIN_SCORE and personal * 2 < len(analysed):
        return None
    return f"Lösenordet är för lätt att gissa. {_reason(matches)} {ADVICE}"


def _reason(matches: list[dict]) -> str:
    longest = max(matches, key=lambda m: len(m["token"]), default=None)
    if longest is None:
        return ""
    pattern = longest["pattern"]
    if pattern == "dictionary":
        return _REASONS.get(longest.get("dictionary_name", ""), _REASONS["dictionary"])
    return _REASONS.get(pattern, "Det är för kort eller för enkelt.")


def check_password(password: str, inputs: list[str] | tuple[str, ...] = ()) -> None:
    """Refuse a weak password with its reason, on the form's `password` field."""
    problem = password_problem(password or "", inputs)
    if problem:
        raise ValidationError(problem, field="password")
