"""`python -m innerthigh_kit.cli`: the same as the `innerthigh-kit` command."""

import sys

from . import main

sys.exit(main())
