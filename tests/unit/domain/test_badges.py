"""Badge codes."""

from workshop_desk.domain.badges import ALPHABET, CODE_LENGTH, new_badge_code


def test_alphabet_has_no_ambiguous_characters():
    assert not set("01OIL") & set(ALPHABET)
    assert len(set(ALPHABET)) == len(ALPHABET) == 31
    assert ALPHABET.upper() == ALPHABET


def test_code_length_and_alphabet():
    for _ in range(1000):
        code = new_badge_code()
        assert len(code) == CODE_LENGTH == 10
        assert set(code) <= set(ALPHABET)


def test_ten_thousand_codes_are_all_different():
    codes = {new_badge_code() for _ in range(10_000)}
    assert len(codes) == 10_000


def test_codes_use_the_whole_alphabet():
    seen = set("".join(new_badge_code() for _ in range(2000)))
    assert seen == set(ALPHABET)
