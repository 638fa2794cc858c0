"""`python -m services.cli` is the `sitmon` command."""

from services.cli.main import run

if __name__ == "__main__":  # a spawned worker process (the rebuild's fold) imports this module too
    run()
