"""Every user-visible string is translated into French, and the shipped catalogs are up to date."""

import gettext
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_resources():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_resources", ROOT / "packaging" / "build_resources.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_resources"] = module
    spec.loader.exec_module(module)
    return module


tools = _build_resources()


def _ids(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_every_string_in_the_code_is_in_the_french_catalog() -> None:
    catalog = tools.load("fr")
    missing = [m.id for m in tools.extracted() if m.id and catalog.get(m.id, m.context) is None]
    assert missing == [], "run: python packaging/build_resources.py extract, then translate"


@pytest.mark.parametrize("language", ["fr"])
def test_every_entry_is_translated_with_its_placeholders(language: str) -> None:
    problems = []
    for message in tools.load(language):
        if not message.id:
            continue
        wanted = set(re.findall(r"\{\w+\}", " ".join(_ids(message))))
        for text in _strings(message):
            if not text or message.fuzzy:
                problems.append(f"untranslated: {_ids(message)[0]}")
            elif set(re.findall(r"\{\w+\}", text)) != wanted:
                problems.append(f"placeholders differ: {_ids(message)[0]} -> {text}")
    assert problems == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_compiled_catalogs_match_their_sources(language: str) -> None:
    with tools.mo_path(language).open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in tools.load(language):
        if not message.id or message.fuzzy or not all(_strings(message)):
            continue
        if isinstance(message.id, tuple):
            got = compiled.ngettext(message.id[0], message.id[1], 1)
            assert got == message.string[0], "run: python packaging/build_resources.py compile"
        elif message.context:
            assert compiled.pgettext(message.context, message.id) == message.string
        else:
            assert compiled.gettext(message.id) == message.string, "run: python packaging/build_resources.py compile"


def test_icons_and_sounds_in_the_package_match_resources() -> None:
    assets = [*(ROOT / "resources" / "icons").glob("*.svg"), *(ROOT / "resources" / "sounds").glob("*.wav")]
    assert len(assets) >= 2
    for asset in assets:
        assert (tools.ASSETS / asset.name).read_bytes() == asset.read_bytes()


def test_french_punctuation_is_held_to_its_word_by_a_no_break_space() -> None:
    """French puts a space inside « » and before : ; ? ! — a no-break one, or a line breaks there."""
    loose = [text for message in tools.load("fr") if message.id for text in _strings(message)
             if re.search(r"« | »| [:;?!]", text)]
    assert loose == []
