"""The join codes: the Wi-Fi QR text as phone cameras parse it, and the QR modules the projector paints."""

import qrcode

from workshop_desk.domain.joining import JoinCard, qr_maker, qr_modules, wifi_payload


def _parse_wifi(text: str) -> dict[str, str]:
    """A reader of the WIFI: format as ZXing's: fields split at unescaped ';', values unescaped."""
    assert text.startswith("WIFI:") and text.endswith(";;")
    fields, field, escaped = {}, "", False
    for char in text[5:-1]:
        if escaped:
            field, escaped = field + char, False
        elif char == "\\":
            escaped = True
        elif char == ";":
            key, _colon, value = field.partition(":")
            fields[key], field = value, ""
        else:
            field += char
    return fields


def test_reserved_characters_survive_the_round_trip() -> None:
    name, password = 'Salle "Rhône"; étage 2', 'a\\b;c,d:e"f'
    fields = _parse_wifi(wifi_payload(name, password))
    assert fields == {"T": "WPA", "S": name, "P": password}


def test_an_open_network_has_no_password_field() -> None:
    assert _parse_wifi(wifi_payload("Atelier", "")) == {"T": "nopass", "S": "Atelier"}


def test_a_card_without_a_network_name_has_no_wifi_code() -> None:
    card = JoinCard("Atelier", "http://192.168.1.20:8765/s/Xq7Tb2mKp9W")
    assert card.wifi_text == ""
    assert card.short_url == "192.168.1.20:8765/s/Xq7Tb2mKp9W"
    assert JoinCard("Atelier", card.url, "Salle", "pw").wifi_text == "WIFI:T:WPA;S:Salle;P:pw;;"


def test_the_modules_are_the_code_of_the_text_with_its_quiet_zone() -> None:
    text = "http://192.168.1.20:8765/s/Xq7Tb2mKp9W"
    modules = qr_modules(text)
    reference = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    reference.add_data(text)
    reference.make(fit=True)
    assert [list(row) for row in modules] == reference.get_matrix()
    assert len(modules) == len(modules[0]) == 4 * reference.version + 17 + 8
    assert not any(modules[0]) and not any(row[0] for row in modules)  # the quiet zone is light
    assert qr_maker(text).version == reference.version
