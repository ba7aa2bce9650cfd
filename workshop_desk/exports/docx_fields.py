"""Word fields in a paragraph (PAGE, NUMPAGES, PAGEREF…), which Word and LibreOffice fill when they lay the page out."""

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES...) with `shown` as its text until Word or LibreOffice updates it."""
    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def page_x_of_y(paragraph: Paragraph, template: str) -> None:
    """Write a translated 'Page {page} of {pages}' with the two placeholders as live fields."""
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            add_field(paragraph, "PAGE")
        elif part == "{pages}":
            add_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)
