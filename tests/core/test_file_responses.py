"""Stored files answered in parts (HTTP range requests): what a phone's video player asks."""

import io

from django.test import RequestFactory

import pytest

from lms.core.file_responses import ranged_file_response

DATA = bytes(range(256)) * 40  # 10,240 bytes


def answer(range_header=None, **headers):
    if range_header is not None:
        headers["HTTP_RANGE"] = range_header
    request = RequestFactory().get("/video.mp4", **headers)
    response = ranged_file_response(
        request, file=io.BytesIO(DATA), size=len(DATA), content_type="video/mp4", etag='"v1"'
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_without_a_range_the_whole_file_says_parts_may_be_asked_for():
    response, body = answer()
    assert response.status_code == 200
    assert body == DATA
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(DATA))


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-1", 0, 1),  # the probe a browser's video element starts with
        ("bytes=100-", 100, len(DATA) - 1),  # seeking: from here on
        ("bytes=-500", len(DATA) - 500, len(DATA) - 1),  # the end (an MP4's index)
        ("bytes=10000-99999", 10000, len(DATA) - 1),  # past the end: up to the end
    ],
)
def test_one_range_is_answered_with_that_part_alone(header, start, end):
    response, body = answer(header)
    assert response.status_code == 206
    assert body == DATA[start : end + 1]
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(DATA)}"
    assert response["Content-Length"] == str(end - start + 1)


def test_a_range_starting_past_the_end_is_416():
    response, _body = answer("bytes=20000-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "pages=1-2", "bytes=9-3", "bytes=x-"])
def test_what_is_not_one_plain_range_gets_the_whole_file(header):
    response, body = answer(header)
    assert response.status_code == 200
    assert body == DATA


def test_a_range_for_another_version_gets_the_whole_file():
    response, body = answer("bytes=0-9", HTTP_IF_RANGE='"v0"')
    assert response.status_code == 200 and body == DATA
    response, body = answer("bytes=0-9", HTTP_IF_RANGE='"v1"')
    assert response.status_code == 206 and body == DATA[:10]
