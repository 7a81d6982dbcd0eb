"""Debian's chromium and the flags every browser test and bench starts it with (no pytest here,
so bench/ can import it). Never a downloaded browser."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# without the background-networking flags chromium tries Google's hosts, which this closed
# network refuses, many at a time
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
