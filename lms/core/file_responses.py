"""Files answered in parts: HTTP range requests (RFC 9110, section 14) for stored files.

A phone seeking in a lesson's video asks for the bytes from where it seeks; Safari on
iPhones plays no video at all from a server that cannot answer such a request. Django's
FileResponse always sends the whole file. `ranged_file_response` answers one range with
206 and the part alone, a range past the end with 416, and anything else (no Range
header, several ranges, a malformed or stale one) with the whole file as before. The file
is read in chunks, never whole into memory.
"""

import hashlib
import re
from collections.abc import Iterator
from typing import IO

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.http import parse_http_date_safe

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_BYTES = 64 * 1024


def _wanted(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte of one satisfiable range; None to send everything; False if the
    range starts past the end."""
    match = _RANGE.match(header.replace(" ", ""))
    if match is None:
        return None  # several ranges or another unit: the whole file is a valid answer
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # the last N bytes
        length = int(last)
        if length == 0:
            return False
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        return False
    end = min(int(last), size - 1) if last else size - 1
    if end < start:
        return None
    return start, end


def _part(file: IO[bytes], start: int, end: int) -> Iterator[bytes]:
    try:
        file.seek(start)
        left = end - start + 1
        while left > 0:
            chunk = file.read(min(CHUNK_BYTES, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        file.close()


def stored_file_etag(name: str, size: int) -> str:
    """An entity tag for a stored file that never changes under its name."""
    return f'"{hashlib.sha256(f"{name}:{size}".encode()).hexdigest()[:16]}"'


def ranged_file_response(
    request: HttpRequest, *, file: IO[bytes], size: int, content_type: str, etag: str = ""
) -> HttpResponse:
    """The file, or the one part of it the request's Range header asks for."""
    header = request.headers.get("Range", "")
    wanted = _wanted(header, size) if header and request.method in ("GET", "HEAD") else None
    if_range = request.headers.get("If-Range", "")
    if wanted and if_range and if_range != etag and parse_http_date_safe(if_range) is None:
        wanted = None  # the client's copy is of another version: send it all
    if wanted is False:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    elif wanted is None:
        response = FileResponse(file, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = wanted
        response = StreamingHttpResponse(
            _part(file, start, end), content_type=content_type, status=206
        )
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    if etag:
        response["ETag"] = etag
    return response
