"""Read the shipped source text and check that it is the one the parser was built for.

The text is package data (``leninism_data/data/foundations_of_leninism.txt``), read with
:mod:`importlib.resources` so that it works from a wheel, a zip or a checkout alike.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files

SOURCE_FILENAME = "foundations_of_leninism.txt"
SOURCE_SHA256 = "bedb89506b6c461ee3c29efb550fd853e913677591d2c77806b129b0db3bb54e"


class SourceTextError(RuntimeError):
    """The shipped source text is missing or is not the expected file."""


def read_source() -> str:
    """Return the source text, verified against its known sha256.

    Raises
    ------
    SourceTextError
        If the file is missing, or its bytes differ from the edition the parser knows.

    Examples
    --------
    >>> read_source().splitlines()[2]
    'Introduction'
    """
    resource = files("leninism_data") / "data" / SOURCE_FILENAME
    try:
        raw = resource.read_bytes()
    except FileNotFoundError:
        raise SourceTextError(
            f"The source text {SOURCE_FILENAME!r} is missing from the installed package "
            f"(expected at {resource}). Reinstall leninism-study."
        ) from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise SourceTextError(
            f"The source text {SOURCE_FILENAME!r} at {resource} has been altered: its sha256 is "
            f"{digest}, expected {SOURCE_SHA256}. The parser only knows the shipped edition; "
            "restore the original file (reinstall leninism-study)."
        )
    return raw.decode("utf-8")
