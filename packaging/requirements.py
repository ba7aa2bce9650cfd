"""Prints what freezing the app needs installed, one requirement a line: the app's dependencies from pyproject.toml
and its [build] extra (PyInstaller). The app itself is not installed: the spec takes it from this folder, so nothing
(no egg-info, no wheel) is written into the repository.

    python packaging/requirements.py > build/requirements.txt && python -m pip install -r build/requirements.txt
"""

import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))["project"]
print("\n".join([*project["dependencies"], *project["optional-dependencies"]["build"]]))
