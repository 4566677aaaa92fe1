"""`python -m newsextract` runs the command-line tool."""

from newsextract.cli import main

raise SystemExit(main())
