"""The commands of `innerthigh-kit`, registered by the modules that define them, and the
argument helpers they share."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..handouts.parameters import AUDIENCES

# Each command: name -> (help, add_arguments, run). run(args) returns the exit code.
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]] = {}


def command(name: str, help: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    """Register a sub-command: decorate its ``run(args)``, giving its help and argument builder."""

    def register(run: Callable) -> Callable:
        COMMANDS[name] = (help, add_arguments, run)
        return run

    return register


def add_library(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--library", nargs="+", default=[], metavar="PATH", help=help_text)


def add_output(parser: argparse.ArgumentParser, metavar: str, help_text: str, required: bool = True) -> None:
    parser.add_argument("-o", "--output", required=required, metavar=metavar, help=help_text)


def add_audience(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--audience", choices=AUDIENCES, default="participant", help=help_text)
