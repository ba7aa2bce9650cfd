"""The privacy notice says what the documents do (contributions named or anonymous) and counts its years properly."""

import pytest

from tests.unit.exports.builders import programme
from workshop_desk.domain.privacy import default_notice, notice
from workshop_desk.i18n import translator

EN, FR = translator("en"), translator("fr")


def test_the_default_notice_says_contributions_are_anonymous_unless_they_are_named():
    anonymous, named = default_notice(EN, 3, named=False), default_notice(EN, 3, named=True)
    assert "Contributions and votes are anonymous." in anonymous and "name who asked" not in anonymous
    assert "Votes are anonymous. The minutes and the synthesis name who asked a question or took the floor." in named
    assert "Contributions and votes are anonymous." not in named
    assert "Les contributions et les votes sont anonymes." in default_notice(FR, 3, named=False)
    assert "Le compte rendu et la synthèse nomment les personnes qui ont posé une question ou pris la parole." \
        in default_notice(FR, 3, named=True)


@pytest.mark.parametrize(("language", "years", "said"), [
    ("en", 1, "They are kept for 1 year, then deleted."), ("en", 3, "They are kept for 3 years, then deleted."),
    ("fr", 1, "Ces données sont conservées 1 an, puis supprimées."),
    ("fr", 3, "Ces données sont conservées 3 ans, puis supprimées.")])
def test_the_retention_period_takes_its_plural_form(language, years, said):
    text = default_notice(translator(language), years, named=False)
    assert said in text and "(s)" not in text and "{" not in text


def test_a_programme_gets_the_default_notice_for_its_choice_or_its_own_text():
    assert "name who asked" in notice(programme(named_contributions=True, retention_years=1), EN)
    assert "1 year," in notice(programme(named_contributions=True, retention_years=1), EN)
    assert "anonymes" in notice(programme(retention_years=5), FR)
    own = programme(privacy_notice=" Données gardées {years} ans par la Ville. ", retention_years=5)
    assert notice(own, FR) == "Données gardées 5 ans par la Ville."
