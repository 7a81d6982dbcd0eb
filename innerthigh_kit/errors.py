"""The kit's errors: one base, one child per area, messages written for instructors.

Every message says what is wrong, where (file, entry, field) and how to fix it. Errors that
gather several problems (a library file with three mistakes) keep them all in ``problems`` and
list them all in the message, so the instructor fixes the file in one go.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with where it is and how to fix it."""

    where: str  # e.g. "my_moves.yaml, entry 3 'wide-squat' (line 41)"
    field: str | None  # the field name, or None for a whole-entry / whole-file problem
    message: str  # what is wrong
    fix: str = ""  # how to fix it

    def __str__(self) -> str:
        field = f", field '{self.field}'" if self.field else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"{self.where}{field}: {self.message}{fix}"


class KitError(Exception):
    """Base of every error the kit raises on purpose. Its message is meant to be read as is."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        super().__init__(message)


def _listing(headline: str, problems: list[Problem]) -> str:
    lines = [headline]
    lines += [f"  - {problem}" for problem in problems]
    return "\n".join(lines)


class LibraryError(KitError):
    """An exercise file or the exercise library has a problem."""

    @classmethod
    def from_problems(cls, headline: str, problems: list[Problem]) -> LibraryError:
        return cls(_listing(headline, problems), problems)


class LibraryWarning(UserWarning):
    """Something about the files given to the library worth knowing that does not stop it loading
    (a folder with no exercise files, an exercise claiming a reason its movement does not train)."""


class PlanError(KitError):
    """A class plan or a class request cannot be used as it is."""

    @classmethod
    def from_problems(cls, headline: str, problems: list[Problem]) -> PlanError:
        return cls(_listing(headline, problems), problems)


class HandoutError(KitError):
    """A handout could not be made."""


class OutputError(KitError):
    """A file or folder the kit was asked to write cannot be written (a folder, no permission...)."""


class UnknownExerciseError(LibraryError, KeyError):
    """An exercise id that is not in the library (also a KeyError, as for a dict)."""

    def __str__(self) -> str:  # KeyError would quote the message; show it as written
        return self.args[0] if self.args else ""


class AnatomyError(KitError, ValueError):
    """An unknown muscle, coordinate or pose value was asked of the anatomy model."""


def error_names() -> frozenset[str]:
    """The class names of every kit error (KitError and all its children, however deep).

    The handout renderer uses them to tell the kit's own messages, already written for people,
    from an unexpected failure inside the handout kernel.
    """
    names, todo = set(), [KitError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return frozenset(names)


def os_error_message(error: OSError) -> str:
    """An operating-system error as a sentence for people: what, where, and what to try."""
    where = f"{error.filename}: " if error.filename else ""
    reason = error.strerror or str(error)
    return f"{where}{reason}. Check the path, that the folder exists and that you may write there."
