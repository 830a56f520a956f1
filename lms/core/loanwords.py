"""English technical words and the Thai loanwords written for them.

A learner types "Excel" or "เอ็กเซล", "online" or "ออนไลน์", and expects the same
pages either way, on the Thai and the English site. Each line is one word: the
English spelling first, then the Thai spellings in use (the Royal Institute's
first where there is one). Spelling variants of the Thai (แอพ/แอป) are found by
the fuzzy matcher too; listing the common ones keeps them exact. Meanings that
are not the same word (Excel and สเปรดชีต) belong in the synonym list that
national admins keep in the admin.
"""

from functools import lru_cache

from .thai_match import fold

LOANWORDS = """
online ออนไลน์
offline ออฟไลน์
excel เอ็กเซล เอ็กเซลล์ เอกเซล
spreadsheet สเปรดชีต สเปรดชีท
sheet ชีต ชีท
word เวิร์ด
powerpoint พาวเวอร์พอยต์ พาวเวอร์พอยท์
computer คอมพิวเตอร์ คอม
internet อินเทอร์เน็ต อินเตอร์เน็ต เน็ต
wifi ไวไฟ
wi-fi ไวไฟ
email อีเมล อีเมล์
e-mail อีเมล อีเมล์
website เว็บไซต์ เว็บไซท์ เว็บ
web เว็บ
app แอป แอพ แอปพลิเคชัน แอพพลิเคชั่น
application แอปพลิเคชัน แอพพลิเคชั่น
line ไลน์
facebook เฟซบุ๊ก เฟสบุ๊ค เฟสบุ๊ก
youtube ยูทูบ ยูทูป
tiktok ติ๊กต็อก ติ๊กต๊อก
google กูเกิล กูเกิ้ล
shopee ช้อปปี้
lazada ลาซาด้า
promptpay พร้อมเพย์
password พาสเวิร์ด
link ลิงก์ ลิงค์
click คลิก คลิ๊ก
file ไฟล์
folder โฟลเดอร์
cell เซลล์
column คอลัมน์
row โรว์
sum ซัม
formula ฟอร์มูลา
post โพสต์ โพส
share แชร์
chat แชต แชท
page เพจ
social โซเชียล
media มีเดีย
social-media โซเชียลมีเดีย
marketplace มาร์เก็ตเพลส
shop ช็อป ช้อป
shopping ช้อปปิ้ง ช็อปปิง
pack แพ็ก แพ็ค
packing แพ็ก แพ็ค
bubble บับเบิล บับเบิ้ล
tape เทป
scan สแกน
slip สลิป
bank แบงก์ แบงค์
banking แบงกิ้ง
menu เมนู
block บล็อก บล็อค
platform แพลตฟอร์ม
order ออร์เดอร์ ออเดอร์
review รีวิว
digital ดิจิทัล ดิจิตอล
tablet แท็บเล็ต แท็บเลต
video วิดีโอ วีดีโอ
clip คลิป
camera กล้อง
flash แฟลช
barcode บาร์โค้ด
qr คิวอาร์
code โค้ด
coding โค้ดดิ้ง
capture แคป
screenshot สกรีนช็อต แคปหน้าจอ
zoom ซูม
download ดาวน์โหลด
upload อัปโหลด อัพโหลด
login ล็อกอิน
account แอคเคานต์ บัญชี
otp โอทีพี
sms เอสเอ็มเอส
mobile โมบาย
smartphone สมาร์ตโฟน สมาร์ทโฟน
phone โฟน
data ดาต้า
cloud คลาวด์
mouse เมาส์
keyboard คีย์บอร์ด
printer พรินเตอร์ ปริ้นเตอร์
print พิมพ์ ปริ้น
install ติดตั้ง
update อัปเดต อัพเดท
game เกม
quiz ควิซ
certificate เซอร์ติฟิเคต
fake เฟค
hacker แฮกเกอร์ แฮคเกอร์
virus ไวรัส
marketing มาร์เก็ตติ้ง
content คอนเทนต์ คอนเทนท์
live ไลฟ์
logo โลโก้
sticker สติกเกอร์ สติ๊กเกอร์
label ฉลาก
postcode รหัสไปรษณีย์
tracking แทร็กกิ้ง
"""


@lru_cache(maxsize=1)
def _groups() -> dict[str, frozenset[str]]:
    """Every spelling, English or Thai, mapped to all spellings of its word."""
    by_word: dict[str, set[str]] = {}
    for line in LOANWORDS.strip().splitlines():
        spellings = {fold(word) for word in line.split()}
        for spelling in spellings:
            by_word.setdefault(spelling, set()).update(spellings)
    return {word: frozenset(group) for word, group in by_word.items()}


def loanword_forms(word: str) -> frozenset[str]:
    """The other spellings of `word` (English and Thai), empty if it is not listed."""
    return _groups().get(fold(word), frozenset()) - {fold(word)}


def loanword_spellings() -> frozenset[str]:
    return frozenset(_groups())
