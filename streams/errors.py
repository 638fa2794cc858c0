"""Errors of the contract package."""


class ContractError(Exception):
    """Base of errors raised by streams/."""


class UndecodableRecord(ContractError):
    """A record value that is not a valid sitmon CloudEvent; the message says why in one line."""


class UnknownTopic(ContractError):
    """A topic name that the catalogue does not hold."""
