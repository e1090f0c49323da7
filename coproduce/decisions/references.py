"""Reference codes for anonymous concerns: how they are made, written, read back and stored.

A reference is the only way back to an anonymous concern, so it must be impossible to guess and easy
to read aloud or copy by hand: 12 characters from 31 that cannot be mistaken for each other (no 0/O,
1/I/L), grouped in fours. That is 31**12, about 8 * 10**17 codes, so trying them one by one is
hopeless even before the lookup limit. Only a SHA-256 hash is stored: the database cannot be used
to read a reference back, and a plain hash (not keyed with the secret key) keeps working if the key
changes.
"""

import hashlib
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 12
GROUP = 4


def new_reference() -> str:
    """A fresh random reference, written as people read it: ``K7QM-4RTX-9HCP``."""
    return written("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def written(characters: str) -> str:
    """The reference's characters in groups of four, joined by dashes."""
    return "-".join(characters[start : start + GROUP] for start in range(0, len(characters), GROUP))


def normalised(typed: str) -> str | None:
    """What someone typed, as a reference's 12 characters, or None if it cannot be one.

    Lower case, spaces and dashes (or none) are all fine: ``k7qm 4rtx9hcp`` is ``K7QM4RTX9HCP``.
    """
    characters = "".join(character for character in typed.upper() if character not in " -\t\n")
    if len(characters) != LENGTH or any(character not in ALPHABET for character in characters):
        return None
    return characters


def hash_reference(reference: str) -> str:
    """The SHA-256 hex digest stored for a reference, however it was typed. ValueError if it cannot be one."""
    characters = normalised(reference)
    if characters is None:
        raise ValueError(f"Not a reference: {len(reference)} characters")
    return hashlib.sha256(characters.encode()).hexdigest()
