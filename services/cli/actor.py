"""Who the audit trail says acted when a command is run from a shell: `cli:<login name>`."""

from __future__ import annotations

import getpass


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name in a bare container
        return "cli:unknown"
