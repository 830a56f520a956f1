"""Manifests in the shapes authoring tools write them."""

from django.utils import translation

import pytest

from lms.packages.manifest import ManifestError, manifest_parse

# SCORM 2004 3rd edition, multi-SCO, nested organisation, an asset item, xml:base on
# resources, sequencing and metadata the way course authoring tools export them.
MULTI_2004_3 = b"""<?xml version="1.0" standalone="no" ?>
<manifest identifier="course-3rd" version="1.3"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 3rd Edition</schemaversion>
  </metadata>
  <organizations default="ORG-A">
    <organization identifier="ORG-B"><title>Other</title></organization>
    <organization identifier="ORG-A" structure="hierarchical">
      <title>Digital money</title>
      <item identifier="MOD-1">
        <title>Module 1</title>
        <item identifier="SCO-1" identifierref="RES-1" parameters="?page=intro">
          <title>Welcome</title>
        </item>
        <item identifier="SCO-2" identifierref="RES-2"><title>Paying by QR</title></item>
      </item>
      <item identifier="HANDOUT" identifierref="RES-PDF"><title>Handout</title></item>
      <item identifier="HIDDEN" identifierref="RES-1" isvisible="false"><title>Hidden</title></item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="RES-1" type="webcontent" adlcp:scormType="sco" xml:base="m1/"
      href="index.html?lang=th"><file href="index.html"/><dependency identifierref="SHARED"/></resource>
    <resource identifier="RES-2" type="webcontent" adlcp:scormType="sco" href="m2/start%20here.html"/>
    <resource identifier="RES-PDF" type="webcontent" adlcp:scormType="asset" href="handout.html"/>
    <resource identifier="SHARED" type="webcontent" adlcp:scormType="asset"><file href="lib.js"/></resource>
  </resources>
</manifest>"""

# SCORM 1.2, two SCOs, lower-case adlcp:scormtype, no default organisation attribute.
MULTI_12 = b"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-12" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <organizations>
    <organization identifier="TOC1">
      <title>Safe passwords</title>
      <item identifier="I_SCO0" identifierref="SCO0">
        <title>Lesson one</title>
        <adlcp:masteryscore>75</adlcp:masteryscore>
        <adlcp:datafromlms>mode=learn</adlcp:datafromlms>
      </item>
      <item identifier="I_SCO1" identifierref="SCO1"><title>Quiz</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="SCO0" type="webcontent" adlcp:scormtype="sco" href="res/index.html"/>
    <resource identifier="SCO1" type="webcontent" adlcp:scormtype="sco" href="res/quiz.html"/>
  </resources>
</manifest>"""

NAMES_2004 = frozenset(
    {"content/m1/index.html", "content/m2/start here.html", "content/handout.html"}
)


def test_multi_sco_2004_third_edition():
    manifest = manifest_parse(data=MULTI_2004_3, names=NAMES_2004)
    assert manifest.version == "2004-3"
    assert manifest.title == "Digital money"
    assert [(item.identifier, item.launch, item.is_sco) for item in manifest.items] == [
        ("SCO-1", "content/m1/index.html?lang=th&page=intro", True),
        ("SCO-2", "content/m2/start here.html", True),
        ("HANDOUT", "content/handout.html", False),
    ]
    module = manifest.structure[0]
    assert module["title"] == "Module 1" and module["sco"] == ""
    assert [child["sco"] for child in module["children"]] == ["SCO-1", "SCO-2"]
    assert [node["identifier"] for node in manifest.structure] == ["MOD-1", "HANDOUT"]


def test_multi_sco_12_without_metadata():
    manifest = manifest_parse(data=MULTI_12, names=frozenset({"res/index.html", "res/quiz.html"}))
    assert manifest.version == "1.2"
    assert manifest.title == "Safe passwords"
    first, second = manifest.items
    assert (first.mastery_score, first.launch_data, first.is_sco) == (75.0, "mode=learn", True)
    assert second.launch == "res/quiz.html"


def test_fourth_edition_from_schemaversion():
    data = MULTI_2004_3.replace(b"2004 3rd Edition", b"2004 4th Edition")
    assert manifest_parse(data=data, names=NAMES_2004).version == "2004-4"


def test_2004_without_metadata_from_its_namespaces():
    data = MULTI_2004_3.replace(b"<schemaversion>2004 3rd Edition</schemaversion>", b"")
    assert manifest_parse(data=data, names=NAMES_2004).version == "2004-3"


@pytest.mark.parametrize(
    ("data", "names", "code", "thai"),
    [
        (b"<manifest", frozenset(), "bad_manifest", "อ่านไฟล์ imsmanifest.xml"),
        (b"<html/>", frozenset(), "bad_manifest", "อ่านไฟล์ imsmanifest.xml"),
        (MULTI_12, frozenset({"res/index.html"}), "missing_launch", "res/quiz.html"),
        (
            MULTI_12.replace(b"res/index.html", b"../../etc/passwd"),
            frozenset({"res/quiz.html"}),
            "unsafe_launch",
            "นอกแพ็กเกจ",
        ),
        (
            MULTI_12.replace(b"res/index.html", b"https://evil.example/x.html"),
            frozenset({"res/quiz.html"}),
            "external_launch",
            "evil.example",
        ),
        (
            b'<manifest xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"><resources/></manifest>',
            frozenset(),
            "nothing_to_play",
            "ไม่มีส่วนใด",
        ),
    ],
)
def test_bad_manifests_are_refused_in_thai(data, names, code, thai):
    with translation.override("th"), pytest.raises(ManifestError) as caught:
        manifest_parse(data=data, names=names)
    assert caught.value.code == code
    assert thai in caught.value.message


def test_entity_expansion_is_refused():
    laughs = b"""<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<manifest><organizations><organization><title>&b;</title></organization></organizations></manifest>"""
    with pytest.raises(ManifestError) as caught:
        manifest_parse(data=laughs, names=frozenset())
    assert caught.value.code == "bad_manifest"
