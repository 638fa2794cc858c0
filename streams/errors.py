"""Errors of the contract package."""


class ContractError(Exception):
    """Base of errors raised by streams/."""


class UndecodableRecord(ContractError):
    """A record value that is not a valid sitmon CloudEvent; the message says why in one line."""


class UnknownTopic(ContractError):
    """A topic name that the catalogue does not hold."""


class SealingError(ContractError):
    """A signing secret could not be sealed or opened; the message names the key id, never a secret."""


class BadKeyring(SealingError):
    """Key material that does not parse: the message says which entry and what was expected."""


class UnknownSealingKey(SealingError):
    """A sealed value names a key id the keyring does not hold."""


class WrongSealingKey(SealingError):
    """The keyring holds the key id, but its key does not open the value: a different key under that id."""
