"""crimegraph's exceptions: each one becomes a clear message in the CLI."""


class CrimegraphError(Exception):
    """Base of every error crimegraph raises on purpose."""


class InputError(CrimegraphError):
    """Input that cannot be read as articles."""


class ExtractionError(CrimegraphError):
    """An article whose extraction failed."""
