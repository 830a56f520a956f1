"""Reading a SCORM package's imsmanifest.xml (1.2, 2004 3rd and 4th edition).

The manifest is parsed with defusedxml (no entities, no external references) and read by
local names, so the namespace prefixes a tool chose (adlcp:, imscp:, none) do not matter.
What comes out is plain data: the version, the default organisation as a tree, and the
items a learner can launch, each with its resolved launch path inside the package.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from lms.core.errors import ServiceError

from .models import ScormVersion

MANIFEST_NAME = "imsmanifest.xml"
MANIFEST_MAX_BYTES = 5 * 1024 * 1024


class ManifestError(ServiceError):
    """The package's manifest is missing, unreadable or declares nothing to play."""


@dataclass
class LaunchItem:
    identifier: str
    title: str
    launch: str  # path inside the package, with the item's parameters
    is_sco: bool
    mastery_score: float | None = None
    launch_data: str = ""


@dataclass
class Manifest:
    identifier: str
    title: str
    version: str
    structure: list[dict] = field(default_factory=list)
    items: list[LaunchItem] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element, name: str) -> str:
    """An attribute by local name, whatever its namespace (adlcp:scormtype, xml:base)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value.strip()
    return ""


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name: str) -> str:
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _version(root) -> str:
    metadata = _child(root, "metadata")
    schema_version = _text(metadata, "schemaversion").lower()
    namespaces = " ".join(
        [root.tag, *(key for element in root.iter() for key in element.attrib)]
    ).lower()
    if "1.2" in schema_version or "adlcp_rootv1p2" in namespaces:
        return ScormVersion.SCORM_12
    if "4th" in schema_version:
        return ScormVersion.SCORM_2004_4
    if schema_version or "adlcp_v1p3" in namespaces or "imsss" in namespaces:
        return ScormVersion.SCORM_2004_3
    # No metadata and no SCORM namespace: an IMS content package; played as 1.2.
    return ScormVersion.SCORM_12


def _resolve(base: str, href: str, parameters: str, names: frozenset[str]) -> str:
    """The launch path inside the package, refused if it leaves it or is not there."""
    split = urlsplit(href)
    if split.scheme or split.netloc:
        raise ManifestError(
            _("The package starts from an address outside it: %(href)s") % {"href": href},
            code="external_launch",
        )
    path = posixpath.normpath(posixpath.join(base, unquote(split.path))) if split.path else ""
    if not path or path.startswith(("../", "/")) or path == "..":
        raise ManifestError(
            _("The package starts from a file outside it: %(href)s") % {"href": href},
            code="unsafe_launch",
        )
    if path not in names:
        raise ManifestError(
            _("The manifest names a start file the package does not hold: %(href)s")
            % {"href": href},
            code="missing_launch",
        )
    query = split.query
    if parameters:
        parameters = parameters.lstrip("?&")
        query = f"{query}&{parameters}" if query else parameters
    return path + (f"?{query}" if query else "") + (f"#{split.fragment}" if split.fragment else "")


def manifest_parse(*, data: bytes, names: frozenset[str]) -> Manifest:
    """Read a manifest's bytes; `names` are the package's file paths, to check launches."""
    try:
        # A DOCTYPE is allowed (some authoring tools write one); entities are not.
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise ManifestError(
            _("The package's imsmanifest.xml file cannot be read."), code="bad_manifest"
        ) from error
    if _local(root.tag) != "manifest":
        raise ManifestError(
            _("The package's imsmanifest.xml file cannot be read."), code="bad_manifest"
        )
    version = _version(root)
    resources_element = _child(root, "resources")
    resources = {}
    if resources_element is not None:
        manifest_base = _attr(resources_element, "base")
        for resource in _children(resources_element, "resource"):
            resources[_attr(resource, "identifier")] = (
                resource,
                posixpath.join(_attr(root, "base"), manifest_base, _attr(resource, "base")),
            )

    items: list[LaunchItem] = []
    seen_identifiers: set[str] = set()

    def walk(element) -> list[dict]:
        nodes = []
        for item in _children(element, "item"):
            if _attr(item, "isvisible").lower() == "false":
                continue
            identifier = _attr(item, "identifier") or f"item-{len(seen_identifiers)}"
            title = _text(item, "title") or identifier
            sco_identifier = ""
            reference = _attr(item, "identifierref")
            if reference and reference in resources and identifier not in seen_identifiers:
                resource, base = resources[reference]
                href = _attr(resource, "href")
                if href:
                    kind = _attr(resource, "scormtype").lower()
                    mastery = _text(item, "masteryscore")
                    items.append(
                        LaunchItem(
                            identifier=identifier[:255],
                            title=title[:255],
                            launch=_resolve(base, href, _attr(item, "parameters"), names),
                            is_sco=kind != "asset",
                            mastery_score=_number(mastery),
                            launch_data=_text(item, "datafromlms"),
                        )
                    )
                    sco_identifier = identifier[:255]
            seen_identifiers.add(identifier)
            nodes.append(
                {
                    "identifier": identifier[:255],
                    "title": title[:255],
                    "sco": sco_identifier,
                    "children": walk(item),
                }
            )
        return nodes

    organizations = _child(root, "organizations")
    organization = None
    if organizations is not None:
        candidates = _children(organizations, "organization")
        default = _attr(organizations, "default")
        organization = next(
            (org for org in candidates if _attr(org, "identifier") == default),
            candidates[0] if candidates else None,
        )
    structure = walk(organization) if organization is not None else []
    if not items:
        # A package without an organisation: its first resource with a start file.
        for identifier, (resource, base) in resources.items():
            if _attr(resource, "href"):
                launch = _resolve(base, _attr(resource, "href"), "", names)
                items.append(
                    LaunchItem(
                        identifier=identifier or "resource", title="", launch=launch, is_sco=True
                    )
                )
                structure = []
                break
    if not items:
        raise ManifestError(
            _("The package's manifest names nothing a learner can open."), code="nothing_to_play"
        )
    title = _text(organization, "title") if organization is not None else ""
    return Manifest(
        identifier=_attr(root, "identifier")[:255],
        title=title[:255],
        version=version,
        structure=structure,
        items=items,
    )


def _number(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None
