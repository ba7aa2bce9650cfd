"""Builds what `resources/` holds into the package.

    python packaging/build_resources.py extract   update resources/translations/*.po from the code
    python packaging/build_resources.py compile   compile the catalogs and copy the icons into the package
"""

import shutil
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "workshop_desk"
CATALOGS = ROOT / "resources" / "translations"
COMPILED = SOURCES / "locale"
ICONS = ROOT / "resources" / "icons"
SOUNDS = ROOT / "resources" / "sounds"
ASSETS = SOURCES / "assets"
DOMAIN = "workshop_desk"
LANGUAGES = ("fr", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "n": (1, 2), "pgettext": ((1, "c"), 2)}


def extracted() -> Catalog:
    """Every translatable string in the code."""
    catalog = Catalog(project="Workshop Desk", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCES), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(language: str) -> Path:
    return CATALOGS / f"{language}.po"


def mo_path(language: str) -> Path:
    return COMPILED / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def load(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def extract() -> None:
    template = extracted()
    CATALOGS.mkdir(parents=True, exist_ok=True)
    with (CATALOGS / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True)
    for language in LANGUAGES:
        catalog = load(language) if po_path(language).exists() else Catalog(locale=language, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path(language).open("wb") as handle:
            write_po(handle, catalog, sort_output=True, ignore_obsolete=True, width=110)


def compile_all() -> None:
    ASSETS.mkdir(exist_ok=True)
    for asset in [*ICONS.glob("*.svg"), *SOUNDS.glob("*.wav")]:
        shutil.copyfile(asset, ASSETS / asset.name)
    (ASSETS / "icons").mkdir(exist_ok=True)
    for asset in (ICONS / "lucide").iterdir():  # the console's icons, with their licence
        shutil.copyfile(asset, ASSETS / "icons" / asset.name)
    for language in LANGUAGES:
        target = mo_path(language)
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, load(language), use_fuzzy=False)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "compile":
        compile_all()
    else:
        sys.exit(__doc__)
