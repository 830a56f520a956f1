"""SCORM packages written for the tests: a manifest and an HTML SCO whose script finds the
API the way packages do (this window, then its parents), resumes at the saved page, and
reports location, suspend data, score, completion and success."""

import io
import zipfile
from pathlib import Path

# Packages ship their own fonts; this one ships Sarabun (from the npm registry) for Thai.
FONT = (
    Path(__file__).resolve().parents[2]
    / "node_modules/@fontsource/sarabun/files/sarabun-thai-400-normal.woff2"
)

SCO_SCRIPT = r"""
(function () {
  function find(win) {
    for (var tries = 0; win && tries < 10; tries++) {
      try {
        if (win.API_1484_11) return { v: "2004", api: win.API_1484_11 };
        if (win.API) return { v: "1.2", api: win.API };
      } catch (error) {}
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var found = find(window) || (window.opener ? find(window.opener) : null);
  var status = document.getElementById("status");
  if (!found) { status.textContent = "ไม่พบระบบบันทึกผล"; return; }
  var api = found.api, v = found.v, total = parseInt(document.body.dataset.pages, 10);
  function get(a, b) { return v === "1.2" ? api.LMSGetValue(a) : api.GetValue(b); }
  function set(a, b, value) { return v === "1.2" ? api.LMSSetValue(a, value) : api.SetValue(b, value); }
  function commit() { return v === "1.2" ? api.LMSCommit("") : api.Commit(""); }
  if (v === "1.2") api.LMSInitialize(""); else api.Initialize("");
  document.getElementById("entry").textContent = get("cmi.core.entry", "cmi.entry");
  document.getElementById("learner").textContent = get("cmi.core.student_name", "cmi.learner_name");
  var page = parseInt(get("cmi.core.lesson_location", "cmi.location"), 10) || 1;
  var memory = get("cmi.suspend_data", "cmi.suspend_data");
  function show() {
    document.getElementById("page").textContent = "หน้า " + page + " จาก " + total;
    document.getElementById("memory").textContent = memory;
    document.getElementById("next").hidden = page >= total;
    document.getElementById("finish").hidden = page < total;
  }
  document.getElementById("next").addEventListener("click", function () {
    page += 1;
    memory = "seen:" + page;
    set("cmi.core.lesson_location", "cmi.location", String(page));
    set("cmi.suspend_data", "cmi.suspend_data", memory);
    set("cmi.core.lesson_status", "cmi.completion_status", "incomplete");
    set("cmi.core.exit", "cmi.exit", "suspend");
    commit();
    status.textContent = "บันทึกหน้า " + page;
    show();
  });
  document.getElementById("finish").addEventListener("click", function () {
    var score = document.body.dataset.score;
    set("cmi.core.score.raw", "cmi.score.raw", score);
    set("cmi.core.score.min", "cmi.score.min", "0");
    set("cmi.core.score.max", "cmi.score.max", "100");
    if (v === "1.2") {
      set("cmi.core.lesson_status", "", "passed");
    } else {
      api.SetValue("cmi.score.scaled", String(score / 100));
      api.SetValue("cmi.completion_status", "completed");
      api.SetValue("cmi.success_status", "passed");
    }
    set("cmi.core.exit", "cmi.exit", "");
    commit();
    if (v === "1.2") api.LMSFinish(""); else api.Terminate("");
    status.textContent = "เรียนจบแล้ว";
  });
  show();
})();
"""


def sco_html(*, title: str, pages: int = 3, score: int = 80) -> str:
    return f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="style.css"></head>
<body data-pages="{pages}" data-score="{score}">
<h1>{title}</h1>
<p id="page"></p>
<p>ผู้เรียน: <span id="learner"></span> · เข้าแบบ: <span id="entry"></span></p>
<p>ความจำ: <span id="memory"></span></p>
<button id="next" type="button">หน้าถัดไป</button>
<button id="finish" type="button" hidden>ส่งคำตอบ</button>
<p id="status" role="status"></p>
<script src="sco.js"></script>
</body></html>"""


STYLE = (
    "@font-face{font-family:Sarabun;src:url(fonts/sarabun.woff2) format('woff2')}"
    "body{font-family:Sarabun,sans-serif;margin:8px}"
    "button{font-family:inherit;font-size:18px;padding:8px 16px}"
)

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.sell.12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>{title}</title>
      <item identifier="item-1" identifierref="res-1" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>60</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="sco.js"/><file href="style.css"/>
    </resource>
  </resources>
</manifest>"""

MANIFEST_2004_4 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.sell.2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org" adlseq:objectivesGlobalToSystem="false">
      <title>{title}</title>
      <item identifier="item-1" identifierref="res-1">
        <title>{title}</title>
        <imsss:sequencing><imsss:deliveryControls completionSetByContent="true"
          objectiveSetByContent="true"/></imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="index.html">
      <file href="index.html"/><file href="sco.js"/><file href="style.css"/>
    </resource>
  </resources>
</manifest>"""


def zip_bytes(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def scorm12_package(*, title: str = "ขายของออนไลน์ (1.2)", pages: int = 3, score: int = 80):
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_12.format(title=title),
            "index.html": sco_html(title=title, pages=pages, score=score),
            "sco.js": SCO_SCRIPT,
            "style.css": STYLE,
            "fonts/sarabun.woff2": FONT.read_bytes(),
        }
    )


def scorm2004_package(*, title: str = "ขายของออนไลน์ (2004)", pages: int = 3, score: int = 90):
    return zip_bytes(
        {
            "imsmanifest.xml": MANIFEST_2004_4.format(title=title),
            "index.html": sco_html(title=title, pages=pages, score=score),
            "sco.js": SCO_SCRIPT,
            "style.css": STYLE,
            "fonts/sarabun.woff2": FONT.read_bytes(),
        }
    )


# How a widely copied family of sample packages looks for the API: in the parents and the
# opener only, never in its own window, and without guarding against a parent of another
# origin (reading one throws).
PARENT_FIRST_SCRIPT = SCO_SCRIPT.replace(
    """  var found = find(window) || (window.opener ? find(window.opener) : null);""",
    """  function scan(win) {
    var tries = 0;
    while (win.API == null && win.API_1484_11 == null && win.parent != null && win.parent != win) {
      if (++tries > 7) return null;
      win = win.parent;
    }
    if (win.API_1484_11 != null) return { v: "2004", api: win.API_1484_11 };
    if (win.API != null) return { v: "1.2", api: win.API };
    return null;
  }
  var found = null;
  if (window.parent != null && window.parent != window) found = scan(window.parent);
  if (found == null && window.opener != null) found = scan(window.opener);""",
)


def parent_first_package(*, manifest: str, title: str, pages: int = 1, score: int = 75) -> bytes:
    return zip_bytes(
        {
            "imsmanifest.xml": manifest.format(title=title),
            "index.html": sco_html(title=title, pages=pages, score=score),
            "sco.js": PARENT_FIRST_SCRIPT,
            "style.css": STYLE,
        }
    )
