"""Enum labels shown to the user."""

from workshop_desk import i18n
from workshop_desk.domain.enums import ItemKind, SittingKind, label


def test_every_sitting_and_item_kind_has_its_own_label():
    for enum in (SittingKind, ItemKind):  # the projector's modes: tests/ui/test_projector_registry.py
        labels = [label(member) for member in enum]
        assert len(set(labels)) == len(labels)
        assert all(text and text != str(member) for text, member in zip(labels, enum, strict=True))


def test_label_examples():
    i18n.set_language("en")
    assert label(ItemKind.WRAP_UP) == "Wrap-up"
    assert label(SittingKind.STEERING_COMMITTEE) == "Steering committee"
