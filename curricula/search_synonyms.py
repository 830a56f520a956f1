"""The synonym groups the platform starts with: what villagers say for what lessons
call otherwise. National admins change them in the admin (SearchSynonym)."""

from django.db import transaction

from .models import SearchSynonym
from .search import SEARCH_INDEX_VERSION

DEFAULT_SYNONYMS = [
    ("ของ, สินค้า", "ขายของ = ขายสินค้า"),
    ("มือถือ, โทรศัพท์, โทรศัพท์มือถือ, สมาร์ตโฟน, phone, smartphone", ""),
    ("Excel, เอ็กเซล, สเปรดชีต, spreadsheet, Google Sheets", "โปรแกรมตารางคำนวณ"),
    ("รูป, ภาพ, รูปถ่าย, photo, picture", ""),
    ("ถ่ายรูป, ถ่ายภาพ, photograph", ""),
    ("ร้าน, ร้านค้า, shop", ""),
    ("ลูกค้า, ผู้ซื้อ, คนซื้อ, customer", ""),
    ("ส่งของ, ส่งพัสดุ, จัดส่ง, ส่งไปรษณีย์, postage", ""),
    ("มิจฉาชีพ, โจร, สแกมเมอร์, scam, แก๊งคอลเซ็นเตอร์", ""),
    ("หลอกลวง, โกง, ต้มตุ๋น", ""),
    ("รหัสผ่าน, พาสเวิร์ด, password", ""),
    ("กลั่นแกล้ง, รังแก, บูลลี่, bully", ""),
    ("กำไร, profit", ""),
    ("รายรับ, รายได้, income", ""),
    ("รายจ่าย, ค่าใช้จ่าย, expenses", ""),
    ("บัญชีร้าน, บัญชีรายรับรายจ่าย, ทำบัญชี, bookkeeping", ""),
    ("ข่าวปลอม, เฟคนิวส์, fake news", ""),
    ("โอนเงิน, จ่ายเงิน, ชำระเงิน, payment", ""),
    ("แพ็ก, บรรจุ, ห่อ, pack", ""),
    ("เด็กเล็ก, เด็กปฐมวัย, ปฐมวัย, อนุบาล", ""),
    ("นิทาน, เรื่องเล่า, story", ""),
    ("เพลง, ดนตรี, music", ""),
    ("ฝาขวด, ฝาน้ำ", ""),
    ("นับเลข, นับจำนวน, counting", ""),
]


def search_synonyms_ensure_defaults() -> int:
    """Add the default groups when the list is empty (a new or flushed database).

    Returns the number of groups added; an admin's own list is never touched.
    """
    with transaction.atomic():
        if SearchSynonym.objects.exists():
            return 0
        SearchSynonym.objects.bulk_create(
            SearchSynonym(words=words, note=note) for words, note in DEFAULT_SYNONYMS
        )
        SEARCH_INDEX_VERSION.changed()
    return len(DEFAULT_SYNONYMS)
