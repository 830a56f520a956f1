"""GIFT reading: every construct of Moodle's GIFT format, as the data we store.

Each fixture in tests/assessments/data/gift/ covers one area; its questions are
compared whole (QuestionData.comparable) with what we expect, and their
warnings, errors and lines separately.
"""

import pytest

from .gift_helpers import A, C, K, N, Q, assert_warnings, comparable, read

pytestmark = pytest.mark.usefixtures("english")

IMAGE = "the picture was left out"
RICH = "formatting that questions here do not have"
PLAIN = "here they are plain text"


def test_choice_questions():
    report = read("choices.gift")
    assert comparable(report) == [
        Q(
            K.SINGLE,
            "<p>ช่องทางใดเหมาะกับการขายสินค้าชุมชนให้คนต่างจังหวัด</p>",
            title="ช่องทางขาย",
            choices=[
                C("ร้านค้าออนไลน์", 100, "ถูกต้อง ลูกค้าสั่งได้จากทุกที่"),
                C("ตลาดนัดหน้าหมู่บ้าน", 0, "ขายได้เฉพาะคนในพื้นที่"),
                C("ป้ายประกาศที่ศาลาวัด", 0),
            ],
        ),
        Q(
            K.SINGLE,
            "<p>Which password is the strongest?</p>",
            title="Strong password",
            choices=[
                C("password123", 0),
                C("ชื่อเล่น+วันเกิด", 0),
                C("Correct-Horse-Battery-Staple", 100),
            ],
        ),
        # "=" makes a single choice; other answers may still earn or lose part of the marks.
        Q(
            K.SINGLE,
            "<p>ลูกค้าซื้อครบ 500 บาทได้ส่วนลดเท่าไร</p>",
            title="ส่วนลด",
            choices=[
                C("10%", 100),
                C("ลดค่าส่ง", 50, "ได้คะแนนครึ่งหนึ่ง ค่าส่งไม่ใช่ส่วนลดราคาสินค้า"),
                C("ไม่มีส่วนลด", -50),
                C("5%", 0),
            ],
        ),
        # No "=": several answers may be chosen (Moodle's multiple-answer question).
        Q(
            K.MULTIPLE,
            "<p>ข้อมูลใดไม่ควรโพสต์ลงโซเชียลมีเดีย (เลือกได้หลายข้อ)</p>",
            title="ข้อมูลส่วนตัว",
            choices=[
                C("เลขบัตรประชาชน", 50, "ใช่ อาจถูกนำไปสวมรอย"),
                C("รหัส OTP", 50),
                C("ภาพสินค้าที่จะขาย", -100, "ภาพสินค้าโพสต์ได้"),
            ],
        ),
        Q(
            K.MULTIPLE,
            "<p>Which of these are Thai provinces?</p>",
            title="Provinces",
            choices=[
                C("Chiang Mai", "33.33333"),
                C("Nan", "33.33333"),
                C("Loei", "33.33333"),
                C("Vientiane", -100),
            ],
        ),
        Q(
            K.MULTIPLE,
            "<p>Written with too many decimals</p>",
            title="Thirds",
            choices=[
                C("หนึ่ง", "33.33333"),
                C("สอง", "33.33333"),
                C("สาม", "33.33333"),
                C("ไม่ใช่", 0),
            ],
        ),
        Q(
            K.SINGLE,
            "<p>สิบบวกสิบเท่ากับเท่าไร</p>",
            title="สองคำตอบเต็ม",
            choices=[C("ยี่สิบ", 100), C("20", 100), C("สิบ", 0)],
        ),
        # The missing word: the answers in the middle leave a blank.
        Q(
            K.SINGLE,
            "<p>ใช้สูตร _____ เพื่อรวมตัวเลขในคอลัมน์</p>",
            choices=[C("=AVERAGE()", 0), C("=SUM()", 100), C("=COUNT()", 0)],
        ),
        Q(
            K.SINGLE,
            "<p>_____ is the capital of Thailand.</p>",
            choices=[C("Bangkok", 100), C("Chiang Mai", 0)],
        ),
        Q(
            K.SINGLE,
            "<p>ข้อนี้ใส่น้ำหนักหลังเครื่องหมายเท่ากับ</p>",
            title="เขียนน้ำหนักผิดที่",
            choices=[C("%50%ครึ่งหนึ่ง", 100), C("ไม่ได้เลย", 0)],
        ),
    ]
    assert [q.line for q in report.questions] == [3, 9, 11, 18, 24, 26, 28, 30, 32, 34]
    assert report.invalid == []
    assert_warnings(report.questions[5], "33.333333 % was rounded to 33.33333 %")
    assert_warnings(report.questions[9], "Moodle reads “=%50%”")
    assert "To give part of the marks, write “~%50%”." in report.questions[9].warnings[0]
    assert all(not q.warnings for q in report.questions[:5])


def test_true_or_false():
    report = read("true_false.gift")
    assert comparable(report) == [
        Q(
            K.TRUE_FALSE,
            "<p>ร้านค้าต้องบอกรหัส OTP ให้ลูกค้าเพื่อรับเงิน</p>",
            title="รหัส OTP",
            correct_answer_true=False,
            feedback_incorrect="ไม่ใช่ ใครขอ OTP คือมิจฉาชีพ",
            feedback_correct="ถูกต้อง ไม่ต้องบอกใคร",
        ),
        Q(
            K.TRUE_FALSE,
            "<p>The sun rises in the east.</p>",
            title="Sunrise",
            correct_answer_true=True,
        ),
        Q(
            K.TRUE_FALSE,
            "<p>ประเทศไทยมี 77 จังหวัด</p>",
            title="จังหวัด",
            correct_answer_true=True,
            general_feedback="<p>ข้อมูลจากกรมการปกครอง</p>",
        ),
        Q(
            K.TRUE_FALSE,
            "<p>Public Wi-Fi is always safe for online banking.</p>",
            title="Wi-Fi",
            correct_answer_true=False,
            feedback_incorrect="Anyone on the network may watch it.",
        ),
        Q(
            K.TRUE_FALSE,
            "<p>คำติชมเฉพาะเมื่อตอบถูก</p>",
            title="ตอบถูกเท่านั้น",
            correct_answer_true=True,
            feedback_correct="ถูกต้อง",
        ),
        # Moodle knows T, TRUE, F and FALSE in capitals only.
        Q(
            K.SHORT_TEXT,
            "<p>Written in small letters, Moodle reads a short answer.</p>",
            title="Small letters",
            answers=[A("true")],
        ),
    ]
    assert_warnings(report.questions[5], "Moodle reads {true} as a short answer")


def test_short_answers():
    report = read("short_answer.gift")
    assert comparable(report) == [
        Q(
            K.SHORT_TEXT,
            "<p>แจ้งเหตุภัยออนไลน์ได้ที่สายด่วนหมายเลขใด</p>",
            title="สายด่วน",
            answers=[A("1441"), A("๑๔๔๑", feedback="ถูกต้อง")],
        ),
        Q(
            K.SHORT_TEXT,
            "<p>What is the capital of Thailand?</p>",
            title="Capital",
            answers=[A("Bangkok")],
        ),
        Q(
            K.SHORT_TEXT,
            "<p>บริการโอนเงินด้วยเบอร์โทรศัพท์ชื่ออะไร</p>",
            title="พร้อมเพย์",
            answers=[
                A("พร้อมเพย์", 100, "ถูกต้อง"),
                A("พร้อมเพ", 75, "สะกดผิดเล็กน้อย"),
                A("*", 0, "ลองนึกถึงบริการโอนเงินด้วยเบอร์โทร"),
            ],
        ),
        Q(K.SHORT_TEXT, "<p>Two plus _____ equals four.</p>", answers=[A("two"), A("2")]),
        Q(
            K.SHORT_TEXT,
            "<p>Name a social network whose name starts with F.</p>",
            title="Starts with F",
            answers=[A("F*", feedback="Yes, that starts with F.")],
        ),
        # A format marker on a short answer is read and dropped; the text stays as written.
        Q(
            K.SHORT_TEXT,
            "<p>คำตอบของข้อสั้นเก็บตามที่เขียน</p>",
            title="ตามที่เขียน",
            answers=[A("<b>ตัวหนา</b>"), A("ธรรมดา")],
        ),
    ]
    assert all(not q.warnings for q in report.questions)


def test_number_questions():
    report = read("numeric.gift")
    assert comparable(report) == [
        Q(
            K.NUMERIC,
            "<p>รายรับ 5,400 บาท รายจ่าย 3,250 บาท กำไรกี่บาท</p>",
            title="กำไร",
            numbers=[N(2150)],
        ),
        Q(
            K.NUMERIC,
            "<p>What is π to two decimal places?</p>",
            title="Pi",
            numbers=[N("3.14", "0.005")],
        ),
        # min..max becomes its middle ± half the width.
        Q(
            K.NUMERIC,
            "<p>ราคาขายที่เหมาะสมอยู่ระหว่าง 60 ถึง 80 บาท</p>",
            title="ช่วงราคา",
            numbers=[N(70, 10)],
        ),
        Q(
            K.NUMERIC,
            "<p>When was Ulysses S. Grant born?</p>",
            title="Grant",
            numbers=[
                N(1822, 0, 100, "Correct!"),
                N(1822, 2, 50, "He was born in 1822; half marks for being close."),
            ],
        ),
        Q(
            K.NUMERIC,
            "<p>จำนวนใดยกกำลังสองแล้วได้ 4</p>",
            title="รากที่สอง",
            numbers=[N(2), N(-2)],
        ),
        Q(
            K.NUMERIC,
            "<p>อุณหภูมิในช่องแช่แข็งควรอยู่ระหว่างกี่องศา</p>",
            title="อุณหภูมิ",
            numbers=[N(-20, 5)],
        ),
        Q(K.NUMERIC, "<p>หนึ่งร้อยเขียนเป็นตัวเลขอย่างไร</p>", title="เลขไทย", numbers=[N(100)]),
        # "~#feedback" is Moodle's answer for every other number.
        Q(
            K.NUMERIC,
            "<p>ไข่หนึ่งโหลมีกี่ฟอง</p>",
            title="ไข่หนึ่งโหล",
            numbers=[N(12, feedback="ถูกต้อง"), N(None, 0, 0, "ลองนับใหม่อีกครั้ง")],
        ),
        Q(
            K.NUMERIC,
            "<p>How many days are in a week?</p>",
            title="Star",
            numbers=[N(7), N(None, 0, 0, "A week has seven days.")],
        ),
        Q(K.NUMERIC, "<p>Ten, give or take one</p>", title="Negative margin", numbers=[N(10, 1)]),
    ]
    assert [q.line for q in report.questions] == [3, 5, 7, 9, 14, 16, 18, 20, 22, 24]
    assert_warnings(report.questions[9], "accepted difference -1, which no answer can meet")


def test_matching_pairs():
    report = read("matching.gift")
    assert comparable(report) == [
        Q(
            K.MATCHING,
            "<p>จับคู่ปัญหากับวิธีแก้</p>",
            title="จับคู่",
            pairs=[
                ("รูปมืด", "ถ่ายใกล้หน้าต่าง"),
                ("รูปเบลอ", "เช็ดเลนส์"),
                ("มีเงาแข็ง", "กั้นด้วยผ้าม่านบาง ๆ"),
                ("", "เปิดแฟลช"),  # "= -> …": an extra wrong answer to choose from
            ],
        ),
        Q(
            K.MATCHING,
            "<p>Match the countries with their capitals.</p>",
            title="Capitals",
            pairs=[("Thailand", "Bangkok"), ("Laos", "Vientiane"), ("Cambodia", "Phnom Penh")],
        ),
        # Items take formats; the right side is always plain text, up to the first "->".
        Q(
            K.MATCHING,
            "<p>จับคู่<b>บริการ</b>กับสิ่งที่ทำได้</p>",
            title="บริการ",
            general_feedback="<p>บริการเหล่านี้ใช้ได้บนโทรศัพท์</p>",
            pairs=[
                ("PromptPay", "โอนเงินด้วยเบอร์โทร"),
                ("<LINE>", "[html]ส่งข้อความ -> โทร"),
                ("ThaID", "ยืนยันตัวตน"),
            ],
        ),
    ]
    assert_warnings(report.questions[2], PLAIN)


def test_essays_and_descriptions():
    report = read("essay_description.gift")
    assert comparable(report) == [
        Q(K.ESSAY, "<p>อธิบายวิธีแพ็กสินค้าให้ปลอดภัยระหว่างขนส่ง</p>", title="เรียงความ"),
        Q(
            K.ESSAY,
            "<p>Describe how you would check that an online shop is genuine.</p>",
            title="Genuine shop",
            general_feedback="<p>Look for reviews, a real address and a safe way to pay.</p>",
        ),
        Q(
            K.DESCRIPTION,
            "<p>ข้อ 1–5 เกี่ยวกับการขายออนไลน์ อ่านสถานการณ์ต่อไปนี้ก่อนตอบ</p>",
            title="คำชี้แจง",
        ),
        Q(K.DESCRIPTION, "<p>Reading</p><p><b>Read</b> the story below before you answer.</p>"),
    ]
    assert report.invalid == []
    assert_warnings(report.questions[3], RICH)  # the heading


def test_text_formats_and_their_inheritance():
    report = read("formats.gift")
    assert comparable(report) == [
        # Moodle's own format (the default): a line break is a line break.
        Q(
            K.TRUE_FALSE,
            "<p>บรรทัดแรก<br/>บรรทัดที่สอง</p>",
            title="Moodle format",
            correct_answer_true=True,
        ),
        Q(
            K.SINGLE,
            "<p>ราคา <b>ต่อชิ้น</b> ควรรวม<br/>อะไรบ้าง</p>",
            title="ราคา",
            general_feedback="<p>ราคาต้องรวมทุกต้นทุน</p>",
            choices=[
                C("ต้นทุนและค่าบรรจุภัณฑ์", 100, "ใช่ รวมทุกต้นทุน"),  # feedback as [html]
                C("<ต้นทุนวัตถุดิบ>", 0, "ยังขาดค่าแรง & ค่าบรรจุภัณฑ์"),  # [plain]; [moodle]
            ],
        ),
        Q(
            K.TRUE_FALSE,
            "<p>Is &lt;b&gt; a tag?</p>",
            title="Plain",
            correct_answer_true=True,
            feedback_incorrect="No, it is.",
            feedback_correct="Yes.",
        ),
        Q(
            K.SINGLE,
            "<p>Choose the <b>safest</b> way to pay:</p>",
            title="Markdown",
            general_feedback="<p>Always check the <b>shop's name</b>.</p>",
            choices=[
                C("PromptPay QR from the shop's own sign", 100),
                C("A link sent by a stranger", 0),
            ],
        ),
    ]
    assert [q.line for q in report.questions] == [4, 6, 12, 14]
    assert not report.questions[0].warnings
    assert_warnings(report.questions[1], IMAGE, RICH, PLAIN)  # <img>, <a>, <b> in feedback
    assert_warnings(report.questions[2], PLAIN)  # <i> in the [html] feedback
    assert_warnings(report.questions[3], PLAIN)  # *PromptPay* in the inherited markdown


def test_comments_titles_and_escapes():
    report = read("escapes_comments_titles.gift")
    # 255 characters would end inside "ชื่อ", cutting its vowel and tone mark off "ช":
    # the title ends before that word instead.
    long_title = ("ชื่อยาวมาก " * 23).rstrip()
    assert comparable(report) == [
        Q(K.SHORT_TEXT, "<p>1 + 2 =</p>", title="สูตร: ผลรวม", answers=[A("3"), A("๓")]),
        Q(
            K.SHORT_TEXT,
            "<p>In the set {1, 2} what does ~ mean? A # and a \\ are text too.</p>",
            title="Braces",
            answers=[A("about", feedback='It means ~ "about".')],
        ),
        Q(
            K.TRUE_FALSE,
            "<p>First line<br/>Second line</p>",
            title="Newline",
            correct_answer_true=True,
        ),
        Q(K.TRUE_FALSE, "<p>ยังไม่ปิดชื่อ ข้อนี้ลืมปิดชื่อข้อ</p>", correct_answer_true=True),
        Q(K.TRUE_FALSE, "<p>Untitled question</p>", correct_answer_true=False),
        Q(
            K.SINGLE,
            "<p>Which is a fruit?</p>",
            title="Inside",
            choices=[C("Mango", 100), C("Rice", 0)],
        ),
        Q(K.TRUE_FALSE, "<p>ชื่อข้อยาวเกิน</p>", title=long_title, correct_answer_true=True),
    ]
    questions = report.questions
    assert [q.line for q in questions] == [5, 7, 9, 11, 13, 15, 21]
    assert_warnings(questions[0], "ID number “SALE-01”", "tag the question “การขาย”, “ราคา”")
    assert_warnings(questions[3], "no closing “::”")
    assert_warnings(questions[6], "shortens titles to 255 characters")
    assert all(not q.warnings for q in questions[1:3] + questions[4:6])
    # The report shows each question as written, its comments with it.
    assert questions[0].source.startswith("// A comment right above a question belongs to it.")
    assert questions[5].source.splitlines()[1] == "// a comment among the answers"
