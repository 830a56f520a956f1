"""Small .h5p packages written by the tests: a content type of our own, no network.

`H5P.TestButton 1.0` is a minimal H5P library: it shows a button and, when pressed,
reports through H5P's API an xAPI "completed" statement with the score the content gives
(raw out of max). It depends on a second library, `H5P.TestStyle 1.0`, so that a package
without it tests the check for libraries the content needs.
"""

import io
import json
import zipfile

BUTTON_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.TestButton = (function () {
  function TestButton(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    this.contentId = contentId;
  }
  TestButton.prototype = Object.create(H5P.EventDispatcher.prototype);
  TestButton.prototype.constructor = TestButton;
  TestButton.prototype.attach = function ($container) {
    var self = this;
    var box = document.createElement("div");
    box.className = "test-button";
    var question = document.createElement("p");
    question.textContent = self.params.question;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = self.params.label;
    button.addEventListener("click", function () {
      self.triggerXAPIScored(self.params.score, self.params.max, "completed");
      question.textContent = self.params.done;
      button.disabled = true;
    });
    box.appendChild(question);
    box.appendChild(button);
    $container.get(0).appendChild(box);
  };
  return TestButton;
})();
"""

STYLE_CSS = """
.test-button { padding: 16px; }
.test-button button { font-size: 18px; padding: 12px 20px; min-height: 48px; }
"""

BUTTON = {"machineName": "H5P.TestButton", "majorVersion": 1, "minorVersion": 0}
STYLE = {"machineName": "H5P.TestStyle", "majorVersion": 1, "minorVersion": 0}


def library_json(dependency: dict, **extra) -> dict:
    return {
        "title": dependency["machineName"],
        **dependency,
        "patchVersion": 0,
        "runnable": 1,
        "embedTypes": ["div", "iframe"],
        **extra,
    }


def package_files(*, score: int = 4, max_score: int = 5, title: str = "กดปุ่มเพื่อส่งคำตอบ"):
    """{path: bytes} of a playable package; tests change or drop entries to break it."""
    h5p = {
        "title": title,
        "language": "th",
        "mainLibrary": "H5P.TestButton",
        "embedTypes": ["div", "iframe"],
        "preloadedDependencies": [BUTTON, STYLE],
    }
    content = {
        "question": "พร้อมส่งคำตอบแล้วหรือยัง",
        "label": "ส่งคำตอบ",
        "done": "ส่งคำตอบแล้ว",
        "score": score,
        "max": max_score,
    }
    return {
        "h5p.json": json.dumps(h5p, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False).encode(),
        "H5P.TestButton-1.0/library.json": json.dumps(
            library_json(
                BUTTON,
                preloadedJs=[{"path": "button.js"}],
                preloadedDependencies=[STYLE],
            )
        ).encode(),
        "H5P.TestButton-1.0/button.js": BUTTON_JS.encode(),
        "H5P.TestStyle-1.0/library.json": json.dumps(
            library_json(STYLE, runnable=0, preloadedCss=[{"path": "style.css"}])
        ).encode(),
        "H5P.TestStyle-1.0/style.css": STYLE_CSS.encode(),
    }


def build_package(files: dict | None = None, **kwargs) -> io.BytesIO:
    """The package's zip in memory, named like an uploaded file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (files if files is not None else package_files(**kwargs)).items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "activity.h5p"
    return buffer
