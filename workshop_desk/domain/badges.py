"""Badge codes: random, unguessable, easy to type from a scanner or by hand."""

import secrets

# No 0/O, 1/I/L: a code read aloud or typed by hand must not be ambiguous.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_badge_code() -> str:
    """A fresh random code, e.g. 'K7QX9M2TFA' (about 50 bits of randomness)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
