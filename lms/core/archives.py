"""Safe inspection and extraction of an uploaded zip (SCORM packages, H5P content).

An uploaded archive is hostile until proven otherwise. `archive_inspect` judges it from its
central directory alone: member paths that would leave the package (zip slip), symlinks,
encrypted members, duplicate names, server-side or executable file types, too many files,
too many bytes and a compression ratio only a zip bomb has. `archive_extract` inspects it
and then writes the members through a Django storage under one prefix; the sizes the
headers claim are enforced again while reading, chunk by chunk, so a lying header cannot
get past; on any failure everything it wrote is deleted, so a refused package leaves
nothing behind.

Every refusal is an `ArchiveError` whose message is shown to the trainer as it is.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.utils.translation import gettext as _

from lms.core.errors import ServiceError

DEFAULT_MAX_FILES = 5_000
DEFAULT_MAX_BYTES = 500 * 1024 * 1024
# Text, scripts and media compress 2-20 times; a member a hundred times smaller than what
# it unpacks to is a bomb. Small members are let through whatever their ratio: a page of
# spaces is harmless.
DEFAULT_MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1024 * 1024
CHUNK_BYTES = 64 * 1024

# Types a web server or an operating system would run. A package only needs pages,
# scripts for the browser, styles, media and data.
DENIED_EXTENSIONS = frozenset(
    {
        ".exe", ".dll", ".bat", ".cmd", ".com", ".msi", ".msp", ".scr", ".pif", ".cpl",
        ".sh", ".bash", ".csh", ".ksh", ".zsh", ".ps1", ".psm1", ".vbs", ".vbe", ".wsf",
        ".wsh", ".hta", ".reg", ".lnk", ".jar", ".class", ".apk", ".app", ".deb", ".rpm",
        ".php", ".php3", ".php4", ".php5", ".php7", ".phtml", ".phar", ".py", ".pyc",
        ".pl", ".cgi", ".rb", ".asp", ".aspx", ".ashx", ".asmx", ".cer", ".jsp", ".jspx",
        ".so", ".dylib", ".elf", ".bin", ".htaccess", ".htpasswd", ".shtml",
    }
)  # fmt: skip

_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveError(ServiceError):
    """An uploaded archive was refused; `message` says why, in the person's language."""


@dataclass(frozen=True)
class ArchiveMember:
    name: str  # the path inside the package, as it is stored and served
    size: int
    source: str = ""  # the member's name in the zip, where it differs (a wrapping folder)


@dataclass(frozen=True)
class ArchiveContents:
    """What an archive holds (files only, directories left out) and what it unpacks to."""

    members: tuple[ArchiveMember, ...]
    total_bytes: int

    @property
    def names(self) -> frozenset[str]:
        return frozenset(member.name for member in self.members)

    def source_of(self, name: str) -> str:
        """The zip's own name of the package's file `name` (to open it in the archive)."""
        for member in self.members:
            if member.name == name:
                return member.source or member.name
        raise KeyError(name)

    @property
    def file_count(self) -> int:
        return len(self.members)


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "LMS_ARCHIVE_MAX_FILES", DEFAULT_MAX_FILES),
        getattr(settings, "LMS_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES),
        getattr(settings, "LMS_ARCHIVE_MAX_RATIO", DEFAULT_MAX_RATIO),
    )


def _open(file: IO[bytes] | str | os.PathLike) -> zipfile.ZipFile:
    try:
        if hasattr(file, "seek"):
            file.seek(0)
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ArchiveError(
            _("This file is not a zip file, or it is damaged."), code="not_zip"
        ) from error
    _repair_names(archive)
    return archive


def _repair_names(archive: zipfile.ZipFile) -> None:
    """Read names the way the program that made the zip meant them.

    A zip member's name is UTF-8 only when its flag says so; otherwise the format says
    IBM code page 437, which no Thai program writes. Windows' own "Send to compressed
    folder" writes the names in the machine's code page (TIS-620, code page 874, on a Thai
    Windows), and many tools write UTF-8 without setting the flag. Without this, a lesson
    file named in Thai would not be found under the name the manifest gives it.
    """
    repaired = False
    for info in archive.infolist():
        if info.flag_bits & 0x800 or info.filename.isascii():
            continue
        raw = info.filename.encode("cp437")
        for encoding in ("utf-8", "cp874"):
            try:
                info.filename = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            repaired = True
            break
    if repaired:
        archive.NameToInfo = {info.filename: info for info in archive.infolist()}


def _check_name(name: str) -> str:
    """The member's path inside the package, or a refusal if it could leave the package."""
    # Some Windows programs separate folders with a backslash; the rules below then apply
    # to the folders as they are meant.
    name = name.replace("\\", "/")
    if not name or "\x00" in name or name.startswith("/") or _DRIVE.match(name):
        raise ArchiveError(
            _("The package holds a file whose path leads outside it: %(name)s") % {"name": name},
            code="unsafe_path",
        )
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts) or posixpath.isabs(name):
        raise ArchiveError(
            _("The package holds a file whose path leads outside it: %(name)s") % {"name": name},
            code="unsafe_path",
        )
    return name


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _inspect(archive: zipfile.ZipFile) -> ArchiveContents:
    max_files, max_bytes, max_ratio = _limits()
    infos = archive.infolist()
    if len(infos) > max_files:
        raise ArchiveError(
            _("The package holds more than %(count)s files.") % {"count": f"{max_files:,}"},
            code="too_many_files",
        )
    seen: set[str] = set()
    members: list[ArchiveMember] = []
    total = 0
    for info in infos:
        name = _check_name(info.filename)
        if _is_junk(name):
            continue
        folded = name.rstrip("/").casefold()
        if folded in seen:
            raise ArchiveError(
                _("The package holds the same file name twice: %(name)s") % {"name": name},
                code="duplicate_name",
            )
        seen.add(folded)
        if _is_symlink(info):
            raise ArchiveError(
                _("The package holds a link to another file, which is not allowed: %(name)s")
                % {"name": name},
                code="symlink",
            )
        if info.flag_bits & 0x1:
            raise ArchiveError(
                _("The package is protected by a password; upload it without one."),
                code="encrypted",
            )
        if info.is_dir():
            continue
        extension = posixpath.splitext(posixpath.basename(name).lower())[1]
        if extension in DENIED_EXTENSIONS or posixpath.basename(name).lower() in DENIED_EXTENSIONS:
            raise ArchiveError(
                _("The package holds a program file, which is not allowed: %(name)s")
                % {"name": name},
                code="denied_type",
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > max_ratio * max(
            info.compress_size, 1
        ):
            raise ArchiveError(
                _("The package unpacks to far more than its size; it looks like a zip bomb."),
                code="zip_bomb",
            )
        total += info.file_size
        if total > max_bytes:
            raise _too_large(max_bytes)
        members.append(ArchiveMember(name=name, size=info.file_size, source=info.filename))
    return ArchiveContents(members=tuple(_unwrapped(members)), total_bytes=total)


# What a computer adds when it zips a folder: macOS's resource forks and folder settings,
# Windows' thumbnail caches. Never part of a package; left out rather than refused.
_JUNK_FOLDERS = ("__MACOSX/",)
_JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


def _is_junk(name: str) -> bool:
    return name.startswith(_JUNK_FOLDERS) or posixpath.basename(name).lower() in _JUNK_FILES


def _unwrapped(members: list[ArchiveMember]) -> list[ArchiveMember]:
    """The members with a folder that wraps all of them taken away.

    A person who zips the package's folder, rather than what is inside it, gets one folder
    at the top holding everything; the package's own files (imsmanifest.xml, h5p.json) are
    then one level down. Nothing is lost by lifting them up: nothing else is at the top.
    Names keep their `source` in the zip either way.
    """
    members = [
        ArchiveMember(name=m.name, size=m.size, source=m.source if m.source != m.name else "")
        for m in members
    ]
    while members and all("/" in member.name for member in members):
        tops = {member.name.split("/", 1)[0] for member in members}
        if len(tops) != 1:
            break
        members = [
            ArchiveMember(
                name=member.name.split("/", 1)[1],
                size=member.size,
                source=member.source or member.name,
            )
            for member in members
        ]
    return members


def _too_large(max_bytes: int) -> ArchiveError:
    return ArchiveError(
        _("The package unpacks to more than %(size)s MB.") % {"size": f"{max_bytes // 2**20:,}"},
        code="too_large",
    )


def archive_inspect(*, file: IO[bytes] | str | os.PathLike) -> ArchiveContents:
    """Judge an archive from its headers; refuse it with an `ArchiveError` if hostile."""
    with _open(file) as archive:
        return _inspect(archive)


def archive_read(*, file: IO[bytes] | str | os.PathLike, name: str, max_bytes: int) -> bytes:
    """One member's bytes (e.g. a manifest), read in chunks and stopped at `max_bytes`."""
    with _open(file) as archive:
        contents = _inspect(archive)
        try:
            info = archive.getinfo(contents.source_of(name))
        except KeyError:
            raise ArchiveError(
                _("The package has no %(name)s file.") % {"name": name}, code="missing_member"
            ) from None
        buffer = bytearray()
        with _corrupt_as_refusal(), archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                buffer += chunk
                if len(buffer) > max_bytes:
                    raise _too_large(max_bytes)
        return bytes(buffer)


@contextlib.contextmanager
def _corrupt_as_refusal():
    # A bad CRC (what a lying size header ends in), a truncated stream, an unknown method.
    try:
        yield
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        raise ArchiveError(
            _("This file is not a zip file, or it is damaged."), code="not_zip"
        ) from error


def archive_extract(
    *,
    file: IO[bytes] | str | os.PathLike,
    prefix: str,
    storage: Storage | None = None,
    check: Callable[[zipfile.ZipFile, ArchiveContents], None] | None = None,
) -> ArchiveContents:
    """Inspect the archive, then write its files to `storage` under `prefix`.

    `check` may look at the opened archive before anything is written (e.g. parse a
    manifest) and refuse it by raising. While reading, a member that unpacks to more bytes
    than its header said, or a running total over the limit, stops the extraction. Any
    failure deletes everything written so far and re-raises.
    """
    storage = storage or default_storage
    prefix = prefix.strip("/")
    max_bytes = _limits()[1]
    written: list[str] = []
    try:
        with _open(file) as archive:
            contents = _inspect(archive)
            if check is not None:
                check(archive, contents)
            total = 0
            for member in contents.members:
                target = f"{prefix}/{member.name}"
                with _corrupt_as_refusal(), tempfile.SpooledTemporaryFile(2**20) as spool:
                    read = 0
                    with archive.open(member.source or member.name) as source:
                        while chunk := source.read(CHUNK_BYTES):
                            read += len(chunk)
                            total += len(chunk)
                            if read > member.size or total > max_bytes:
                                raise _too_large(max_bytes)
                            spool.write(chunk)
                    spool.seek(0)
                    saved = storage.save(target, File(spool, name=posixpath.basename(target)))
                    written.append(saved)
                    if saved != target:
                        # The storage renamed it because the name was taken: the package's
                        # prefix was not empty, and its pages would load someone else's files.
                        raise ArchiveError(
                            _("The package could not be stored; please upload it again."),
                            code="storage_conflict",
                        )
            return contents
    except BaseException:
        archive_delete(prefix=prefix, storage=storage, names=written)
        raise


def archive_delete(*, prefix: str, storage: Storage | None = None, names=None) -> None:
    """Delete what was written under `prefix` (the given names, or everything found)."""
    storage = storage or default_storage
    prefix = prefix.strip("/")
    if names is None:
        names = list(_walk(storage, prefix))
    for name in names:
        storage.delete(name)
    _remove_empty_directories(storage, prefix)


def _walk(storage: Storage, prefix: str):
    try:
        directories, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for file_name in files:
        yield f"{prefix}/{file_name}"
    for directory in directories:
        yield from _walk(storage, f"{prefix}/{directory}")


def _remove_empty_directories(storage: Storage, prefix: str) -> None:
    # A file-system storage leaves the folders behind; object stores have none.
    try:
        root = storage.path(prefix)
    except NotImplementedError:
        return
    if not os.path.isdir(root):
        return
    for directory, _subdirectories, _files in os.walk(root, topdown=False):
        with contextlib.suppress(OSError):
            os.rmdir(directory)
