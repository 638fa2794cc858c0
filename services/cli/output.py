"""How the CLI reports failure (one clear line on stderr, never a traceback) and checks where
a command's data goes (`--format`, `--output`) before it reads anything.

Bad input (a `BadInput` from any package, or a usage error) exits 2; a runtime failure
(broker unreachable, a service error) exits 1.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import structlog
import typer
from rich.console import Console

from services.errors import BadInput, SitmonError
from streams.errors import ContractError

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def die(message: str, code: int = 1) -> NoReturn:
    stderr.print(f"sitmon: {message}", markup=False)
    raise typer.Exit(code)


def check_output(fmt: str, formats: Sequence[str], output: Path | None) -> None:
    """`--format` and `--output` as the commands that write data take them (`replay`, `history`).

    Checked before any Kafka read, so a typo costs nothing: the format must be one the command
    writes, parquet (a binary, columnar file) goes only to a file, and that file's directory must
    exist rather than fail after the whole log was read.
    """
    if fmt not in formats:
        raise BadInput(f"--format {fmt!r} is not one of {', '.join(formats)}")
    if fmt == "parquet" and output is None:
        raise BadInput("--format parquet writes a file: give it with -o FILE.parquet")
    if output is not None and not output.parent.is_dir():
        raise BadInput(f"--output {output}: directory {output.parent} does not exist")


class StderrLoggerFactory:
    """structlog loggers that write to the *current* sys.stderr.

    Logs go to stderr so stdout carries only a command's data (JSON lines, replayed records).
    The stream is looked up per logger, never pinned: a pinned stream that is later closed or
    swapped (a test runner capturing output) would make every later log line raise.
    """

    def __call__(self, *args: object) -> structlog.PrintLogger:
        return structlog.PrintLogger(sys.stderr)


def configure_logging() -> None:
    structlog.configure(logger_factory=StderrLoggerFactory(), cache_logger_on_first_use=False)
    if not os.environ.get("SITMON_DEBUG"):
        # aiokafka logs every failed connection attempt itself ("Unable connect to …"); sitmon says
        # what failed in one line of its own, so the library's log is for SITMON_DEBUG=1 only
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def fail_cleanly(app: typer.Typer) -> None:
    configure_logging()
    try:
        app(standalone_mode=True)
    except (BadInput, ContractError) as exc:
        stderr.print(f"sitmon: {exc}", markup=False)
        sys.exit(2)
    except SitmonError as exc:
        stderr.print(f"sitmon: {exc}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        stderr.print("sitmon: interrupted", markup=False)
        sys.exit(130)
    except Exception as exc:  # the last resort: one line, and the traceback only on request
        if os.environ.get("SITMON_DEBUG"):
            traceback.print_exc()
        stderr.print(f"sitmon: {type(exc).__name__}: {exc} (set SITMON_DEBUG=1 for the traceback)", markup=False)
        sys.exit(1)
