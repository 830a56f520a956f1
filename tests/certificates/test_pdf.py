"""The PDF itself, checked with the tools a person would use: pdffonts, pdfinfo,
pdftotext, and pdftoppm + zbarimg for the QR code."""

import re
import subprocess

from django.test import override_settings

import pytest
import wagtail_factories

from lms.certificates.models import (
    CertificateLanguage,
    CertificateSignatory,
    CertificateTemplateLogo,
    Orientation,
)
from lms.certificates.pdf import CertificateFacts, certificate_pdf
from lms.certificates.services import certificate_storage, certificate_template_default


def _run(*args, stdin=None) -> str:
    result = subprocess.run(args, input=stdin, capture_output=True, timeout=60, check=True)
    return result.stdout.decode("utf-8")


def _fonts(path) -> list[str]:
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    return [line.split()[0] for line in lines if line.strip()]


def _info(path) -> dict[str, str]:
    info = {}
    for line in _run("pdfinfo", str(path)).splitlines():
        key, _sep, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def _text(path) -> str:
    return " ".join(_run("pdftotext", "-raw", str(path), "-").split())


def _qr(path, tmp_path) -> list[str]:
    _run("pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(tmp_path / "page"))
    output = _run("zbarimg", "--quiet", "--raw", str(tmp_path / "page.png"))
    return [line for line in output.splitlines() if line]


def _assert_only_sarabun(path):
    fonts = _fonts(path)
    assert fonts, "no fonts embedded"
    for name in fonts:
        # Subset prefix "ABCDEF+" then the family: SarabunThai, SarabunLatin(-Bold) ...
        assert re.fullmatch(r"[A-Z]{6}\+Sarabun(Thai|Latin)(-\w+)?", name), fonts


@override_settings(SITE_URL="https://learn.example.go.th")
def test_rendered_certificate_has_the_facts_sarabun_only_and_a_working_qr(
    learner, certified, tmp_path
):
    certificate = certified(learner)
    path = tmp_path / "certificate.pdf"
    with certificate_storage().open(certificate.file_name, "rb") as handle:
        path.write_bytes(handle.read())

    _assert_only_sarabun(path)
    info = _info(path)
    assert info["Pages"] == "1"
    assert info["Title"] == "เกียรติบัตร · นางสาวมาลี ศรีสุข"
    assert info["Author"] == "ศูนย์ดิจิทัลชุมชน"
    assert certificate.course_title in info["Subject"]
    assert certificate.number in info["Subject"]

    text = _text(path)
    assert "นางสาวมาลี ศรีสุข" in text
    assert re.search(r"ให้ไว้ ณ วันที่ \d{1,2} \S+ พ.ศ. 25\d\d", text)
    assert f"เลขที่ {certificate.number}" in text
    assert certificate.display_code in text

    url = f"https://learn.example.go.th/certificates/verify/{certificate.display_code}/"
    assert _qr(path, tmp_path) == [url]


@pytest.mark.parametrize("orientation", [Orientation.LANDSCAPE, Orientation.PORTRAIT])
@pytest.mark.parametrize(
    "language",
    [CertificateLanguage.THAI, CertificateLanguage.ENGLISH, CertificateLanguage.BILINGUAL],
)
def test_every_layout_fits_one_page_with_images_and_sarabun_only(
    db, orientation, language, tmp_path
):
    template = certificate_template_default()
    template.orientation = orientation
    template.language = language
    template.background_image = wagtail_factories.ImageFactory(title="พื้นหลัง")
    template.save()
    CertificateTemplateLogo.objects.create(
        template=template, image=wagtail_factories.ImageFactory(title="โลโก้")
    )
    for i in range(3):
        CertificateSignatory.objects.create(
            template=template,
            name=f"นายผู้ลงนาม คนที่{i + 1}",
            position="ผู้อำนวยการศูนย์ดิจิทัลชุมชน",
            name_en=f"Mr. Signer {i + 1}",
            position_en="Director",
            signature_image=wagtail_factories.ImageFactory(title=f"ลายเซ็น {i}"),
            sort_order=i,
        )
    facts = CertificateFacts.sample()
    facts.is_sample = False
    path = tmp_path / f"{orientation}-{language}.pdf"
    path.write_bytes(certificate_pdf(facts=facts, template=template))

    assert _info(path)["Pages"] == "1"
    _assert_only_sarabun(path)
    text = _text(path)
    images = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    assert len(images) >= 5  # background, logo, three signatures (the QR code is vector)
    if language != CertificateLanguage.ENGLISH:
        assert "นางสาวสมใจ ใฝ่เรียน" in text
        assert "ให้ไว้ ณ วันที่" in text
        assert "พ.ศ." in text
    else:
        assert "นางสาว" not in text and "พ.ศ." not in text
    if language != CertificateLanguage.THAI:
        assert "Miss Somjai Phairian" in text
        assert re.search(r"Given on \d{1,2} [A-Z][a-z]+ 20\d\d", text)
    else:
        assert "Somjai" not in text
    assert _qr(path, tmp_path)[0].endswith(
        f"/certificates/verify/{facts.code[:5]}-{facts.code[5:10]}-{facts.code[10:15]}-{facts.code[15:]}/"
    )


def test_certificates_rendered_one_after_another_in_a_thread_each_embed_their_fonts(db, tmp_path):
    """The font configuration is reused from one render to the next (memory stays flat):
    every document still carries the fonts its own text needs."""
    template = certificate_template_default()
    facts = CertificateFacts.sample()
    for number, language in enumerate(
        [CertificateLanguage.ENGLISH, CertificateLanguage.THAI, CertificateLanguage.ENGLISH]
    ):
        template.language = language
        template.save()
        path = tmp_path / f"{number}.pdf"
        path.write_bytes(certificate_pdf(facts=facts, template=template))
        _assert_only_sarabun(path)
        fonts = _fonts(path)
        text = _text(path)
        if language == CertificateLanguage.THAI:
            assert any("SarabunThai" in name for name in fonts), fonts
            assert "นางสาวสมใจ ใฝ่เรียน" in text
        else:
            assert "Somjai" in text


# Every Thai vowel, tone mark and sign, in each position they take: above and below
# the consonant, on an above vowel, with SARA AM (which the shaper splits into two
# glyphs and moves past the tone mark), with the leading vowels and in clusters.
THAI_NAMES = [
    ("นางสาวลำดวน น้ำค้าง", "จำนวนและตำบล: ผู้อำนวยการทำกำไร"),
    ("นายกำพล ค่ำคืน", "ซ้ำแล้วซ้ำอีก ต่ำกว่าเกณฑ์ ย่ำรุ่ง"),
    ("นางก๋วยเตี๋ยว โต๊ะจีน", "ปิ่นโตกับถั่วเขียว เกื้อกูลเอื้อเฟื้อ"),
    ("นายฤทธิ์ ฤๅษีสิทธิ์", "ศิลป์และวิทยาศาสตร์ พระพุทธเจ้า ฯลฯ"),
    ("นางสาวเยาวลักษณ์ ไพโรจน์", "ใส่ใจไก่ไข่ แก้วแหวน เงาะเกาะ เสือ"),
    ("นายปู่ ซุ้มกู้ขี้", "เป็นไปได้ เด็กๆ ต่าง ๆ ฆ้องกลอง ฎีกา ฐิติ ญาณ"),
    ("นางอัญชลี ฦๅชา", "กระต่ายทั้งหลาย ปัญญา ดึ๊กดึ๋ย ๑๒๓"),
]


@pytest.mark.parametrize("language", [CertificateLanguage.THAI, CertificateLanguage.BILINGUAL])
def test_thai_names_and_titles_read_back_exactly(db, tmp_path, language):
    """pdftotext gives back the source strings, ำ and every tone mark included."""
    template = certificate_template_default()
    template.language = language
    template.save()
    for index, (name, title) in enumerate(THAI_NAMES):
        facts = CertificateFacts.sample()
        facts.learner_name, facts.course_title = name, title
        path = tmp_path / f"certificate-{index}.pdf"
        path.write_bytes(certificate_pdf(facts=facts, template=template))
        for text in (_text(path), " ".join(_run("pdftotext", str(path), "-").split())):
            assert name in text
            assert title in text
            assert "จานวน" not in text and "ผู้อานวย" not in text
        _assert_only_sarabun(path)
