"""What each student's processes may use, sized to the machine.

JupyterHub's ``LocalProcessSpawner`` passes ``mem_limit`` to the server as information
only; it enforces nothing. What is enforced here, in every process a student's server
starts (the Jupyter server and each kernel):

- an address-space limit (``RLIMIT_AS``, soft and hard, so the student cannot raise it):
  the machine's memory shared out among the students, never below
  :data:`MIN_ADDRESS_SPACE` (measured: a kernel that loads the package and runs a
  Concordance query reserves about 540 MB of address space with the thread settings
  below, and holds about 195 MB resident). A process that asks for more gets a
  ``MemoryError`` instead of pushing the machine into swap or the OOM killer;
- a lower CPU priority (``nice`` :data:`NICENESS`), so the hub and the proxy stay
  responsive when every student runs a cell at once;
- one BLAS thread and two malloc arenas per process (:data:`THREAD_ENVIRONMENT`), which
  keeps a kernel's reserved address space small enough for the limit.

Not enforced: a total per student across their processes (a student with three kernels
may use three times the limit), and a CPU share. Those need cgroups, i.e. Kubernetes
(``deploy/kubernetes``) or systemd.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Callable
from dataclasses import dataclass

MIB = 2**20
#: The smallest address space a student's process gets (a kernel with the study needs ~540 MB).
MIN_ADDRESS_SPACE = 1024 * MIB
#: Share of the machine's memory divided among the students (the rest: hub, proxy, system).
MEMORY_SHARE = 0.75
#: How much lower than normal the students' processes are scheduled (0-19).
NICENESS = 5
#: Environment of every student's process: fewer threads, less reserved memory.
THREAD_ENVIRONMENT = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
}


@dataclass(frozen=True)
class Limits:
    """The limits of every student's process.

    Attributes
    ----------
    address_space : int
        Bytes of address space per process (``RLIMIT_AS``).
    niceness : int
        Added to the scheduling priority (``nice``).
    """

    address_space: int
    niceness: int = NICENESS

    @property
    def mem_limit(self) -> str:
        """The limit in JupyterHub's notation, e.g. ``'1024M'``.

        >>> Limits(1536 * MIB).mem_limit
        '1536M'
        """
        return f"{self.address_space // MIB}M"


def machine_memory() -> int:
    """Bytes of physical memory of this machine."""
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def parse_size(text: str) -> int:
    """Bytes in a size such as ``'700M'``, ``'2G'`` or ``'1048576'``.

    >>> parse_size("700M"), parse_size("2G")
    (734003200, 2147483648)
    >>> parse_size("lots")
    Traceback (most recent call last):
    ...
    ValueError: 'lots' is not a size; write e.g. 700M or 2G
    """
    units = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}
    cleaned = text.strip().upper()
    number, unit = (cleaned[:-1], units[cleaned[-1]]) if cleaned[-1:] in units else (cleaned, 1)
    if not number.isdigit():
        raise ValueError(f"{text!r} is not a size; write e.g. 700M or 2G")
    return int(number) * unit


def limits_for(students: int, memory: int | None = None, requested: int | None = None) -> Limits:
    """The limits for a seminar of ``students`` on a machine with ``memory`` bytes.

    ``requested`` (e.g. from ``--mem-limit``) replaces the machine's share, but is never
    below :data:`MIN_ADDRESS_SPACE`, under which a kernel with the study cannot start.

    >>> limits_for(30, memory=24 * 2**30).mem_limit  # 24 GB * 0.75 / 30 = 614 MB: the floor
    '1024M'
    >>> limits_for(4, memory=24 * 2**30).mem_limit
    '4608M'
    >>> limits_for(30, requested=700 * MIB)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: a memory limit of 700M is too small: ... needs at least 1024M of address space
    """
    if requested is not None:
        if requested < MIN_ADDRESS_SPACE:
            raise ValueError(
                f"a memory limit of {requested // MIB}M is too small: a kernel with the study "
                f"needs at least {MIN_ADDRESS_SPACE // MIB}M of address space"
            )
        return Limits(requested)
    share = int((machine_memory() if memory is None else memory) * MEMORY_SHARE / students)
    return Limits(max(MIN_ADDRESS_SPACE, share // MIB * MIB))


def apply_limits(limits: Limits) -> Callable[[], None]:
    """A ``preexec_fn`` that applies ``limits`` in the child process, before it runs."""

    def preexec() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limits.address_space, limits.address_space))
        os.nice(limits.niceness)

    return preexec
