"""``python -m desktop`` is the same as ``liaison-desk``."""

import sys

from desktop.cli import main

sys.exit(main())
