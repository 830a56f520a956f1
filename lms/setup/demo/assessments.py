"""Demo quizzes: one per demo course, written as a trainer would, plus a final quiz.

`seed(result)` takes what lms.setup.demo.seed.demo_seed builds (courses by slug,
users by username, media by key) and is idempotent: a lesson or course that
already has a quiz is left alone. Nobody takes the quizzes here; the learner
demo decides who has passed what.

Which quiz belongs where:
    sell-products-online / pricing-packing-and-postage        lesson quiz (lesson 4 of 5)
    sell-products-online (course)                            final quiz, draws 3 from a bank
    shop-bookkeeping-with-spreadsheets / monthly-profit-with-sum  lesson quiz (3 of 3)
    online-safety / spot-online-scams                         lesson quiz (2 of 4)
"""

from decimal import Decimal

from django.db import transaction

from assessments.layout import RawAnswer
from assessments.models import (
    AcceptedAnswer,
    Choice,
    GradingMethod,
    MatchingPair,
    MultipleScoring,
    Question,
    QuestionBank,
    QuestionKind,
    Quiz,
    QuizDraw,
    QuizQuestion,
    RevealAnswers,
)
from assessments.selectors import questions_for_grading
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from curricula.models import LessonPage, SkillTag


def single(prompt, right, wrong, *, right_feedback="", wrong_feedback="", image=None):
    return {
        "kind": QuestionKind.SINGLE,
        "prompt": prompt,
        "choices": [(right, True)] + [(text, False) for text in wrong],
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
        "image": image,
    }


def multiple(prompt, right, wrong, *, right_feedback="", wrong_feedback="", points=2):
    return {
        "kind": QuestionKind.MULTIPLE,
        "prompt": prompt,
        "choices": [(text, True) for text in right] + [(text, False) for text in wrong],
        "scoring": MultipleScoring.PARTIAL,
        "points": points,
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
    }


def true_false(prompt, answer, *, right_feedback="", wrong_feedback=""):
    return {
        "kind": QuestionKind.TRUE_FALSE,
        "prompt": prompt,
        "correct_answer_true": answer,
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
    }


def short(prompt, accepted, *, right_feedback="", wrong_feedback=""):
    return {
        "kind": QuestionKind.SHORT_TEXT,
        "prompt": prompt,
        "accepted": accepted,
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
    }


def number(prompt, answer, *, tolerance="0", right_feedback="", wrong_feedback=""):
    return {
        "kind": QuestionKind.NUMERIC,
        "prompt": prompt,
        "numeric_answer": Decimal(answer),
        "numeric_tolerance": Decimal(tolerance),
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
    }


def match(prompt, pairs, *, right_feedback="", wrong_feedback="", points=2):
    return {
        "kind": QuestionKind.MATCHING,
        "prompt": prompt,
        "pairs": pairs,
        "points": points,
        "feedback_correct": right_feedback,
        "feedback_incorrect": wrong_feedback,
    }


POSTAGE_QUIZ = {
    "course": "sell-products-online",
    "lesson": "pricing-packing-and-postage",
    "title": "แบบทดสอบท้ายบท: ตั้งราคา แพ็กสินค้า และส่งทางไปรษณีย์",
    "intro": "ตอบ 6 ข้อ ได้ 70% ขึ้นไปถือว่าผ่าน และบทเรียนนี้จะเสร็จทันที ทำได้ 3 ครั้ง "
    "คำตอบถูกบันทึกทุกครั้งที่เลือก ถ้าสัญญาณหลุดก็กลับมาทำต่อได้",
    "settings": {
        "pass_mark_percent": 70,
        "max_attempts": 3,
        "reveal_answers": RevealAnswers.AFTER_PASSING,
    },
    "tags": ["การขายออนไลน์", "การเงินดิจิทัล"],
    "questions": [
        number(
            "<p>น้ำพริกหนึ่งขวดมีต้นทุนวัตถุดิบและค่าแรง 35 บาท ค่าขวดและกล่อง 10 บาท "
            "ค่าธรรมเนียมตลาดออนไลน์ 5 บาท และต้องการกำไร 20 บาท ควรตั้งราคาขายกี่บาท</p>",
            "70",
            right_feedback="ถูกต้อง 35 + 10 + 5 + 20 = 70 บาท",
            wrong_feedback="รวมทุกต้นทุนและกำไร: 35 + 10 + 5 + 20 = 70 บาท",
        ),
        multiple(
            "<p>ราคาขายต่อชิ้นควรรวมอะไรบ้าง <b>(เลือกได้หลายข้อ)</b></p>",
            [
                "ต้นทุนวัตถุดิบและค่าแรง",
                "ค่าบรรจุภัณฑ์ เช่น ขวด ถุง กล่อง",
                "ค่าธรรมเนียมของตลาดออนไลน์",
            ],
            ["ราคาของร้านคู่แข่งที่ถูกที่สุด", "ค่าไฟของบ้านลูกค้า"],
            right_feedback="ครบถ้วน ราคาขายต้องรวมทุกต้นทุนและกำไรที่ต้องการ",
            wrong_feedback="ราคาขายรวมต้นทุนของเราเอง ไม่ใช่ราคาคู่แข่งหรือค่าใช้จ่ายของลูกค้า",
        ),
        single(
            "<p>ควรคิดค่าส่งจากน้ำหนักแบบใด</p>",
            "น้ำหนักของพัสดุหลังแพ็กเสร็จ",
            ["น้ำหนักของสินค้าอย่างเดียว", "น้ำหนักที่ลูกค้าบอกมา", "คิดเท่ากันทุกชิ้นไม่ต้องชั่ง"],
            right_feedback="ถูกต้อง กล่อง บับเบิล และเทปก็มีน้ำหนัก",
            wrong_feedback="ร้านจำนวนมากขาดทุนเพราะคิดจากน้ำหนักสินค้าอย่างเดียว ต้องชั่งหลังแพ็ก",
        ),
        true_false(
            "<p>ควรถ่ายรูปพัสดุก่อนส่ง เก็บไว้เป็นหลักฐานถ้ามีปัญหาระหว่างขนส่ง</p>",
            True,
            right_feedback="ถูกต้อง รูปพัสดุเป็นหลักฐานเมื่อของเสียหายระหว่างทาง",
            wrong_feedback="ควรถ่ายไว้ทุกครั้ง เป็นหลักฐานเมื่อมีปัญหาระหว่างขนส่ง",
        ),
        short(
            "<p>หลังส่งพัสดุที่ไปรษณีย์แล้ว ควรส่งอะไรให้ลูกค้าทันที (ตอบสั้น ๆ)</p>",
            ["เลขพัสดุ", "เลขติดตามพัสดุ", "หมายเลขพัสดุ", "เลขแทร็ก", "tracking number"],
            right_feedback="ใช่ ลูกค้าติดตามพัสดุได้เองและมั่นใจในร้านมากขึ้น",
            wrong_feedback="คำตอบคือเลขพัสดุ ลูกค้าจะติดตามพัสดุได้เอง",
        ),
        match(
            "<p>จับคู่สิ่งที่ต้องแพ็กกับวิธีที่ถูกต้อง</p>",
            [
                ("ขวดน้ำพริก", "ปิดฝาให้แน่นและพันเทปกันรั่ว"),
                ("ของแตกง่าย", "ห่อบับเบิลอย่างน้อยสองรอบ"),
                ("หน้ากล่อง", "เขียนชื่อ ที่อยู่ เบอร์โทร และรหัสไปรษณีย์ให้ชัด"),
                ("ในกล่อง", "ใส่ใบขอบคุณหรือนามบัตรร้าน"),
            ],
            right_feedback="จับคู่ได้ถูกทั้งหมด พัสดุของคุณพร้อมส่งแล้ว",
            wrong_feedback="ทบทวนขั้นตอนการแพ็กในบทเรียนอีกครั้ง",
        ),
    ],
}

SELLING_BANK = {
    "name": "คลังข้อสอบ การขายสินค้าออนไลน์",
    "description": "คำถามจากทุกบทของหลักสูตรการขายสินค้าออนไลน์ สุ่มเข้าแบบทดสอบปลายหลักสูตร",
    "tags": ["การขายออนไลน์", "การถ่ายภาพสินค้า"],
    "questions": [
        multiple(
            "<p>ข้อใดช่วยให้รูปสินค้าคมชัดขึ้น <b>(เลือกได้หลายข้อ)</b></p>",
            [
                "เช็ดเลนส์กล้องก่อนถ่าย",
                "แตะหน้าจอที่สินค้าเพื่อให้กล้องโฟกัส",
                "เดินเข้าไปใกล้สินค้าแทนการซูม",
            ],
            ["ซูมแบบดิจิทัลให้สุด", "เปิดแฟลชทุกครั้ง"],
            right_feedback="ครบถ้วน เลนส์สะอาด โฟกัสที่สินค้า และเข้าใกล้แทนการซูม",
            wrong_feedback="การซูมแบบดิจิทัลทำให้ภาพแตก และแฟลชทำให้เกิดจุดสะท้อน",
        ),
        true_false(
            "<p>ควรแต่งสีรูปสินค้าให้สดกว่าของจริง ลูกค้าจะได้สนใจมากขึ้น</p>",
            False,
            right_feedback="ถูกต้อง รูปต้องตรงกับของจริง ลูกค้าที่ได้ของไม่ตรงรูปจะขอคืนเงิน",
            wrong_feedback="ไม่ควรทำ ลูกค้าที่ได้ของไม่ตรงรูปจะขอคืนเงินและให้รีวิวไม่ดี",
        ),
        short(
            "<p>บทเรียนแนะนำให้ใช้ฉากหลังสีอะไรเมื่อถ่ายรูปสินค้า (ตอบสั้น ๆ)</p>",
            ["ขาว", "สีขาว", "white"],
            right_feedback="ใช่ กระดาษแข็งหรือผ้าสีขาวโค้งจากพื้นขึ้นผนังทำให้ไม่เห็นขอบฉาก",
            wrong_feedback="คำตอบคือสีขาว ใช้กระดาษแข็งหรือผ้าขาวที่มีอยู่ในบ้านได้",
        ),
        multiple(
            "<p>ชื่อสินค้าที่ดีควรบอกอะไรบ้าง <b>(เลือกได้หลายข้อ)</b></p>",
            ["สินค้าคืออะไร", "จุดเด่นของสินค้า", "ขนาดหรือน้ำหนัก"],
            ["คำว่า “รักษาโรค” เพื่อให้ขายดี", "เบอร์โทรศัพท์ส่วนตัวของคนขาย"],
            right_feedback="ถูกต้อง สูตรคือ สินค้าคืออะไร + จุดเด่น + ขนาดหรือน้ำหนัก + แหล่งผลิต",
            wrong_feedback="ห้ามอ้างสรรพคุณรักษาโรค และชื่อสินค้าไม่ใช่ที่ใส่เบอร์โทร",
        ),
        single(
            "<p>ลูกค้าแจ้งว่าสินค้าที่ได้รับมีปัญหา ร้านควรทำอะไรก่อน</p>",
            "ขอโทษ และเสนอทางแก้ให้ลูกค้า",
            ["บอกว่าเป็นความผิดของขนส่ง", "ไม่ตอบ รอให้ลูกค้าลืม", "บล็อกลูกค้า"],
            right_feedback="ถูกต้อง แก้ปัญหาก่อนที่ลูกค้าจะต้องร้องเรียน ลูกค้าจะกลับมาซื้อซ้ำ",
            wrong_feedback="การขอโทษและเสนอทางแก้ทันทีทำให้ลูกค้าเชื่อใจร้าน",
        ),
        short(
            "<p>บริการโอนเงินที่ใช้เบอร์โทรศัพท์หรือเลขบัตรประชาชนแทนเลขบัญชี เรียกว่าอะไร</p>",
            ["พร้อมเพย์", "PromptPay"],
            right_feedback="ถูกต้อง พร้อมเพย์สะดวก แต่ต้องตรวจเงินเข้าในแอปธนาคารทุกครั้ง",
            wrong_feedback="คำตอบคือ พร้อมเพย์",
        ),
    ],
}

SELLING_FINAL = {
    "course": "sell-products-online",
    "title": "แบบทดสอบปลายหลักสูตร: การขายสินค้าออนไลน์",
    "intro": "ทบทวนทุกบทของหลักสูตร มี 7 ข้อ บางข้อสุ่มจากคลังข้อสอบจึงไม่ซ้ำกันในแต่ละครั้ง "
    "มีเวลา 20 นาที ได้ 70% ขึ้นไปถือว่าผ่าน และรับเกียรติบัตรเมื่อเรียนครบทุกบท",
    "settings": {
        "pass_mark_percent": 70,
        "max_attempts": 3,
        "time_limit_minutes": 20,
        "grading_method": GradingMethod.HIGHEST,
        "reveal_answers": RevealAnswers.AFTER_LAST_ATTEMPT,
    },
    "tags": ["การขายออนไลน์", "การเงินดิจิทัล"],
    "questions": [
        single(
            "<p>ถ้าจะถ่ายรูปสินค้าด้วยแสงธรรมชาติ ควรวางสินค้าไว้ตรงไหน</p>",
            "ใกล้หน้าต่าง ให้แสงส่องเข้ามาจากด้านข้าง",
            [
                "กลางแดดจ้าตอนเที่ยงวัน",
                "ในห้องมืดแล้วเปิดแฟลชโทรศัพท์",
                "ใต้หลอดไฟสีส้มในห้องครัว",
            ],
            right_feedback="ถูกต้อง แสงจากหน้าต่างนุ่มและทำให้สีสินค้าตรงกับของจริง",
            wrong_feedback="ลองดูภาพโต๊ะข้างหน้าต่างในบทเรียนอีกครั้ง แสงที่ดีคือแสงนุ่มจากด้านข้าง",
            image="window-light",
        ),
        single(
            "<p>ก่อนส่งสินค้า ควรตรวจอย่างไรว่าลูกค้าโอนเงินมาแล้วจริง</p>",
            "เปิดแอปธนาคารของร้าน ดูว่ามีเงินเข้าจริง",
            [
                "ดูรูปสลิปที่ลูกค้าส่งมาก็พอ",
                "ถามลูกค้าว่าโอนแล้วหรือยัง",
                "ส่งของไปก่อน แล้วค่อยตรวจทีหลัง",
            ],
            right_feedback="ถูกต้อง สลิปปลอมทำได้ง่าย ต้องดูเงินเข้าจริงในแอปธนาคาร",
            wrong_feedback="มิจฉาชีพใช้สลิปปลอมบ่อย ต้องเปิดแอปธนาคารดูว่ามีเงินเข้าจริง",
        ),
        true_false(
            "<p>ร้านค้าต้องบอกรหัส OTP ให้ผู้ซื้อ เพื่อรับเงินโอน</p>",
            False,
            right_feedback="ถูกต้อง ไม่มีใครต้องใช้รหัส OTP ของคุณ ใครขอคือมิจฉาชีพ",
            wrong_feedback="การรับเงินไม่ต้องใช้ OTP ใครขอรหัส OTP คือมิจฉาชีพ",
        ),
        match(
            "<p>จับคู่ช่องทางการขายกับจุดเด่นของช่องทางนั้น</p>",
            [
                ("ตลาดกลางออนไลน์", "มีลูกค้าค้นหาสินค้าทุกวัน มีระบบชำระเงินและขนส่ง"),
                ("เพจร้านค้าบนโซเชียลมีเดีย", "เล่าเรื่องของสินค้าและคนทำ สร้างลูกค้าประจำ"),
                ("กลุ่มไลน์ของร้าน", "แจ้งสินค้าใหม่และรับออร์เดอร์จากลูกค้าเดิม"),
            ],
            right_feedback="ถูกต้องทั้งหมด เริ่มจากช่องทางเดียวให้คล่องก่อน",
            wrong_feedback="ทบทวนบทเรียน รู้จักช่องทางการขายออนไลน์ อีกครั้ง",
        ),
    ],
    "draw": 3,
}

BOOKKEEPING_QUIZ = {
    "course": "shop-bookkeeping-with-spreadsheets",
    "lesson": "monthly-profit-with-sum",
    "title": "แบบทดสอบท้ายบท: สรุปกำไรรายเดือนด้วยสูตร SUM",
    "intro": "ตอบ 6 ข้อ ได้ 70% ขึ้นไปถือว่าผ่าน ทำซ้ำได้ไม่จำกัด และดูเฉลยได้หลังทำแต่ละครั้ง",
    "settings": {
        "pass_mark_percent": 70,
        "reveal_answers": RevealAnswers.AFTER_EACH_ATTEMPT,
    },
    "tags": ["สเปรดชีต"],
    "questions": [
        short(
            "<p>สูตรในสเปรดชีตขึ้นต้นด้วยเครื่องหมายอะไร</p>",
            ["=", "เครื่องหมายเท่ากับ", "เท่ากับ"],
            right_feedback="ถูกต้อง ทุกสูตรขึ้นต้นด้วย =",
            wrong_feedback="สูตรขึ้นต้นด้วยเครื่องหมายเท่ากับ (=) เสมอ",
        ),
        single(
            "<p>สูตร =SUM(C2:C31) ทำอะไร</p>",
            "รวมตัวเลขในคอลัมน์ C ตั้งแต่แถว 2 ถึงแถว 31",
            [
                "นับจำนวนแถวที่มีข้อมูลในคอลัมน์ C",
                "หาค่าเฉลี่ยของคอลัมน์ C",
                "รวมตัวเลขในแถว 2 ถึง 31 ของทุกคอลัมน์",
            ],
            right_feedback="ถูกต้อง C2:C31 คือช่วงเซลล์ในคอลัมน์ C แถว 2 ถึง 31",
            wrong_feedback="SUM คือการรวม และ C2:C31 คือช่วงในคอลัมน์ C แถว 2 ถึง 31",
        ),
        number(
            "<p>เดือนนี้ร้านมีรายรับรวม 12,500 บาท รายจ่ายรวม 9,850 บาท ร้านกำไรกี่บาท</p>",
            "2650",
            right_feedback="ถูกต้อง 12,500 − 9,850 = 2,650 บาท",
            wrong_feedback="กำไร = รายรับรวม − รายจ่ายรวม = 12,500 − 9,850 = 2,650 บาท",
        ),
        true_false(
            "<p>ถ้าช่องกำไรแสดงตัวเลขติดลบ แปลว่าเดือนนั้นร้านขาดทุน</p>",
            True,
            right_feedback="ถูกต้อง ลองดูว่ารายจ่ายไหนสูงผิดปกติ",
            wrong_feedback="ตัวเลขติดลบแปลว่ารายจ่ายมากกว่ารายรับ คือขาดทุน",
        ),
        match(
            "<p>จับคู่ส่วนของตารางกับความหมาย</p>",
            [
                ("แถว", "ช่องที่เรียงตามแนวนอน"),
                ("คอลัมน์", "ช่องที่เรียงตามแนวตั้ง"),
                ("เซลล์", "ช่องที่แถวและคอลัมน์ตัดกัน เช่น B2"),
            ],
            right_feedback="ถูกต้องทั้งหมด",
            wrong_feedback="แถวเรียงแนวนอน คอลัมน์เรียงแนวตั้ง และเซลล์คือช่องที่ทั้งสองตัดกัน",
        ),
        multiple(
            "<p>ข้อใดเป็น <b>รายจ่าย</b> ของร้าน (เลือกได้หลายข้อ)</p>",
            ["ค่าบรรจุภัณฑ์", "ค่าส่งสินค้า", "ค่าไฟ"],
            ["ยอดขายออนไลน์", "เงินโอนจากลูกค้า"],
            right_feedback="ถูกต้อง ยอดขายและเงินโอนจากลูกค้าเป็นรายรับ",
            wrong_feedback="ยอดขายและเงินโอนจากลูกค้าเป็นรายรับ ไม่ใช่รายจ่าย",
        ),
    ],
}

SAFETY_QUIZ = {
    "course": "online-safety",
    "lesson": "spot-online-scams",
    "title": "แบบทดสอบท้ายบท: รู้ทันมิจฉาชีพออนไลน์",
    "intro": "ตอบ 5 ข้อ ได้ 80% ขึ้นไปถือว่าผ่าน ทำได้ 3 ครั้ง",
    "settings": {
        "pass_mark_percent": 80,
        "max_attempts": 3,
        "reveal_answers": RevealAnswers.AFTER_PASSING,
    },
    "tags": ["ความปลอดภัยออนไลน์"],
    "questions": [
        single(
            "<p>ได้รับ SMS ว่า “บัญชีของคุณจะถูกระงับ กดลิงก์เพื่อยืนยันตัวตนภายใน 10 นาที” ควรทำอย่างไร</p>",
            "ไม่กดลิงก์ แล้วโทรถามธนาคารจากเบอร์ที่รู้จักเอง",
            [
                "กดลิงก์แล้วกรอกรหัสผ่านให้เร็วที่สุด",
                "ส่งต่อให้เพื่อนช่วยกด",
                "ตอบกลับ SMS เพื่อถามว่าจริงไหม",
            ],
            right_feedback="ถูกต้อง หยุด คิด แล้วค่อยทำ ธนาคารไม่ส่งลิงก์ให้กรอกรหัสผ่าน",
            wrong_feedback="ข้อความที่เร่งให้รีบกดลิงก์คือสัญญาณของมิจฉาชีพ อย่ากด",
        ),
        multiple(
            "<p>ข้อใดเป็นสัญญาณเตือนของมิจฉาชีพ <b>(เลือกได้หลายข้อ)</b></p>",
            [
                "เร่งให้ตัดสินใจภายในไม่กี่นาที",
                "เสนองานรายได้ดีหรือเงินกู้ง่ายเกินจริง",
                "อ้างเป็นตำรวจแล้วให้โอนเงินไปตรวจสอบ",
            ],
            [
                "เพื่อนนัดเจอกันหน้าโรงเรียนตอนเย็น",
                "ครูแจ้งการบ้านในกลุ่มไลน์ของห้อง",
            ],
            right_feedback="ถูกต้อง มิจฉาชีพมักทำให้เรารีบหรือตกใจ",
            wrong_feedback="ทบทวนหัวข้อ สัญญาณเตือน ในบทเรียนอีกครั้ง",
        ),
        short(
            "<p>แจ้งเหตุภัยออนไลน์ได้ที่สายด่วนหมายเลขใด</p>",
            ["1441"],
            right_feedback="ถูกต้อง สายด่วน 1441",
            wrong_feedback="สายด่วนแจ้งเหตุภัยออนไลน์คือ 1441",
        ),
        true_false(
            "<p>ตำรวจตัวจริงอาจโทรมาขอให้เราโอนเงินเพื่อตรวจสอบบัญชี</p>",
            False,
            right_feedback="ถูกต้อง เจ้าหน้าที่รัฐไม่ให้ใครโอนเงินเพื่อตรวจสอบ",
            wrong_feedback="ไม่จริง ใครอ้างเป็นตำรวจแล้วให้โอนเงินคือมิจฉาชีพ",
        ),
        match(
            "<p>จับคู่สถานการณ์กับสิ่งที่ควรทำ</p>",
            [
                ("มีคนโทรมาขอรหัส OTP", "ไม่บอกรหัส แล้ววางสาย"),
                (
                    "ได้ข้อความว่าถูกรางวัล แต่ต้องโอนค่าธรรมเนียมก่อน",
                    "ไม่โอนเงิน รางวัลจริงไม่ต้องจ่ายก่อน",
                ),
                ("ไม่แน่ใจว่าลิงก์ปลอดภัยหรือไม่", "หยุดก่อนกด แล้วถามผู้ใหญ่ที่ไว้ใจ"),
            ],
            right_feedback="ถูกต้องทั้งหมด",
            wrong_feedback="ทบทวนหัวข้อ หยุดก่อนกด ในบทเรียนอีกครั้ง",
        ),
    ],
}


def _tags(names: list[str]) -> list[SkillTag]:
    return [SkillTag.objects.get_or_create(name=name)[0] for name in names]


def _question(spec: dict, *, media, bank=None, tags=()) -> Question:
    image_key = spec.get("image")
    question = Question(
        bank=bank,
        kind=spec["kind"],
        prompt=spec["prompt"],
        points=spec.get("points", 1),
        scoring=spec.get("scoring", MultipleScoring.ALL_OR_NOTHING),
        correct_answer_true=spec.get("correct_answer_true"),
        numeric_answer=spec.get("numeric_answer"),
        numeric_tolerance=spec.get("numeric_tolerance", Decimal(0)),
        feedback_correct=spec.get("feedback_correct", ""),
        feedback_incorrect=spec.get("feedback_incorrect", ""),
        image=media.get(image_key) if image_key else None,
        image_alt="โต๊ะข้างหน้าต่าง มีขวดน้ำพริกบนผ้าขาว แสงส่องจากด้านข้าง" if image_key else "",
    )
    question.choices = [
        Choice(text=text, is_correct=right) for text, right in spec.get("choices", [])
    ]
    question.accepted_answers = [AcceptedAnswer(text=text) for text in spec.get("accepted", [])]
    question.pairs = [MatchingPair(prompt=p, answer=a) for p, a in spec.get("pairs", [])]
    question.save()
    if tags:
        question.tags.set(tags)
        question.save()
    return question


def _quiz(spec: dict, *, lesson=None, course=None, media, bank=None) -> Quiz:
    tags = _tags(spec.get("tags", []))
    quiz = Quiz(
        title=spec["title"],
        intro=spec["intro"],
        lesson=lesson,
        course=course,
        is_live=True,
        **spec["settings"],
    )
    quiz.items = [
        QuizQuestion(question=_question(q, media=media, tags=tags)) for q in spec["questions"]
    ]
    if bank is not None and spec.get("draw"):
        quiz.draws = [QuizDraw(bank=bank, count=spec["draw"])]
    quiz.save()
    return quiz


def _bank(spec: dict, *, media) -> QuestionBank:
    bank = QuestionBank.objects.filter(name=spec["name"]).first()
    if bank is not None:
        return bank
    bank = QuestionBank.objects.create(name=spec["name"], description=spec["description"])
    tags = _tags(spec["tags"])
    for question in spec["questions"]:
        _question(question, media=media, bank=bank, tags=tags)
    return bank


@transaction.atomic
def seed(result: dict) -> dict[str, Quiz]:
    """Create the demo quizzes that are missing. Returns them by a short name."""
    courses = result["courses"]
    media = result.get("media") or {}
    quizzes: dict[str, Quiz] = {}
    for name, spec in (
        ("postage", POSTAGE_QUIZ),
        ("bookkeeping", BOOKKEEPING_QUIZ),
        ("safety", SAFETY_QUIZ),
    ):
        lesson = LessonPage.objects.child_of(courses[spec["course"]]).get(slug=spec["lesson"])
        quizzes[name] = Quiz.objects.filter(lesson=lesson).first() or _quiz(
            spec, lesson=lesson, media=media
        )
    course = courses[SELLING_FINAL["course"]]
    final = Quiz.objects.filter(course=course).first()
    if final is None:
        final = _quiz(
            SELLING_FINAL, course=course, media=media, bank=_bank(SELLING_BANK, media=media)
        )
    quizzes["selling-final"] = final
    return quizzes


def _right_answers(attempt) -> dict:
    """Every question of an attempt answered right, in the terms the learner sees."""

    questions = questions_for_grading([entry["q"] for entry in attempt.layout])
    answers = {}
    for position, entry in enumerate(attempt.layout, 1):
        question = questions[entry["q"]]
        kind = entry["k"]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            right = {c.pk for c in question.choices.all() if c.is_correct}
            values = [str(n) for n, pk in enumerate(entry["c"], 1) if pk in right]
            answers[position] = RawAnswer(values=values)
        elif kind == QuestionKind.TRUE_FALSE:
            answers[position] = RawAnswer(
                values=["true" if question.correct_answer_true else "false"]
            )
        elif kind == QuestionKind.SHORT_TEXT:
            answers[position] = RawAnswer(values=[question.accepted_answers.all()[0].text])
        elif kind == QuestionKind.NUMERIC:
            answers[position] = RawAnswer(values=[f"{question.numeric_answer.normalize():f}"])
        elif kind == QuestionKind.MATCHING:
            pairs = {p.pk: p for p in question.pairs.all()}
            options = {}
            for n, pk in enumerate(entry["a"], 1):
                options.setdefault(pairs[pk].answer, n)
            answers[position] = RawAnswer(
                items={n: str(options[pairs[pk].answer]) for n, pk in enumerate(entry["p"], 1)}
            )
    return answers


def pass_quiz(*, user, quiz: Quiz):
    """For demo data: `user` takes `quiz` through the real services and gets everything right.

    The learner must be enrolled in the quiz's course. Returns the graded attempt.
    """

    attempt = attempt_start(user=user, quiz=quiz).attempt
    attempt_answers_save(user=user, attempt=attempt, answers=_right_answers(attempt))
    return attempt_submit(user=user, attempt=attempt).attempt


def answer_quiz(*, user, quiz: Quiz, wrong_positions: set[int]):
    """For demo data: `user` takes `quiz` through the real services, leaving the questions
    at `wrong_positions` (1-based) unanswered, so they are marked wrong. Returns the attempt.
    """

    attempt = attempt_start(user=user, quiz=quiz).attempt
    answers = {
        position: answer
        for position, answer in _right_answers(attempt).items()
        if position not in wrong_positions
    }
    attempt_answers_save(user=user, attempt=attempt, answers=answers)
    return attempt_submit(user=user, attempt=attempt).attempt
