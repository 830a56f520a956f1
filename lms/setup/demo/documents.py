"""Printable handouts for the demo lessons, rendered with WeasyPrint and Sarabun."""

from weasyprint import HTML

from lms.core.fonts import FONT_STACK, sarabun_font_face_css

PHOTO_CHECKLIST = """
<h1>เช็กลิสต์ถ่ายรูปสินค้าด้วยมือถือ</h1>
<p class="lead">ติดไว้ข้างโต๊ะถ่ายรูป ทำตามทีละข้อก่อนกดถ่าย</p>
<ol>
  <li>เช็ดเลนส์กล้องด้วยผ้านุ่ม</li>
  <li>ถ่ายตอนกลางวันใกล้หน้าต่าง ปิดแฟลช</li>
  <li>ปูฉากสีขาวโค้งจากพื้นขึ้นผนัง</li>
  <li>วางสินค้ากลางภาพ เปิดเส้นตารางในกล้อง</li>
  <li>แตะหน้าจอที่สินค้าเพื่อโฟกัส</li>
  <li>ถ่ายด้านหน้า ด้านข้าง ด้านบน ฉลาก และตอนใช้งาน</li>
  <li>ซูมตรวจว่ารูปคมชัด ไม่มีฝุ่นหรือรอยนิ้วมือ</li>
  <li>รูปตรงกับสินค้าจริง ไม่แต่งสีเกินจริง</li>
</ol>
<p class="foot">ศูนย์ดิจิทัลชุมชน · หลักสูตรการขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน</p>
"""

STYLE = f"""
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: {FONT_STACK}; font-size: 15pt; line-height: 1.7; color: #1b2430; }}
h1 {{ font-size: 24pt; color: #0b6e5f; margin: 0 0 4mm; }}
.lead {{ color: #4f5b6b; }}
li {{ margin: 3mm 0; padding-left: 2mm; }}
.foot {{ margin-top: 12mm; font-size: 11pt; color: #4f5b6b; }}
"""


def photo_checklist_pdf() -> bytes:
    html = (
        f"<html lang='th'><head><meta charset='utf-8'><title>เช็กลิสต์ถ่ายรูปสินค้า</title>"
        f"<style>{sarabun_font_face_css()}{STYLE}</style></head><body>{PHOTO_CHECKLIST}</body></html>"
    )
    return HTML(string=html).write_pdf()
