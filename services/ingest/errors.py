"""Why one input (a file, a line, a feed entry) could not be ingested."""

from services.errors import SitmonError


class IngestError(SitmonError):
    """The ingest run itself failed (broker unreachable, publishing refused)."""
