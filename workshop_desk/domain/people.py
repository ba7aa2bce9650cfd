"""Rules about people: search keys that ignore accents and case, e-mail checks, same-person tests."""

import re
import unicodedata
from dataclasses import fields

from workshop_desk.domain.models import Participant, ParticipantDraft

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: 'Éloïse  LE GOFF' → 'eloise le goff'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def search_text(person: Participant) -> str:
    """What a search box matches against: names (both orders), organisation, e-mail."""
    return fold(f"{person.first_name} {person.last_name} {person.last_name} {person.organisation} {person.email}")


def matches(person: Participant, query: str) -> bool:
    """True when every word of `query` appears in the person's searchable text."""
    haystack = search_text(person)
    return all(word in haystack for word in fold(query).split())


def is_valid_email(email: str) -> bool:
    """A plausible address (an empty one is allowed: many invitees have none)."""
    return not email or bool(_EMAIL.match(email.strip()))


def identity_key(first_name: str, last_name: str, organisation: str) -> tuple[str, str, str]:
    """Same key, same person: names and organisation folded (accents, case and spaces ignored)."""
    return fold(first_name), fold(last_name), fold(organisation)


def same_person(a: Participant | ParticipantDraft, b: Participant | ParticipantDraft) -> bool:
    """Two records of one person: the same e-mail, or the same names and organisation."""
    if a.email.strip() and fold(a.email) == fold(b.email):
        return True
    key_a = identity_key(a.first_name, a.last_name, a.organisation)
    return bool(key_a[0] or key_a[1]) and key_a == identity_key(b.first_name, b.last_name, b.organisation)


def tidy_name(text: str) -> str:
    """Trimmed, single-spaced; an ALL-CAPS first name becomes 'Title Case' (Jean-Marc, not JEAN-MARC)."""
    text = _SPACES.sub(" ", text).strip()
    return text.lower().title() if text.isupper() and len(text) > 1 else text


DRAFT_FIELDS = tuple(f.name for f in fields(ParticipantDraft))


def draft_of(person: Participant) -> ParticipantDraft:
    """The editable fields of a saved participant."""
    return ParticipantDraft(**{name: getattr(person, name) for name in DRAFT_FIELDS})
