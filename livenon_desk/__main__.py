import sys

from livenon_desk.cli import main

sys.exit(main())
