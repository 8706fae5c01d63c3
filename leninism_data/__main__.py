"""``python -m leninism_data``: the same as the ``leninism-study`` command."""

from leninism_data.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
