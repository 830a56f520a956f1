"""Demo data: a small SCORM 1.2 package, made here, playing in the online-safety course.

Three short cards and a question about what is safe to post; it saves where the learner
stopped and reports a score. The lesson stays "mark as done" (the package does not decide
it) so the rest of the demo's progress is unchanged. `seed(result)` is idempotent.
"""

import io
import json
import zipfile

from curricula.models import LessonPage
from lms.packages.models import ScormPackage
from lms.packages.services import package_upload

COURSE_SLUG = "online-safety"
LESSON_SLUG = "think-before-you-post"
TITLE = "ทบทวน: โพสต์อะไรได้บ้าง"

CARDS = [
    "ก่อนโพสต์ ลองถามตัวเองว่า ถ้าคนในครอบครัวหรือนายจ้างเห็น จะสบายใจไหม",
    "ไม่โพสต์เลขบัตรประชาชน ที่อยู่บ้าน หรือรูปบัตรต่าง ๆ ลงสื่อสังคม",
    "รูปที่มีคนอื่นอยู่ด้วย ขออนุญาตเจ้าตัวก่อนโพสต์ทุกครั้ง",
]
QUESTION = "ข้อใดโพสต์ได้อย่างปลอดภัย"
CHOICES = [("รูปสินค้าที่ทำเองพร้อมราคา", True), ("รูปบัตรประชาชนเพื่อยืนยันตัวตน", False)]

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="demo.think-before-you-post" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="demo">
    <organization identifier="demo">
      <title>{title}</title>
      <item identifier="cards" identifierref="cards-sco"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="cards-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="cards.js"/>
    </resource>
  </resources>
</manifest>"""

PAGE = """<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:12px;line-height:1.6}}
button{{font:inherit;padding:8px 14px;margin:4px 0}}</style></head>
<body><h1>{title}</h1><div id="card"></div><div id="choices"></div>
<button id="next" type="button">ถัดไป</button><p id="result" role="status"></p>
<script id="data" type="application/json">{data}</script>
<script src="cards.js"></script></body></html>"""

SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById("data").textContent);
  var api = null;
  for (var w = window, i = 0; w && i < 10; i++) {
    try { if (w.API) { api = w.API; break; } } catch (e) {}
    if (w.parent === w) break;
    w = w.parent;
  }
  function get(k) { return api ? api.LMSGetValue(k) : ""; }
  function set(k, v) { if (api) api.LMSSetValue(k, v); }
  if (api) api.LMSInitialize("");
  var at = parseInt(get("cmi.core.lesson_location"), 10) || 0;
  var card = document.getElementById("card"), next = document.getElementById("next");
  function show() {
    if (at < data.cards.length) {
      card.textContent = data.cards[at];
      return;
    }
    card.textContent = data.question;
    next.hidden = true;
    data.choices.forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = choice[0];
      button.addEventListener("click", function () {
        set("cmi.core.score.raw", choice[1] ? "100" : "0");
        set("cmi.core.score.min", "0");
        set("cmi.core.score.max", "100");
        set("cmi.core.lesson_status", choice[1] ? "passed" : "failed");
        if (api) { api.LMSCommit(""); api.LMSFinish(""); }
        document.getElementById("result").textContent = choice[1] ? data.right : data.wrong;
      });
      document.getElementById("choices").appendChild(button);
    });
  }
  next.addEventListener("click", function () {
    at += 1;
    set("cmi.core.lesson_location", String(at));
    set("cmi.core.lesson_status", "incomplete");
    set("cmi.core.exit", "suspend");
    if (api) api.LMSCommit("");
    show();
  });
  show();
})();
"""


def demo_package() -> bytes:
    """The demo package's zip, built in memory."""
    data = json.dumps(
        {
            "cards": CARDS,
            "question": QUESTION,
            "choices": CHOICES,
            "right": "ถูกต้อง เก่งมาก",
            "wrong": "ยังไม่ถูก ลองอ่านการ์ดอีกครั้งนะ",
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST.format(title=TITLE))
        archive.writestr("index.html", PAGE.format(title=TITLE, data=data))
        archive.writestr("cards.js", SCRIPT)
    buffer.seek(0)
    return buffer.getvalue()


def seed(result: dict) -> None:
    course = result["courses"].get(COURSE_SLUG)
    if course is None:
        return
    lesson = LessonPage.objects.child_of(course).filter(slug=LESSON_SLUG).first()
    if lesson is None:
        return
    existing = ScormPackage.objects.filter(lesson=lesson).first()
    if existing is not None:
        result["scorm_package"] = existing
        return
    result["scorm_package"] = package_upload(
        lesson=lesson,
        file=io.BytesIO(demo_package()),
        uploaded_by=result["users"]["demo-trainer"],
        title=TITLE,
        completes_lesson=False,
    )
