"""What makes an uploaded .h5p file playable here.

An .h5p file is a zip: `h5p.json` (the package's description), `content/content.json`
(what the author wrote) and one folder per library, named `Machine.Name-1.2`, each with
its `library.json`. The player loads everything from the package, never from a library
store, so every library the content needs, and every library those need, must be inside.

The zip itself (paths, links, sizes, program files) is judged by `lms.core.archives`.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from lms.core.archives import ArchiveContents
from lms.core.errors import ServiceError

MAX_JSON_BYTES = 16 * 1024 * 1024
MACHINE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]*$")


class H5PPackageError(ServiceError):
    """An .h5p file was refused; `message` says why, in the trainer's language."""


@dataclass(frozen=True)
class Library:
    machine_name: str
    major: int
    minor: int

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def __str__(self) -> str:
        return f"{self.machine_name} {self.major}.{self.minor}"


@dataclass(frozen=True)
class PackageInfo:
    title: str
    main_library: str
    metadata: dict[str, Any]
    total_bytes: int


def _read_json(archive: zipfile.ZipFile, name: str, names: frozenset[str]) -> Any:
    if name not in names:
        raise H5PPackageError(
            _("This is not an H5P package: it has no %(name)s file.") % {"name": name},
            code="missing_file",
        )
    with archive.open(name) as member:
        raw = member.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise H5PPackageError(
            _("The file %(name)s in the package is too large.") % {"name": name},
            code="json_too_large",
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise H5PPackageError(
            _("The file %(name)s in the package is damaged (it is not valid JSON).")
            % {"name": name},
            code="bad_json",
        ) from error


def _dependencies(description: Any, *, source: str) -> list[Library]:
    refused = H5PPackageError(
        _("The file %(name)s does not list its libraries correctly.") % {"name": source},
        code="bad_dependencies",
    )
    listed = description.get("preloadedDependencies", [])
    if not isinstance(listed, list):
        raise refused
    libraries = []
    for item in listed:
        if not isinstance(item, dict):
            raise refused
        name, major, minor = (
            item.get("machineName"),
            item.get("majorVersion"),
            item.get("minorVersion"),
        )
        if not isinstance(name, str) or not MACHINE_NAME.match(name):
            raise refused
        try:
            libraries.append(Library(name, int(major), int(minor)))
        except (TypeError, ValueError):
            raise refused from None
    return libraries


def _check_library_files(library: Library, description: dict, names: frozenset[str]) -> None:
    for key in ("preloadedJs", "preloadedCss"):
        for item in description.get(key) or []:
            path = item.get("path") if isinstance(item, dict) else None
            if not isinstance(path, str) or f"{library.folder}/{path}" not in names:
                raise H5PPackageError(
                    _("The library %(library)s in the package is missing its file %(path)s.")
                    % {"library": library, "path": path},
                    code="missing_library_file",
                )


def package_check(archive: zipfile.ZipFile, contents: ArchiveContents) -> PackageInfo:
    """Read and judge the package's descriptions; refuse it with an `H5PPackageError`."""
    names = contents.names
    description = _read_json(archive, "h5p.json", names)
    if not isinstance(description, dict):
        raise H5PPackageError(
            _("The file h5p.json in the package is damaged (it is not valid JSON)."),
            code="bad_json",
        )
    main = description.get("mainLibrary")
    if not isinstance(main, str) or not MACHINE_NAME.match(main):
        raise H5PPackageError(
            _("The file h5p.json does not say which library runs the activity."),
            code="no_main_library",
        )
    if "preloadedDependencies" not in description:
        raise H5PPackageError(
            _("The file %(name)s does not list its libraries correctly.") % {"name": "h5p.json"},
            code="bad_dependencies",
        )
    needed = _dependencies(description, source="h5p.json")
    if main not in {library.machine_name for library in needed}:
        raise H5PPackageError(
            _("The file h5p.json does not say which library runs the activity."),
            code="no_main_library",
        )
    content = _read_json(archive, "content/content.json", names)
    if not isinstance(content, dict):
        raise H5PPackageError(
            _("The file %(name)s in the package is damaged (it is not valid JSON).")
            % {"name": "content/content.json"},
            code="bad_json",
        )
    # Every library needed, and every library those need, must be in the package.
    seen: set[Library] = set()
    while needed:
        library = needed.pop()
        if library in seen:
            continue
        seen.add(library)
        source = f"{library.folder}/library.json"
        if source not in names:
            raise H5PPackageError(
                _(
                    "The package does not include the library %(library)s that the activity "
                    "needs. Export it again with its libraries included."
                )
                % {"library": library},
                code="missing_library",
            )
        library_description = _read_json(archive, source, names)
        if not isinstance(library_description, dict):
            raise H5PPackageError(
                _("The file %(name)s in the package is damaged (it is not valid JSON).")
                % {"name": source},
                code="bad_json",
            )
        _check_library_files(library, library_description, names)
        needed.extend(_dependencies(library_description, source=source))
    title = description.get("title")
    return PackageInfo(
        title=title.strip()[:255] if isinstance(title, str) else "",
        main_library=main,
        metadata=description,
        total_bytes=contents.total_bytes,
    )


def safe_member_path(path: str) -> str | None:
    """The package-relative path of a requested file, or None if it could leave the package."""
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    return posixpath.normpath(path)
