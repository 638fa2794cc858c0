"""`python -m services.cli` is the `sitmon` command."""

from services.cli.main import run

run()
