"""Entry point for `python -m workshop_desk`."""

import sys

from workshop_desk.cli import main

sys.exit(main())
