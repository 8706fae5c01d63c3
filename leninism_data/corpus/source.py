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


#: sha256 of every data file shipped with the package; each is checked when read.
DATA_SHA256 = {
    SOURCE_FILENAME: SOURCE_SHA256,
    "stopwords_en.txt": "a5d02602ec1fa3ddf7685aeb0f4e8422a48f810cb9d2d442ddbde93b158c4d7b",
    "DESCR.md": "ebec74a29082d395a732aa838d1d3fb7487101bb6a6c985dc237379b91412fdd",
    "questions.toml": "abd803e96f06cd9d76ee2e1ff3c0c9d72cb11e2818836e4e644d9514cd044331",
}


def read_data_file(filename: str) -> str:
    """Return the text of a shipped data file, verified against its known sha256.

    Raises
    ------
    SourceTextError
        If the file is missing or its bytes differ from the shipped file's; the message
        is one line naming the file.

    Examples
    --------
    >>> read_data_file("DESCR.md").splitlines()[0]
    '# The Foundations of Leninism — source card'
    """
    resource = files("leninism_data") / "data" / filename
    try:
        raw = resource.read_bytes()
    except OSError:
        raise SourceTextError(
            f"The data file {filename!r} is missing from the installed package "
            f"(expected at {resource}). Reinstall leninism-study."
        ) from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != DATA_SHA256[filename]:
        raise SourceTextError(
            f"The data file {filename!r} at {resource} has been altered: its sha256 is "
            f"{digest}, expected {DATA_SHA256[filename]}. The package only knows the shipped "
            "file; restore it (reinstall leninism-study)."
        )
    return raw.decode("utf-8")


def read_source() -> str:
    """Return the source text, verified against its known sha256 (see `read_data_file`).

    Examples
    --------
    >>> read_source().splitlines()[2]
    'Introduction'
    """
    return read_data_file(SOURCE_FILENAME)
