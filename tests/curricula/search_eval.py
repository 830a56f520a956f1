"""Queries as villagers and centre staff type them, with the demo pages each must find.

Written from the searcher's side: the phrase they would say, the spelling they
know (สเปรดชีท, ลิงค์, แพ็ค), a forgotten tone mark or a slipped key, Thai digits,
English words on the Thai site and Thai loanwords on the English one, words run
together or spaced out, and short words that must not match inside longer ones.
Pages are the demo content's slugs (lms.setup.demo); "en:" marks the English site.

`evaluate` runs every query through search_pages and returns recall and
precision over the first five results.
"""

from dataclasses import dataclass

from wagtail.models import Locale

from curricula.search import search_pages

SELL = "sell-products-online"
CHANNELS = "online-sales-channels"
PHOTO = "photograph-products-with-a-phone"
LISTING = "write-product-listings"
PACKING = "pricing-packing-and-postage"
PAYMENT = "safe-payments-and-customer-care"
BOOKS = "shop-bookkeeping-with-spreadsheets"
SHEET = "start-a-spreadsheet"
DAILY = "record-daily-income-and-expenses"
PROFIT = "monthly-profit-with-sum"
SAFETY = "online-safety"
PASSWORD = "strong-passwords"
SCAMS = "spot-online-scams"
POST = "think-before-you-post"
BULLY = "when-you-are-bullied-online"
CAPS = "count-and-sort-bottle-caps"
STORY = "picture-story-retelling"
MUSIC = "move-to-folk-music"

# A course is a fair answer when one of its lessons is what was asked for: the
# course page lists it. Such a course counts for precision, not for recall.
COURSE_OF = {
    **dict.fromkeys([CHANNELS, PHOTO, LISTING, PACKING, PAYMENT], SELL),
    **dict.fromkeys([SHEET, DAILY, PROFIT], BOOKS),
    **dict.fromkeys([PASSWORD, SCAMS, POST, BULLY], SAFETY),
}

SPREADSHEETS = {BOOKS, SHEET, PROFIT}
ONLINE_TITLES = {SELL, CHANNELS, SAFETY, SCAMS, BULLY}

# (query, pages it must find, what it tests)
QUERIES: list[tuple[str, set[str], str]] = [
    ("ขายของออนไลน์", {SELL, CHANNELS}, "the most natural phrase, unspaced"),
    ("ขาย ของ ออนไลน์", {SELL, CHANNELS}, "the same phrase spaced out"),
    ("อยากขายของออนไลน์", {SELL, CHANNELS}, "as a wish"),
    ("ขายสินค้าออนไลน์", {SELL, CHANNELS}, "the lesson's own words"),
    ("สเปรดชีท", SPREADSHEETS, "common spelling, ท for ต"),
    ("สเปรดชีต", SPREADSHEETS, "dictionary spelling"),
    ("สเปรตชีต", SPREADSHEETS, "typo ต for ด"),
    ("Excel", SPREADSHEETS, "English product name on the Thai site"),
    ("เอ็กเซล", SPREADSHEETS, "Thai loanword spelling"),
    ("แพ็คสินค้า", {PACKING}, "ค for ก"),
    ("แพ็กของส่งไปรษณีย์", {PACKING}, "ของ for สินค้า, phrase"),
    ("ไปรษณี", {PACKING, SELL, CHANNELS}, "unfinished word"),
    ("ค่าส่ง", {PACKING}, "everyday phrase"),
    ("ตั้งราคาขาย", {PACKING}, "pricing"),
    ("รหัสผาน", {PASSWORD}, "tone mark left out"),
    ("ตั้งรหัสผ่าน", {PASSWORD, SAFETY}, "phrase"),
    ("password", {PASSWORD}, "English word on the Thai site"),
    ("ยืนยันตัวตน 2 ขั้นตอน", {PASSWORD}, "digit inside a phrase"),
    ("online", ONLINE_TITLES, "English word on the Thai site"),
    ("ออนไลน์", ONLINE_TITLES, "loanword"),
    ("ออนไลม์", ONLINE_TITLES, "typo ม for น"),
    ("๑๔๔๑", {SCAMS}, "Thai digits for the hotline"),
    ("1441", {SCAMS}, "Arabic digits"),
    ("ลิงค์", {SCAMS, SAFETY}, "ค for ก"),
    ("ลิ้งค์", {SCAMS, SAFETY}, "extra tone mark and ค"),
    ("ไลน์", {CHANNELS}, "the LINE app, not every ออนไลน์"),
    ("มิจฉาชีพ", {SCAMS, SAFETY, PAYMENT}, "scammers"),
    ("สลิปปลอม", {PAYMENT}, "fake slips"),
    ("พร้อมเพย์", {PAYMENT}, "PromptPay"),
    ("promptpay", {PAYMENT}, "PromptPay in English"),
    ("ถ่ายรูปสินค้า", {PHOTO, SELL}, "photographing products"),
    ("ถ่ายภาพสินค้าด้วยมือถือ", {PHOTO}, "ภาพ for รูป, มือถือ"),
    ("ถ่ายรูปด้วยโทรศัพท์", {PHOTO}, "phone"),
    ("แสงจากหน้าต่าง", {PHOTO}, "words from the lesson body"),
    ("ตั้งชื่อสินค้า", {LISTING}, "product titles"),
    ("ทำบัญชีร้าน", {BOOKS, SHEET}, "bookkeeping"),
    ("รายรับรายจ่าย", {DAILY, BOOKS, SHEET}, "income and expenses, unspaced"),
    ("สูตร sum", {PROFIT}, "mixed Thai and English"),
    ("กำไรรายเดือน", {PROFIT}, "monthly profit"),
    ("ฝาขวด", {CAPS}, "bottle caps"),
    ("นับเลขกับเด็ก", {CAPS}, "counting with children"),
    ("นิทานภาพ", {STORY}, "picture stories"),
    ("เพลงพื้นบ้าน", {MUSIC}, "folk music"),
    ("ถูกแกล้งในออนไลน์", {BULLY, SAFETY}, "bullied online"),
    ("บูลลี่", {BULLY}, "loanword synonym"),
    ("โพสต์", {POST}, "posting"),
    ("โพส", {POST}, "spelling without the silent letter"),
    ("ข้อมูลส่วนตัว", {POST, SAFETY}, "personal data"),
    ("หวัด", set(), "the end of จังหวัด is not the word for a cold"),
    ("en:ออนไลน์", {SELL, CHANNELS}, "Thai loanword on the English site"),
    ("en:selling online", {SELL, CHANNELS}, "English phrase"),
    ("en:photos", {PHOTO}, "plural"),
    ("en:packing", {PACKING}, "-ing form"),
    ("en:promtpay", {PAYMENT}, "English typo"),
]


@dataclass
class Outcome:
    query: str
    expected: set[str]
    found: list[str]
    recall: float
    precision: float


def evaluate(queries=QUERIES, k: int = 5) -> tuple[float, float, list[Outcome]]:
    """Mean recall@k and precision@k over the queries, and each query's outcome.

    Recall counts the expected pages in the first k results out of as many as
    could fit (min(expected, k)); precision counts the expected pages and their
    courses among the results shown (up to k). A query that must find nothing scores 1 on both
    when nothing comes back.
    """
    locales = {code: Locale.objects.get(language_code=code) for code in ("th", "en")}
    outcomes = []
    for raw, expected, _why in queries:
        code, query = ("en", raw[3:]) if raw.startswith("en:") else ("th", raw)
        found = [hit.page.slug for hit in search_pages(query=query, locale=locales[code])][:k]
        acceptable = expected | {COURSE_OF[slug] for slug in expected if slug in COURSE_OF}
        if not expected:
            recall = precision = 0.0 if found else 1.0
        else:
            recall = len(expected & set(found)) / min(len(expected), k)
            precision = len(acceptable & set(found)) / len(found) if found else 0.0
        outcomes.append(Outcome(raw, expected, found, recall, precision))
    count = len(outcomes)
    return (
        sum(o.recall for o in outcomes) / count,
        sum(o.precision for o in outcomes) / count,
        outcomes,
    )


def report(recall: float, precision: float, outcomes: list[Outcome]) -> str:
    lines = [f"{'query':<28} {'R@5':>5} {'P@5':>5}  found (first five)"]
    for outcome in outcomes:
        lines.append(
            f"{outcome.query:<28} {outcome.recall:5.2f} {outcome.precision:5.2f}  "
            + ", ".join(outcome.found)
        )
    lines.append(f"{len(outcomes)} queries: recall@5 {recall:.3f}, precision@5 {precision:.3f}")
    return "\n".join(lines)
