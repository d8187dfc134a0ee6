"""The one exception the reading layer raises: a reason a person can act on."""


class UnreadableSource(Exception):
    """The file cannot be read as a paper. `str(exc)` is a one-line reason."""
