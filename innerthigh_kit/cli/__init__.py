"""`innerthigh-kit`: a thin shell over the Python API.

Each command parses its arguments, calls the API and prints. A mistake the user can fix
(a bad file, an unknown tag) prints a short plain message and exits 1 (2 for wrong arguments);
`--debug` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .._scratch import exit_on_terminate
from ..errors import KitError, os_error_message
from . import handouts, library, plans  # noqa: F401  (importing them registers their commands)
from .registry import COMMANDS

#: The order `--help` lists the commands in.
ORDER = ("exercises", "validate", "handout", "workshop", "card", "plan", "check", "explain")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="innerthigh-kit",
        description="The inner-thigh teaching kit: exercises, class plans and handouts.",
    )
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback when something goes wrong"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in sorted(COMMANDS, key=lambda n: ORDER.index(n) if n in ORDER else len(ORDER)):
        help_text, add_arguments, run = COMMANDS[name]
        sub = subparsers.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with exit_on_terminate():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KitError as error:
        if args.debug:
            raise
        print(f"innerthigh-kit {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `innerthigh-kit exercises | head`
        return 0
    except OSError as error:  # a folder that cannot be written, a full disk, a path that is a folder
        if args.debug:
            raise
        print(f"innerthigh-kit {args.command}: {os_error_message(error)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
