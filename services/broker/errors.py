"""Why the local broker could not be fetched, started or stopped."""

from services.errors import BadInput, SitmonError


class BrokerError(SitmonError):
    """The local broker failed at run time (exit 1)."""


class BrokerPrerequisiteMissing(BadInput):
    """Java ≥ 17, Maven or the cached jars are missing: the user must install something (exit 2)."""


class PortTaken(BrokerError):
    """Another process (possibly another broker) holds the port we were asked to use."""
