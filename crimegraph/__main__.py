"""`python -m crimegraph`."""

from crimegraph.cli.main import main

main()
