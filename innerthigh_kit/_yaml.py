"""Checked YAML loading, the one way the kit reads its files (exercises, references, class plans).

``load_file(path)`` returns ``(data, problems)``: plain data (mappings, lists, text, numbers,
true/false, null, dates), or no data and the problems that stopped it, each naming the file and
line and saying what to write instead. It refuses, before building anything:

- files that are not regular files (a folder; a named pipe, which would wait for ever; a device),
  files over ``vocab.MAX_FILE_BYTES``, files that cannot be opened (missing, no permission, a
  symbolic link that loops) and files that are not UTF-8 text;
- anchors and aliases (``&name``, ``*name``): a few hundred bytes of them can stand for billions
  of values, and every walk over the result would explode;
- YAML tags (``!!int``, ``!!python/...``) and merge keys (``<<``), which kit files never need;
- a key given twice in one mapping (YAML would silently keep the last one), a list or mapping
  used as a key, and numbers too long to read.

Speed: libyaml's parser (CSafeLoader) where PyYAML has it; anchors, aliases and tags are looked
for in a second pass over the parser's events that runs only when the text holds '&', '*' or '!'
(the kit's own files hold none), so loading stays as fast as plain parsing.

Mappings come back as ``YamlMapping``, a dict that knows the line it starts on (``line_of``).
Keys are always text: a plain ``1:`` or ``~:`` key is kept as written ("1", "~"), so a checker
names it as an unknown field instead of tripping over a number. ``misread`` says what YAML made of
a value that was meant as text (``yes`` → true, ``2024-05-01`` → a date, ``- Tip: squeeze`` → a
mapping), for the checkers' messages.
"""

from __future__ import annotations

import datetime
import errno
import os
import reprlib
import stat
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .errors import Problem
from .vocab import MAX_FILE_BYTES

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_MERGE_TAG = "tag:yaml.org,2002:merge"
_UTF8_BOM = b"\xef\xbb\xbf"


class YamlMapping(dict):
    """A mapping read from a file; ``line`` is the line it starts on (for messages).

    ``duplicates`` (only when loaded with ``keep_duplicates``): (key, first line, repeated line)
    for each key given again, whose later values were left out; ``duplicate_problems`` names them.
    """

    __slots__ = ("line", "duplicates")


def line_of(value: Any) -> int | None:
    """The line a mapping read from a file starts on, or None."""
    return getattr(value, "line", None) if isinstance(value, YamlMapping) else None


class _Refused(Exception):
    """Something the kit does not accept in its files, found while loading."""

    def __init__(self, mark: Any, message: str, fix: str, field: str | None = None):
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else None
        self.message, self.fix, self.field = message, fix, field


# --------------------------------------------------------------------------- the loader


class _CheckedLoader(SAFE_LOADER):
    """The safe loader, with text keys given once and mappings that remember their line."""

    keeps_duplicates = False


class _RecordingLoader(_CheckedLoader):
    """As ``_CheckedLoader``, but a repeated key is noted on its mapping for the checker to name."""

    keeps_duplicates = True


def _key(node: yaml.Node) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise _Refused(
            node.start_mark,
            "a list or mapping stands where a field name should be.",
            "Write the field name, a colon and a space, then the value: e.g. 'name: Ball squeeze'.",
        )
    if node.tag == _MERGE_TAG:
        raise _Refused(
            node.start_mark,
            "YAML merge keys (<<) are not allowed in kit files.",
            "Write the fields out in full.",
        )
    return node.value  # the text as written: `1:` is the field name "1", `~:` is "~"


_KEEP_ONE = "Keep one of them: YAML would silently use only the last."


def _twice(first_line: int, line: int | None = None) -> str:
    lines = f"lines {first_line} and {line}" if line else f"first on line {first_line}"
    return f"is given twice in the same mapping ({lines})."


def _construct_mapping(loader: _CheckedLoader, node: yaml.MappingNode):
    # Two steps, like PyYAML's own mappings, so deep nesting is built without deep recursion.
    mapping = YamlMapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    first_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = _key(key_node)
        if key in first_lines:
            if not loader.keeps_duplicates:
                raise _Refused(key_node.start_mark, _twice(first_lines[key]), _KEEP_ONE, field=key)
            repeated = (key, first_lines[key], key_node.start_mark.line + 1)
            mapping.duplicates = (*getattr(mapping, "duplicates", ()), repeated)
            continue
        first_lines[key] = key_node.start_mark.line + 1
        mapping[key] = loader.construct_object(value_node)


def _construct_int(loader: _CheckedLoader, node: yaml.ScalarNode) -> int:
    try:
        return SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:  # Python refuses to read integers of more than 4300 digits
        raise _Refused(
            node.start_mark,
            f"a number of {len(node.value)} digits is too long to read.",
            "Write a smaller number (or put it in quotes if it is text).",
        ) from None


def _construct_timestamp(loader: _CheckedLoader, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:  # shaped like a date but none (2024-13-45): it was text
        return node.value


_CheckedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_CheckedLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_CheckedLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _refuse_anchors_aliases_and_tags(text: str) -> None:
    """Look through the parser's events for ``*name``, ``&name`` and ``!tag`` (when they may be there).

    An alias is named first (it is what does the harm), then an anchor, then a tag.
    """
    if "&" not in text and "*" not in text and "!" not in text:
        return
    anchor = tag = None
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(
                event.start_mark,
                f"YAML aliases (*{event.anchor}) are not allowed in kit files: write the value out.",
                "Copy the text the alias stands for into each place that uses it, and remove the '&' anchor.",
            )
        anchor = anchor or (event if getattr(event, "anchor", None) is not None else None)
        tag = tag or (event if getattr(event, "tag", None) is not None else None)
    if anchor is not None:
        raise _Refused(
            anchor.start_mark,
            f"YAML anchors (&{anchor.anchor}) are not allowed in kit files.",
            "Remove the '&' and its name; write each value out where it is used.",
        )
    if tag is not None:
        raise _Refused(
            tag.start_mark,
            f"YAML tags ({tag.tag}) are not allowed in kit files.",
            "Remove the tag, or put the value in quotes if the '!' is part of the text.",
        )


def _syntax_problem(where: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    detail = error.problem or error.context or "the YAML cannot be read"
    fix = "Check indentation, colons and quotes on that line and the one before it."
    if "mapping values are not allowed" in detail:
        fix = (
            "A colon followed by a space inside a value starts a new field: put the whole value in "
            'quotes, e.g. name: "Squeeze: the basics".'
        )
    elif "cannot start any token" in detail and mark is not None:
        fix = "Indent with spaces, not tabs; text that starts with @ or ` needs quotes."
    return Problem(f"{where}{line}", None, f"YAML syntax error: {detail}.", fix)


def load_text(text: str, where: str, keep_duplicates: bool = False) -> tuple[Any, list[Problem]]:
    """Parse YAML text with the kit's checks. Returns (data, problems); ``where`` names the file.

    ``keep_duplicates``: a key given twice is not a problem here but noted on its mapping, for a
    checker that knows the entry and field to name it with ``duplicate_problems``.
    """
    loader = _RecordingLoader if keep_duplicates else _CheckedLoader
    try:
        _refuse_anchors_aliases_and_tags(text)
        return yaml.load(text, Loader=loader), []  # noqa: S506 - a safe loader
    except _Refused as refused:
        line = f" at line {refused.line}" if refused.line else ""
        return None, [Problem(f"{where}{line}", refused.field, refused.message, refused.fix)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(where, error)]
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, max(error.position, 0)) + 1
        return None, [
            Problem(
                f"{where} at line {line}",
                None,
                f"holds a character YAML does not allow ({error.reason}).",
                "Delete it or retype that line; it may have come from copying out of another program.",
            )
        ]
    except yaml.YAMLError as error:
        return None, [Problem(where, None, f"YAML error: {error}.", "Check the file's syntax.")]


def safe_load(text: str) -> Any:
    """Parse YAML text the checked way; anything refused raises ``ValueError`` with the reason."""
    data, problems = load_text(text, "the text")
    if problems:
        raise ValueError(str(problems[0]))
    return data


# --------------------------------------------------------------------------- reading files


_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file."),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a saved file: reading it would wait for ever."),
    (stat.S_ISCHR, "is a device, not a saved file."),
    (stat.S_ISBLK, "is a device, not a saved file."),
    (stat.S_ISSOCK, "is a socket, not a saved file."),
)


def _os_problem(where: str, error: OSError) -> Problem:
    reasons = {
        errno.ENOENT: ("cannot be read: the file does not exist.", "Check the spelling of the path."),
        errno.ELOOP: (
            "cannot be read: it is a symbolic link (a shortcut) that points round in a loop.",
            "Point the link at a real file, or give the file's own path.",
        ),
        errno.EACCES: (
            "cannot be read: you do not have permission to read it.",
            "Check the file's permissions, or copy it somewhere you may read it.",
        ),
        errno.ENOTDIR: (
            "cannot be read: part of the path is a file, not a folder.",
            "Check the path, folder by folder.",
        ),
        errno.EISDIR: ("is a folder, not a file.", "Give the path of a .yaml file."),
    }
    message, fix = reasons.get(
        error.errno,
        (f"cannot be read ({error.strerror or error}).", "Check the path and that the file exists."),
    )
    return Problem(where, None, message, fix)


def _read_bytes(path: str | os.PathLike, where: str) -> tuple[bytes | None, list[Problem]]:
    # O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer.
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        return None, [_os_problem(where, error)]
    try:
        mode = os.fstat(descriptor).st_mode
        for is_kind, message in _KINDS:
            if is_kind(mode):
                return None, [Problem(where, None, message, "Give the path of a saved .yaml file.")]
        if not stat.S_ISREG(mode):
            return None, [
                Problem(where, None, "is not a regular file.", "Give the path of a saved .yaml file.")
            ]
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:  # read at most one byte past the cap, whatever fstat said
            chunk = os.read(descriptor, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return None, [_os_problem(where, error)]
    finally:
        os.close(descriptor)
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES / 1_000_000
        return None, [
            Problem(
                where,
                None,
                f"is larger than {limit:g} MB, the most a kit file may be.",
                "Check that this is the right file; split a large collection of exercises into files.",
            )
        ]
    return b"".join(chunks), []


def read_text(path: str | os.PathLike) -> tuple[str | None, list[Problem]]:
    """The text of a regular UTF-8 file of at most ``MAX_FILE_BYTES``. Returns (text, problems)."""
    where = str(path)
    data, problems = _read_bytes(path, where)
    if data is None:
        return None, problems
    if data.startswith(_UTF8_BOM):  # some editors on Windows start UTF-8 files with one
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [
            Problem(
                f"{where} at line {line}",
                None,
                "is not UTF-8 text (this line holds a character saved in another encoding).",
                "Save the file as UTF-8 text (in most editors: Save as, then Encoding: UTF-8).",
            )
        ]


def load_file(path: str | os.PathLike, keep_duplicates: bool = False) -> tuple[Any, list[Problem]]:
    """Read and parse one YAML file with every check above. Returns (data, problems)."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return load_text(text, str(path), keep_duplicates)


def duplicate_problems(value: Any, where: str, skip: tuple[str, ...] = ()) -> list[Problem]:
    """A problem for each key given twice in any mapping within ``value`` (loaded with
    ``keep_duplicates``), leaving out the top mapping's fields in ``skip`` (checked on their own)."""
    found, todo = [], [(value, True)]
    while todo:  # a walk without recursion: nesting may be deep
        item, top = todo.pop()
        if isinstance(item, YamlMapping):
            found += getattr(item, "duplicates", ())
            todo += [(inner, False) for key, inner in item.items() if not (top and key in skip)]
        elif isinstance(item, list):
            todo += [(inner, False) for inner in item]
    found.sort(key=lambda repeated: repeated[2])
    return [Problem(where, key, _twice(first, line), _KEEP_ONE) for key, first, line in found]


# --------------------------------------------------------------------------- words for messages


class _Brief(reprlib.Repr):
    """Python's repr, cut short: a message shows a long or deeply nested value in a line."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother, self.maxlong = 3, 60, 60, 20
        self.maxdict = self.maxlist = self.maxtuple = self.maxset = 4

    def repr_YamlMapping(self, value: YamlMapping, level: int) -> str:  # noqa: N802 - reprlib's naming
        return self.repr_dict(value, level)


_BRIEF = _Brief()


def shown(value: Any) -> str:
    """A value as a message shows it: as YAML writes true, false, null and dates, else its repr,
    shortened (never more than a line)."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _BRIEF.repr(value)


def misread(value: Any, what: str = "the text") -> str:
    """What YAML made of a value that was meant as text, and how to keep it text; '' if nothing."""
    if isinstance(value, bool):
        return f"YAML read `yes`/`no`/`on`/`off` as true or false: put {what} in quotes."
    if isinstance(value, datetime.date):
        return f"YAML read {value.isoformat()} as a date: put {what} in quotes."
    if isinstance(value, (int, float)):
        return f"YAML read {value!r} as a number: put {what} in quotes."
    if isinstance(value, dict) and len(value) == 1:
        (key,) = value
        return f"YAML read this as a mapping because of the colon after '{key}': put {what} in quotes."
    return ""
