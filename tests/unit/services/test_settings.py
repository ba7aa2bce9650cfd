"""Preferences and recent files."""

import json

import pytest

from workshop_desk.services.settings import MAX_RECENT, Settings, load_settings, remember_file, save_settings


def test_missing_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "settings.json") == Settings()


@pytest.mark.parametrize("content", [
    b"", b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b"null", b'"text"', b"42",
    b'{"recent_files": null}', b'{"recent_files": "abc"}', b'{"recent_files": {"a": 1}}',
    b'{"language": 5, "last_file": [], "projector_screen": null}',
])
def test_garbage_gives_defaults_without_raising(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = load_settings(path)
    assert settings == Settings()


def test_good_values_survive_next_to_bad_ones(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fr", "recent_files": ["/a.wdesk", 3, None, "/b.wdesk"],
                                "last_file": 12, "unknown_key": True}), encoding="utf-8")
    settings = load_settings(path)
    assert settings == Settings(language="fr", recent_files=["/a.wdesk", "/b.wdesk"])


def test_a_folder_in_place_of_the_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()
    assert load_settings(path) == Settings()


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "deep" / "er" / "settings.json"
    settings = Settings(language="fr", recent_files=["/home/léa/Démarche ÉCO.wdesk", "/tmp/b.wdesk"],
                        last_file="/home/léa/Démarche ÉCO.wdesk", projector_screen="HDMI-1")
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert "Démarche ÉCO" in path.read_text(encoding="utf-8")  # readable, not \u-escaped
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


def test_save_replaces_the_previous_settings(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="fr"), path)
    save_settings(Settings(language="en"), path)
    assert load_settings(path).language == "en"


def test_load_keeps_at_most_ten_recent_files(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"recent_files": [f"/f{n}.wdesk" for n in range(25)]}), encoding="utf-8")
    assert load_settings(path).recent_files == [f"/f{n}.wdesk" for n in range(MAX_RECENT)]


def test_remember_file_puts_it_first_without_duplicates(tmp_path):
    settings = Settings()
    a, b, c = (tmp_path / f"{name}.wdesk" for name in "abc")
    for path in (a, b, c, a):
        remember_file(settings, path)
    assert settings.recent_files == [str(a), str(c), str(b)]
    assert settings.last_file == str(a)


def test_remember_file_resolves_the_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    remember_file(settings, tmp_path / "sub" / ".." / "x.wdesk")
    remember_file(settings, type(tmp_path)("x.wdesk"))
    assert settings.recent_files == [str(tmp_path / "x.wdesk")]


def test_remember_file_keeps_ten(tmp_path):
    settings = Settings()
    paths = [tmp_path / f"f{n}.wdesk" for n in range(MAX_RECENT + 5)]
    for path in paths:
        remember_file(settings, path)
    assert len(settings.recent_files) == MAX_RECENT == 10
    assert settings.recent_files == [str(p) for p in reversed(paths)][:MAX_RECENT]
