"""Write files whole or not at all, so an interrupted run never leaves half a baseline or report."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


@contextlib.contextmanager
def atomic_write(path: str | Path) -> Iterator[IO[str]]:
    """A text handle on a temporary file that replaces ``path`` only when the block succeeds.

    The temporary file sits in the same folder (``os.replace`` is atomic only within one file
    system). A missing folder is an error, not created: a mistyped path should not grow a
    directory tree. Raises OSError when the folder cannot be written.
    """
    target = Path(os.path.realpath(path))  # through a symlink: the link stays a link
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such directory", str(folder))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below on every path
        "w", encoding="utf-8", dir=folder, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            yield handle
            handle.flush()
            os.fchmod(handle.fileno(), _mode_for(target))
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _mode_for(target: Path) -> int:
    """The permissions the file keeps (or a new one gets), not the temporary file's 0600."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
