"""The printed join card: one A4 page as LibreOffice lays it out, in the document's language, with codes that are
exactly the room's Wi-Fi and the sitting's address."""

import io

import pytest
from docx import Document
from PIL import Image

from tests.integration.laid_out import PDFTOTEXT, SOFFICE, pdf_text, squeeze, to_pdfs
from tests.unit.exports.builders import programme, sitting
from workshop_desk.domain.joining import JoinCard
from workshop_desk.exports.badges_docx import qr_png
from workshop_desk.exports.join_card_docx import write_join_card

pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                                   reason="LibreOffice or poppler is not installed")]
CARD = JoinCard("Atelier santé", "http://192.168.8.20:8765/s/Xq7Tb2mKp9W", "Salle-Pépinière", 'mot;de"passe:2027')
BARE = JoinCard("Atelier santé", "http://10.0.0.5:8766/s/-_Ab3xYz9Qk")
FRENCH = ("Participez depuis votre téléphone", "Rejoignez le Wi-Fi", "Scannez le code",
          "Restez connecté, même sans internet", "Réseau : Salle-Pépinière", "Mot de passe : mot;de\"passe:2027",
          "mardi 2 février 2027", "14 h 00 – 16 h 30", "rien ne passe par internet")
ENGLISH = ("Take part from your phone", "Join the Wi-Fi", "Scan the code", "Stay connected, even without internet",
           "Network: Salle-Pépinière", "Password: mot;de\"passe:2027", "Tuesday 2 February 2027", "14:00 – 16:30",
           "nothing goes through the internet")


def _codes(path) -> list[bytes]:
    """The pictures of the card, as black-and-white pixels, in order."""
    document = Document(str(path))
    blobs = [document.part.related_parts[rid].blob for rid in document.element.body.xpath(".//a:blip/@r:embed")]
    return [Image.open(io.BytesIO(blob)).convert("1").tobytes() for blob in blobs]


def _pixels(text: str) -> bytes:
    return Image.open(io.BytesIO(qr_png(text))).convert("1").tobytes()


def test_the_card_is_one_page_in_its_language_with_both_codes(tmp_path) -> None:
    paths = [write_join_card(tmp_path / f"card-{lang}.docx", programme(), sitting(), CARD, lang)
             for lang in ("fr", "en")]
    paths.append(write_join_card(tmp_path / "bare.docx", programme(), sitting(), BARE, "fr"))
    pdfs = to_pdfs(paths, tmp_path)
    texts = {pdf.stem: pdf_text(pdf, layout=False) for pdf in pdfs}  # raw: a cell's lines stay together
    for name, wanted, foreign in (("card-fr", FRENCH, ENGLISH), ("card-en", ENGLISH, FRENCH)):
        text = squeeze(texts[name])
        assert [w for w in wanted if squeeze(w) not in text] == [], name
        assert [f for f in foreign[:4] if squeeze(f) in text] == [], name
        assert squeeze(CARD.short_url) in text
        assert texts[name].count("\f") <= 1, f"{name} is one page"
    assert squeeze(BARE.short_url) in squeeze(texts["bare"]) and "Réseau" not in texts["bare"]
    assert _codes(paths[0]) == [_pixels(CARD.wifi_text), _pixels(CARD.url)]
    assert _codes(paths[2]) == [_pixels(BARE.url)]
