"""Sample curricula for the demo: real lessons written for centre learners.

Block values refer to demo media by key ("@window-light"); the seeder swaps in
the image or document it created. Thai first; the online-selling course and the
tracks also exist in English.
"""


def p(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def ul(*items: str, intro: str = "") -> tuple[str, str]:
    head = f"<p>{intro}</p>" if intro else ""
    return ("paragraph", head + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def h(text: str, level: str = "h2") -> tuple[str, dict]:
    return ("heading", {"text": text, "level": level})


def img(key: str, alt: str, caption: str = "") -> tuple[str, dict]:
    return ("image", {"image": f"@{key}", "alt_text": alt, "caption": caption})


def tip(text: str, title: str = "", kind: str = "tip") -> tuple[str, dict]:
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{text}</p>"})


def steps(title: str, *items: tuple[str, str]) -> tuple[str, dict]:
    return (
        "steps",
        {
            "title": title,
            "steps": [
                {"title": t, "text": f"<p>{d}</p>" if d else "", "image": None} for t, d in items
            ],
        },
    )


def practice(title: str, instructions: str, minutes: int, *checklist: str) -> tuple[str, dict]:
    return (
        "practice",
        {
            "title": title,
            "instructions": f"<p>{instructions}</p>",
            "duration_minutes": minutes,
            "checklist": list(checklist),
        },
    )


def download(key: str, description: str) -> tuple[str, dict]:
    return ("download", {"document": f"@{key}", "description": description})


def video(key: str, caption: str, transcript: str) -> tuple[str, dict]:
    return ("video", {"url": None, "file": f"@{key}", "caption": caption, "transcript": transcript})


# --- Tags -----------------------------------------------------------------------------

TAG_SELLING = "การขายออนไลน์"
TAG_PHOTO = "การถ่ายภาพสินค้า"
TAG_MONEY = "การเงินดิจิทัล"
TAG_SHEETS = "สเปรดชีต"
TAG_SAFETY = "ความปลอดภัยออนไลน์"
TAG_MEDIA = "การรู้เท่าทันสื่อ"
TAG_COUNTING = "ทักษะการนับ"
TAG_LANGUAGE = "ภาษาและการสื่อสาร"
TAG_MOVEMENT = "การเคลื่อนไหว"

# --- Workforce: selling products online ------------------------------------------------

SELLING = {
    "slug": "sell-products-online",
    "track": "workforce",
    "title": "การขายสินค้าออนไลน์สำหรับผู้ผลิตชุมชน",
    "summary": "เปิดร้านออนไลน์ด้วยโทรศัพท์เครื่องเดียว ถ่ายรูปสินค้าให้น่าซื้อ เขียนรายละเอียด ตั้งราคา แพ็กส่งไปรษณีย์ และรับเงินอย่างปลอดภัย",
    "description": "<p>หลักสูตรนี้เหมาะกับผู้ผลิตสินค้าชุมชน กลุ่มแม่บ้าน และวิสาหกิจชุมชนที่อยากขายสินค้าให้ลูกค้านอกหมู่บ้าน เรียนออนไลน์ได้ตามสะดวก และมาฝึกถ่ายรูปสินค้าจริงที่ศูนย์ดิจิทัลชุมชน</p>",
    "level": "beginner",
    "hours": "6",
    "outcomes": "เลือกช่องทางขายออนไลน์ที่เหมาะกับสินค้าของตนเอง\nถ่ายรูปสินค้าด้วยโทรศัพท์มือถือให้สว่าง คมชัด และน่าซื้อ\nเขียนชื่อและรายละเอียดสินค้าที่ลูกค้าค้นหาเจอ\nคำนวณราคาขายที่รวมค่าแพ็กและค่าส่ง\nรับชำระเงินและตรวจสอบสลิปก่อนส่งสินค้า",
    "tags": [TAG_SELLING, TAG_PHOTO, TAG_MONEY],
    "cover": "online-selling",
    "lessons": [
        {
            "slug": "online-sales-channels",
            "title": "รู้จักช่องทางการขายออนไลน์",
            "summary": "ตลาดกลางออนไลน์ เพจร้านค้า และกลุ่มไลน์ ต่างกันอย่างไร และควรเริ่มจากที่ไหน",
            "minutes": 20,
            "body": [
                p(
                    "การขายออนไลน์ไม่ได้ต้องมีเว็บไซต์ของตัวเองเสมอไป ผู้ผลิตชุมชนส่วนใหญ่เริ่มจากช่องทางที่มีลูกค้าอยู่แล้ว แล้วค่อยขยายเมื่อขายได้สม่ำเสมอ",
                ),
                h("ช่องทางหลักที่ใช้กันมาก"),
                ul(
                    "<b>ตลาดกลางออนไลน์ (มาร์เก็ตเพลส)</b> มีลูกค้าเข้ามาค้นหาสินค้าทุกวัน มีระบบชำระเงินและขนส่งให้ แต่มีค่าธรรมเนียมการขาย",
                    "<b>ตลาดออนไลน์ที่ทำร่วมกับไปรษณีย์</b> เหมาะกับสินค้าชุมชนและสินค้าท้องถิ่น ส่งของผ่านที่ทำการไปรษณีย์ใกล้บ้านได้ทันที",
                    "<b>เพจร้านค้าบนโซเชียลมีเดีย</b> ใช้เล่าเรื่องราวของสินค้าและคนทำ เหมาะกับการสร้างลูกค้าประจำ",
                    "<b>กลุ่มไลน์หรือบัญชีทางการของร้าน</b> ใช้แจ้งสินค้าใหม่และรับออร์เดอร์จากลูกค้าเดิม",
                ),
                tip(
                    "เริ่มจากช่องทางเดียวให้คล่องก่อน ตอบลูกค้าได้ทันเวลาสำคัญกว่าการเปิดร้านหลายที่แต่ตอบช้า",
                    title="เริ่มเล็ก ๆ แต่ต่อเนื่อง",
                ),
                h("คำถามที่ช่วยเลือกช่องทาง"),
                ul(
                    "ลูกค้าของเราเป็นใคร อยู่ในจังหวัดเดียวกันหรือทั่วประเทศ",
                    "สินค้าเก็บได้นานไหม ส่งไกลได้หรือเปล่า",
                    "เรามีเวลาตอบแชตวันละกี่ชั่วโมง",
                    "มีคนในกลุ่มที่ช่วยดูแลร้านได้หรือไม่",
                ),
                practice(
                    "สำรวจร้านคู่แข่ง",
                    "เปิดตลาดออนไลน์ที่คุณใช้บ่อย ค้นหาสินค้าแบบเดียวกับของคุณ แล้วจดราคา ค่าส่ง และจำนวนรีวิวของร้านที่ขายดี 3 ร้าน",
                    15,
                    "จดราคาและค่าส่งครบ 3 ร้าน",
                    "ดูว่ารูปสินค้าของร้านขายดีถ่ายอย่างไร",
                    "คิดว่าสินค้าของเราต่างจากร้านเหล่านั้นอย่างไร",
                ),
            ],
        },
        {
            "slug": "photograph-products-with-a-phone",
            "title": "ถ่ายรูปสินค้าด้วยโทรศัพท์มือถือ",
            "summary": "ใช้แสงจากหน้าต่าง ฉากสีขาว และมุมกล้องที่ถูกต้อง ให้รูปสินค้าน่าซื้อโดยไม่ต้องมีกล้องราคาแพง",
            "minutes": 30,
            "body": [
                p(
                    "ลูกค้าออนไลน์จับสินค้าไม่ได้ รูปถ่ายจึงเป็นพนักงานขายคนแรกของร้าน รูปที่สว่าง คมชัด และเห็นรายละเอียด ทำให้ลูกค้ากล้าสั่งซื้อมากขึ้น",
                    "ข่าวดีคือโทรศัพท์มือถือทั่วไปถ่ายรูปสินค้าได้สวยพอ ถ้าเราจัดแสงและฉากให้ถูก",
                ),
                h("แสงคือหัวใจของรูปสินค้า"),
                img(
                    "window-light",
                    "โต๊ะวางข้างหน้าต่าง มีขวดน้ำพริกบนผ้าขาว แสงจากหน้าต่างส่องด้านข้าง และโทรศัพท์ตั้งอยู่ด้านหน้า",
                    "วางสินค้าใกล้หน้าต่าง ให้แสงธรรมชาติส่องจากด้านข้าง",
                ),
                ul(
                    "ถ่ายตอนกลางวันใกล้หน้าต่าง แสงนุ่มและสีสินค้าตรงกับของจริง",
                    "หลีกเลี่ยงแดดส่องตรง เพราะเงาจะแข็งและสีซีด ถ้าแดดแรงให้กั้นด้วยผ้าม่านบาง ๆ",
                    "ปิดแฟลช แฟลชทำให้เกิดจุดสะท้อนบนขวดและถุงพลาสติก",
                    "ใช้กระดาษขาวหรือฝากล่องโฟมสะท้อนแสงเข้าด้านที่มืด",
                ),
                video(
                    "window-light-video",
                    "แสงจากหน้าต่างเปลี่ยนรูปสินค้าอย่างไร",
                    "วางขวดน้ำพริกบนผ้าขาวข้างหน้าต่าง แสงธรรมชาติส่องจากด้านซ้าย ถ่ายรูปจากด้านหน้าระดับเดียวกับสินค้า แล้วลองหมุนสินค้าทีละนิดจนเห็นฉลากชัดที่สุด",
                ),
                h("จัดฉากง่าย ๆ ด้วยของที่มีในบ้าน"),
                steps(
                    "ขั้นตอนการถ่ายรูปสินค้า",
                    ("เช็ดเลนส์กล้อง", "ใช้ผ้านุ่มเช็ดคราบนิ้วมือบนเลนส์ รูปจะคมขึ้นทันที"),
                    ("ปูฉากสีขาว", "ใช้กระดาษแข็งสีขาวหรือผ้าขาวโค้งจากพื้นขึ้นผนัง ไม่ให้เห็นขอบฉาก"),
                    ("วางสินค้าให้อยู่กลางภาพ", "เปิดเส้นตารางในกล้องเพื่อจัดสินค้าให้ตรงและเว้นขอบรอบ ๆ"),
                    ("แตะหน้าจอที่สินค้า", "ให้กล้องโฟกัสและวัดแสงที่สินค้า ไม่ใช่ที่ฉากหลัง"),
                    ("ถ่ายหลายมุม", "ด้านหน้า ด้านข้าง ด้านบน รายละเอียดฉลาก และตอนใช้งานจริง"),
                    ("ตรวจรูปก่อนใช้", "ซูมดูว่าคมชัด ไม่มีฝุ่นหรือรอยนิ้วมือบนสินค้า"),
                ),
                img(
                    "three-angles",
                    "ภาพสินค้าสามภาพ ด้านหน้า ด้านข้าง และมุมจากด้านบน",
                    "มุมที่ลูกค้าอยากเห็น ด้านหน้า ด้านข้าง และด้านบน",
                ),
                tip(
                    "อย่าใช้การซูมแบบดิจิทัล ให้เดินเข้าไปใกล้สินค้าแทน ภาพจะไม่แตก",
                    title="เคล็ดลับ",
                ),
                tip(
                    "รูปต้องตรงกับสินค้าจริง ห้ามแต่งสีจนต่างจากของจริง ลูกค้าที่ได้ของไม่ตรงรูปจะขอคืนเงินและให้รีวิวไม่ดี",
                    title="ซื่อตรงกับลูกค้า",
                    kind="warning",
                ),
                download("photo-checklist", "เช็กลิสต์ 1 หน้า พิมพ์ติดไว้ข้างโต๊ะถ่ายรูป"),
                practice(
                    "ถ่ายรูปสินค้าของคุณ",
                    "เลือกสินค้าของคุณหนึ่งชิ้น จัดฉากข้างหน้าต่างตามขั้นตอนข้างบน แล้วถ่ายรูป 4 มุม เลือกรูปที่ดีที่สุดเป็นรูปปก",
                    30,
                    "รูปสว่าง ไม่มีเงาดำทับสินค้า",
                    "ฉากหลังสะอาด ไม่มีของอื่นปน",
                    "เห็นฉลากและรายละเอียดชัดเจน",
                    "มีรูปตอนใช้งานจริงอย่างน้อย 1 รูป",
                ),
            ],
        },
        {
            "slug": "write-product-listings",
            "title": "เขียนชื่อและรายละเอียดสินค้าให้น่าซื้อ",
            "summary": "ตั้งชื่อสินค้าให้ลูกค้าค้นหาเจอ และเขียนรายละเอียดที่ตอบคำถามก่อนลูกค้าจะถาม",
            "minutes": 25,
            "body": [
                p(
                    "ลูกค้าค้นหาสินค้าด้วยคำที่เขาคุ้นเคย ชื่อสินค้าที่ดีจึงบอกว่าสินค้าคืออะไร จุดเด่นคืออะไร และขนาดเท่าไร ในบรรทัดเดียว",
                ),
                h("สูตรตั้งชื่อสินค้า"),
                p(
                    "<b>สินค้าคืออะไร + จุดเด่น + ขนาดหรือน้ำหนัก + แหล่งผลิต</b>",
                    "ตัวอย่าง: น้ำพริกปลาย่าง สูตรโบราณ ไม่ใส่ผงชูรส 200 กรัม จากกลุ่มแม่บ้านโพธิ์ตาก หนองคาย",
                ),
                h("รายละเอียดที่ลูกค้าอยากรู้"),
                ul(
                    "ส่วนผสมหรือวัสดุ และเลขทะเบียน อย. ถ้ามี",
                    "ขนาด น้ำหนัก และจำนวนในหนึ่งแพ็ก",
                    "วิธีเก็บรักษาและวันหมดอายุ",
                    "ระยะเวลาจัดส่ง และส่งด้วยบริการใด",
                    "เรื่องราวของคนทำ ทำไมสินค้าของเราถึงพิเศษ",
                ),
                tip(
                    "อย่าอ้างสรรพคุณทางยาหรือคำว่ารักษาโรค ถ้าไม่มีหลักฐานรับรอง เพราะผิดกฎหมายและทำให้ร้านถูกปิดได้",
                    title="ระวังคำโฆษณาเกินจริง",
                    kind="warning",
                ),
                practice(
                    "เขียนประกาศขายสินค้าของคุณ",
                    "ใช้สูตรตั้งชื่อสินค้าเขียนชื่อสินค้าของคุณ แล้วเขียนรายละเอียดให้ครบ 5 หัวข้อข้างบน อ่านให้เพื่อนในกลุ่มฟัง แล้วถามว่ายังมีอะไรที่อยากรู้อีก",
                    20,
                    "ชื่อสินค้ามีขนาดหรือน้ำหนัก",
                    "รายละเอียดครบ 5 หัวข้อ",
                    "ไม่มีคำโฆษณาเกินจริง",
                ),
            ],
        },
        {
            "slug": "pricing-packing-and-postage",
            "title": "ตั้งราคา แพ็กสินค้า และส่งทางไปรษณีย์",
            "summary": "คิดราคาขายที่ไม่ขาดทุน แพ็กสินค้าให้ถึงมือลูกค้าอย่างปลอดภัย และแจ้งเลขพัสดุ",
            "minutes": 25,
            "body": [
                h("คิดราคาขายให้ครบทุกต้นทุน"),
                ul(
                    "ต้นทุนวัตถุดิบและค่าแรงต่อชิ้น",
                    "ค่าบรรจุภัณฑ์ เช่น ขวด ถุง กล่อง บับเบิล และเทป",
                    "ค่าธรรมเนียมของตลาดออนไลน์",
                    "กำไรที่ต้องการ",
                    intro="ราคาขายต่อชิ้นควรรวม",
                ),
                tip(
                    "ชั่งน้ำหนักสินค้าหลังแพ็กเสร็จ แล้วเช็กค่าส่งจากน้ำหนักจริง ร้านจำนวนมากขาดทุนเพราะคิดค่าส่งจากน้ำหนักสินค้าอย่างเดียว",
                ),
                h("แพ็กสินค้าให้ถึงมือลูกค้าอย่างปลอดภัย"),
                img("packing", "กล่องพัสดุติดฉลากที่อยู่ ข้าง ๆ มีแผ่นบับเบิลกันกระแทก", "ห่อบับเบิลและติดฉลากให้ชัด"),
                steps(
                    "ขั้นตอนการแพ็ก",
                    ("ปิดฝาขวดให้แน่นและพันเทปกันรั่ว", ""),
                    ("ห่อบับเบิลอย่างน้อยสองรอบ", "ของแตกง่ายให้ใส่กล่องที่ใหญ่กว่าสินค้าเล็กน้อยแล้วเติมช่องว่าง"),
                    ("ใส่ใบขอบคุณหรือนามบัตรร้าน", "ลูกค้าจะจำร้านได้และกลับมาซื้อซ้ำ"),
                    ("เขียนชื่อ ที่อยู่ และเบอร์โทรผู้รับให้ชัด", "ใส่รหัสไปรษณีย์ทุกครั้ง"),
                    ("ถ่ายรูปพัสดุก่อนส่ง", "เก็บไว้เป็นหลักฐานถ้ามีปัญหาระหว่างขนส่ง"),
                ),
                p(
                    "เมื่อส่งของที่ไปรษณีย์แล้ว ให้ส่งเลขพัสดุให้ลูกค้าทันที ลูกค้าจะติดตามพัสดุเองได้ และมั่นใจในร้านมากขึ้น",
                ),
            ],
        },
        {
            "slug": "safe-payments-and-customer-care",
            "title": "รับเงินอย่างปลอดภัยและดูแลลูกค้า",
            "summary": "รับเงินผ่านพร้อมเพย์ ตรวจสลิปก่อนส่งของ และตอบลูกค้าอย่างมืออาชีพ",
            "minutes": 20,
            "body": [
                p(
                    "การโอนเงินผ่านพร้อมเพย์และแอปธนาคารสะดวกสำหรับทั้งร้านและลูกค้า แต่มิจฉาชีพก็ใช้สลิปปลอมหลอกร้านค้าออนไลน์อยู่บ่อย ๆ",
                ),
                h("ตรวจเงินเข้าก่อนส่งของทุกครั้ง"),
                ul(
                    "เปิดแอปธนาคารของร้านดูว่ามีเงินเข้าจริง อย่าดูแค่รูปสลิปที่ลูกค้าส่งมา",
                    "ใช้เมนูสแกนตรวจสอบสลิปในแอปธนาคาร",
                    "ระวังลูกค้าที่เร่งให้ส่งของทันทีหรือขอให้โอนเงินคืนเพราะโอนเกิน",
                ),
                tip(
                    "ร้านค้าไม่ต้องบอกรหัส OTP หรือรหัสผ่านให้ใครเพื่อรับเงิน ใครขอรหัสเหล่านี้คือมิจฉาชีพ",
                    title="ไม่มีใครต้องใช้รหัส OTP ของคุณ",
                    kind="warning",
                ),
                h("ดูแลลูกค้าให้กลับมาซื้อซ้ำ"),
                ul(
                    "ตอบแชตภายในวันเดียวกัน ถ้าไม่ว่างให้ตั้งข้อความตอบกลับอัตโนมัติ",
                    "แจ้งลูกค้าเมื่อส่งของแล้ว พร้อมเลขพัสดุ",
                    "ขอบคุณลูกค้าและชวนให้รีวิวเมื่อได้รับของ",
                    "ถ้าสินค้ามีปัญหา ขอโทษ และเสนอทางแก้ก่อนลูกค้าจะต้องร้องเรียน",
                ),
            ],
        },
    ],
}

SELLING_EN = {
    "title": "Selling Products Online for Community Producers",
    "summary": "Open an online shop with a single phone: photograph products that sell, write listings, set prices, pack and post parcels, and get paid safely.",
    "description": "<p>For community producers, housewives' groups and community enterprises who want to sell beyond their village. Learn online at your own pace and practise photographing real products at the community digital centre.</p>",
    "outcomes": "Choose the online sales channel that suits your product\nPhotograph products with a phone so they look bright, sharp and appealing\nWrite product titles and descriptions that customers can find\nWork out a selling price that covers packing and postage\nTake payments and check transfer slips before shipping",
    "lessons": {
        "online-sales-channels": {
            "title": "Know your online sales channels",
            "summary": "Marketplaces, shop pages and chat groups: how they differ and where to start.",
            "body": [
                p(
                    "Selling online does not need a website of your own. Most community producers start where their customers already are, then grow once sales are steady.",
                ),
                h("The main channels"),
                ul(
                    "<b>Online marketplaces</b> have shoppers searching every day and handle payment and delivery, but charge a fee on each sale.",
                    "<b>Marketplaces run with the national post</b> suit local and community products: ship from the post office near your home.",
                    "<b>Shop pages on social media</b> tell the story of the product and its makers and build loyal customers.",
                    "<b>Chat groups or an official shop account</b> announce new products and take orders from returning customers.",
                ),
                tip(
                    "Master one channel first. Answering customers quickly matters more than opening many shops and answering slowly.",
                    title="Start small, keep going",
                ),
                h("Questions that help you choose"),
                ul(
                    "Who are our customers: in our province or all over the country?",
                    "Does the product keep? Can it travel far?",
                    "How many hours a day can we answer messages?",
                    "Can someone else in the group help run the shop?",
                ),
                practice(
                    "Study your competitors",
                    "Open the marketplace you use most, search for products like yours, and note the price, postage and number of reviews of three shops that sell well.",
                    15,
                    "Prices and postage noted for three shops",
                    "Looked at how the best-selling shops photograph their products",
                    "Thought about how our product differs from theirs",
                ),
            ],
        },
        "photograph-products-with-a-phone": {
            "title": "Photographing products with a phone",
            "summary": "Use window light, a white background and the right angles to make products look their best without an expensive camera.",
            "body": [
                p(
                    "Online shoppers cannot touch the product, so the photo is your shop's first salesperson. Bright, sharp photos that show the details make customers confident to buy.",
                    "The good news: an ordinary phone takes good product photos if you get the light and background right.",
                ),
                h("Light is everything"),
                img(
                    "window-light",
                    "A table next to a window with a jar of chilli paste on white cloth; light falls from the side and a phone stands in front.",
                    "Put the product near a window so daylight falls from the side.",
                ),
                ul(
                    "Shoot in the daytime near a window: the light is soft and colours look true.",
                    "Avoid direct sun, which gives hard shadows and washed-out colours; diffuse it with a thin curtain.",
                    "Turn the flash off: it causes glare on bottles and plastic bags.",
                    "Bounce light into the dark side with white paper or a foam box lid.",
                ),
                video(
                    "window-light-video",
                    "How window light changes a product photo",
                    "A jar of chilli paste sits on white cloth next to a window, with daylight from the left. Photograph it from the front at the product's height, then turn it little by little until the label is clearest.",
                ),
                h("A simple set from things at home"),
                steps(
                    "Steps for a product photo",
                    (
                        "Clean the lens",
                        "Wipe fingerprints off the lens with a soft cloth: photos get sharper at once.",
                    ),
                    (
                        "Lay a white background",
                        "Curve white card or cloth from the table up the wall so no edge shows.",
                    ),
                    (
                        "Centre the product",
                        "Turn on the camera grid to keep the product straight with space around it.",
                    ),
                    (
                        "Tap the product on screen",
                        "So the camera focuses and meters on the product, not the background.",
                    ),
                    (
                        "Shoot several angles",
                        "Front, side, top, label close-up and the product in use.",
                    ),
                    (
                        "Check before you use it",
                        "Zoom in: sharp, no dust or fingerprints on the product.",
                    ),
                ),
                img(
                    "three-angles",
                    "Three photos of the product: front, side and from above.",
                    "The angles customers want to see: front, side and top.",
                ),
                tip(
                    "Do not use digital zoom; move closer instead so the picture stays sharp.",
                    title="Tip",
                ),
                tip(
                    "Photos must match the real product. Do not edit colours away from reality: customers who receive something different ask for refunds and leave bad reviews.",
                    title="Be honest with customers",
                    kind="warning",
                ),
                download(
                    "photo-checklist", "A one-page checklist to print and keep by your photo table"
                ),
                practice(
                    "Photograph your own product",
                    "Pick one of your products, set up by a window as above, and take photos from four angles. Choose the best as the cover photo.",
                    30,
                    "Bright, with no dark shadow over the product",
                    "Clean background with nothing else in it",
                    "Label and details clearly visible",
                    "At least one photo of the product in use",
                ),
            ],
        },
        "write-product-listings": {
            "title": "Writing product titles and descriptions that sell",
            "summary": "Name products so customers find them, and answer their questions before they ask.",
            "body": [
                p(
                    "Customers search with words they know. A good product title says what it is, what makes it special and how big it is, in one line.",
                ),
                h("A formula for product titles"),
                p(
                    "<b>What it is + what makes it special + size or weight + where it comes from</b>",
                    "Example: Grilled-fish chilli paste, traditional recipe, no MSG, 200 g, from the Pho Tak housewives' group, Nong Khai",
                ),
                h("What customers want to know"),
                ul(
                    "Ingredients or materials, and the food and drug registration number if any",
                    "Size, weight and how many in a pack",
                    "How to store it and when it expires",
                    "How long delivery takes and by which service",
                    "The makers' story: why our product is special",
                ),
                tip(
                    "Never claim medical benefits or cures without certified evidence: it is illegal and can get your shop closed.",
                    title="Beware of exaggerated claims",
                    kind="warning",
                ),
                practice(
                    "Write a listing for your product",
                    "Use the title formula for your product, then write a description covering all five points above. Read it to a friend in your group and ask what else they would want to know.",
                    20,
                    "The title includes size or weight",
                    "The description covers all five points",
                    "No exaggerated claims",
                ),
            ],
        },
        "pricing-packing-and-postage": {
            "title": "Pricing, packing and posting",
            "summary": "Set a price that does not lose money, pack products so they arrive safely, and share the tracking number.",
            "body": [
                h("Count every cost in your price"),
                ul(
                    "Raw materials and labour per item",
                    "Packaging such as bottles, bags, boxes, bubble wrap and tape",
                    "The marketplace's fees",
                    "The profit you want",
                    intro="The selling price of each item should include",
                ),
                tip(
                    "Weigh the product after packing and check postage by the real weight. Many shops lose money by pricing postage on the product's weight alone.",
                ),
                h("Pack so it arrives safely"),
                img(
                    "packing",
                    "A parcel with an address label, next to a sheet of bubble wrap.",
                    "Wrap in bubble wrap and label clearly.",
                ),
                steps(
                    "Packing steps",
                    ("Close lids tightly and tape them against leaks", ""),
                    (
                        "Wrap in bubble wrap at least twice",
                        "Put fragile items in a slightly larger box and fill the gaps.",
                    ),
                    (
                        "Add a thank-you note or shop card",
                        "Customers remember the shop and buy again.",
                    ),
                    (
                        "Write the recipient's name, address and phone clearly",
                        "Always include the postcode.",
                    ),
                    (
                        "Photograph the parcel before sending",
                        "Keep it as evidence in case of problems in transit.",
                    ),
                ),
                p(
                    "After posting, send the tracking number to the customer straight away: they can follow the parcel themselves and trust your shop more.",
                ),
            ],
        },
        "safe-payments-and-customer-care": {
            "title": "Getting paid safely and caring for customers",
            "summary": "Take payment by PromptPay, check slips before shipping, and answer customers professionally.",
            "body": [
                p(
                    "Transfers by PromptPay and banking apps are convenient for shops and customers, but fraudsters often trick online shops with fake transfer slips.",
                ),
                h("Check the money arrived before shipping"),
                ul(
                    "Open your shop's banking app and see that the money really came in; do not trust a picture of a slip.",
                    "Use the slip-verification scanner in your banking app.",
                    "Be wary of customers who rush you to ship or ask for a refund because they 'paid too much'.",
                ),
                tip(
                    "A shop never needs to give anyone an OTP or password to receive money. Anyone asking for one is a fraudster.",
                    title="Nobody needs your OTP",
                    kind="warning",
                ),
                h("Care for customers so they come back"),
                ul(
                    "Answer messages the same day; set an automatic reply when you are busy.",
                    "Tell customers when you have shipped, with the tracking number.",
                    "Thank customers and invite a review when the parcel arrives.",
                    "If something is wrong, apologise and offer a fix before the customer has to complain.",
                ),
            ],
        },
    },
}

# --- Workforce: bookkeeping ---------------------------------------------------------------

BOOKKEEPING = {
    "slug": "shop-bookkeeping-with-spreadsheets",
    "track": "workforce",
    "title": "ทำบัญชีร้านค้าชุมชนด้วยสเปรดชีต",
    "summary": "บันทึกรายรับรายจ่ายบนโทรศัพท์หรือคอมพิวเตอร์ของศูนย์ และรู้กำไรของร้านทุกเดือนด้วยสูตรง่าย ๆ",
    "description": "<p>สำหรับร้านค้าชุมชน กลุ่มอาชีพ และผู้ขายออนไลน์ที่อยากรู้ว่าขายแล้วได้กำไรจริงเท่าไร ใช้แอปสเปรดชีตที่ติดตั้งฟรีได้ทั้งบนมือถือและคอมพิวเตอร์</p>",
    "level": "beginner",
    "hours": "3",
    "outcomes": "สร้างตารางรายรับรายจ่ายในแอปสเปรดชีต\nบันทึกรายการขายและค่าใช้จ่ายประจำวัน\nสรุปกำไรรายเดือนด้วยสูตร SUM",
    "tags": [TAG_SHEETS, TAG_MONEY],
    "cover": "bookkeeping",
    "lessons": [
        {
            "slug": "start-a-spreadsheet",
            "title": "เริ่มต้นใช้แอปสเปรดชีตบนมือถือ",
            "summary": "รู้จักแถว คอลัมน์ และเซลล์ แล้วสร้างไฟล์บัญชีไฟล์แรกของร้าน",
            "minutes": 20,
            "body": [
                p(
                    "สเปรดชีตคือสมุดบัญชีที่คิดเลขให้เราได้ ตารางแบ่งเป็นแถวตามแนวนอนและคอลัมน์ตามแนวตั้ง ช่องที่แถวและคอลัมน์ตัดกันเรียกว่าเซลล์ เช่น เซลล์ B2",
                ),
                steps(
                    "สร้างไฟล์บัญชีไฟล์แรก",
                    ("เปิดแอปสเปรดชีตแล้วสร้างไฟล์ใหม่", "ตั้งชื่อไฟล์ว่า บัญชีร้าน ตามด้วยปี พ.ศ."),
                    ("พิมพ์หัวตารางในแถวที่ 1", "วันที่ | รายการ | รายรับ | รายจ่าย"),
                    ("ตรึงแถวแรกไว้", "เลื่อนดูรายการยาว ๆ แล้วยังเห็นหัวตาราง"),
                ),
                tip("บันทึกไฟล์ไว้ในบัญชีออนไลน์ของร้าน ถ้าโทรศัพท์หาย ข้อมูลบัญชีไม่หายไปด้วย"),
            ],
        },
        {
            "slug": "record-daily-income-and-expenses",
            "title": "บันทึกรายรับรายจ่ายประจำวัน",
            "summary": "จดทุกรายการให้เป็นนิสัย ใช้เวลาวันละไม่ถึงห้านาที",
            "minutes": 20,
            "body": [
                p("บันทึกทุกครั้งที่ขายของหรือจ่ายเงินซื้อวัตถุดิบ ถ้าจดทันทีจะไม่ลืมและตัวเลขตรงกับเงินจริง"),
                ul(
                    "รายรับ: ยอดขายหน้าร้าน ยอดขายออนไลน์ เงินโอนจากลูกค้า",
                    "รายจ่าย: วัตถุดิบ บรรจุภัณฑ์ ค่าส่ง ค่าธรรมเนียมการขาย ค่าไฟ",
                    intro="ตัวอย่างรายการ",
                ),
                practice(
                    "บันทึกรายการหนึ่งสัปดาห์",
                    "ลองบันทึกรายรับรายจ่ายจริงของร้านคุณเป็นเวลา 7 วัน แล้วนำมาคุยกับวิทยากรในชั้นเรียนครั้งหน้า",
                    10,
                    "บันทึกทุกวันครบ 7 วัน",
                    "แยกรายรับและรายจ่ายคนละคอลัมน์",
                ),
            ],
        },
        {
            "slug": "monthly-profit-with-sum",
            "title": "สรุปกำไรรายเดือนด้วยสูตร SUM",
            "summary": "ให้สเปรดชีตรวมตัวเลขให้ แล้วดูว่าเดือนนี้ร้านกำไรหรือขาดทุน",
            "minutes": 25,
            "body": [
                p(
                    "สูตรในสเปรดชีตขึ้นต้นด้วยเครื่องหมายเท่ากับเสมอ สูตร =SUM(C2:C31) รวมตัวเลขในคอลัมน์ C ตั้งแต่แถว 2 ถึงแถว 31",
                ),
                steps(
                    "หากำไรของเดือน",
                    ("รวมรายรับ", "พิมพ์ =SUM(C2:C31) ใต้คอลัมน์รายรับ"),
                    ("รวมรายจ่าย", "พิมพ์ =SUM(D2:D31) ใต้คอลัมน์รายจ่าย"),
                    ("หากำไร", "ในช่องถัดไปพิมพ์ สูตรรายรับรวมลบรายจ่ายรวม เช่น =C32-D32"),
                ),
                tip("ถ้าผลลัพธ์ติดลบ แปลว่าเดือนนั้นขาดทุน ลองดูว่ารายจ่ายไหนสูงผิดปกติ", kind="note"),
            ],
        },
    ],
}

# --- Youth: online safety --------------------------------------------------------------

SAFETY = {
    "slug": "online-safety",
    "track": "youth",
    "title": "ปลอดภัยไว้ก่อนในโลกออนไลน์",
    "summary": "ตั้งรหัสผ่านที่แข็งแรง รู้ทันมิจฉาชีพและข่าวปลอม ดูแลข้อมูลส่วนตัว และรู้ว่าจะทำอย่างไรเมื่อถูกกลั่นแกล้งทางออนไลน์",
    "description": "<p>หลักสูตรสำหรับเยาวชนอายุ 12–18 ปี เรียนจบได้ในหนึ่งสัปดาห์ด้วยโทรศัพท์มือถือ แต่ละบทมีสถานการณ์จริงที่เยาวชนเจอบ่อยและวิธีรับมือ</p>",
    "level": "beginner",
    "hours": "2",
    "outcomes": "ตั้งรหัสผ่านที่เดายากและเปิดการยืนยันตัวตนสองขั้นตอน\nดูออกว่าข้อความหรือลิงก์ไหนเป็นการหลอกลวง\nตั้งค่าความเป็นส่วนตัวของบัญชีโซเชียลมีเดีย\nรู้วิธีรับมือและขอความช่วยเหลือเมื่อถูกกลั่นแกล้งทางออนไลน์",
    "tags": [TAG_SAFETY, TAG_MEDIA],
    "cover": "online-safety",
    "lessons": [
        {
            "slug": "strong-passwords",
            "title": "รหัสผ่านที่แข็งแรงและการยืนยันตัวตนสองขั้นตอน",
            "summary": "ตั้งรหัสผ่านที่จำง่ายแต่เดายาก และเพิ่มอีกชั้นของความปลอดภัย",
            "minutes": 15,
            "body": [
                p(
                    "รหัสผ่านที่สั้นหรือเป็นวันเกิดถูกเดาได้ในไม่กี่วินาที วิธีที่ดีคือใช้วลีหลายคำที่มีความหมายกับเราเอง แต่คนอื่นเดาไม่ได้",
                ),
                ul(
                    "ยาวอย่างน้อย 12 ตัวอักษร",
                    "ไม่ใช้ชื่อ วันเกิด หรือเบอร์โทรศัพท์",
                    "ไม่ใช้รหัสเดียวกันกับหลายบัญชี",
                    "ไม่บอกรหัสผ่านกับใคร แม้แต่เพื่อนสนิท",
                    intro="รหัสผ่านที่ดี",
                ),
                tip(
                    "เปิดการยืนยันตัวตนสองขั้นตอนในบัญชีอีเมลและโซเชียลมีเดีย ถึงคนอื่นรู้รหัสผ่านก็ยังเข้าบัญชีเราไม่ได้",
                    title="เพิ่มอีกชั้นของความปลอดภัย",
                ),
                practice(
                    "แผนรหัสผ่านของฉัน",
                    "เขียนรายชื่อบัญชีออนไลน์ที่คุณใช้ ทำเครื่องหมายบัญชีที่ใช้รหัสซ้ำกัน แล้วเปลี่ยนรหัสบัญชีที่สำคัญที่สุดก่อน",
                    15,
                    "รู้ว่ามีบัญชีไหนบ้าง",
                    "เปลี่ยนรหัสบัญชีอีเมลแล้ว",
                    "เปิดการยืนยันตัวตนสองขั้นตอนแล้ว",
                ),
            ],
        },
        {
            "slug": "spot-online-scams",
            "title": "รู้ทันมิจฉาชีพออนไลน์และลิงก์หลอกลวง",
            "summary": "สังเกตข้อความ SMS ลิงก์ และสายโทรศัพท์ที่ต้องการหลอกเอาเงินหรือข้อมูล",
            "minutes": 20,
            "body": [
                p(
                    "มิจฉาชีพมักทำให้เรารีบหรือตกใจ เช่น บอกว่าได้รางวัล บัญชีจะถูกระงับ หรือมีพัสดุผิดกฎหมาย เพื่อให้เรากดลิงก์หรือโอนเงินโดยไม่ทันคิด",
                ),
                h("สัญญาณเตือน"),
                ul(
                    "ส่งลิงก์มาทาง SMS หรือแชตแล้วให้กรอกรหัสผ่านหรือเลขบัตร",
                    "เสนอรางวัล งานรายได้ดี หรือเงินกู้ง่ายเกินจริง",
                    "อ้างเป็นเจ้าหน้าที่รัฐหรือตำรวจแล้วให้โอนเงินตรวจสอบ",
                    "เร่งให้ตัดสินใจภายในไม่กี่นาที",
                ),
                tip(
                    "หยุด คิด แล้วค่อยทำ ถ้าไม่แน่ใจให้ถามผู้ใหญ่ที่ไว้ใจหรือเจ้าหน้าที่ศูนย์ดิจิทัลชุมชน แจ้งเหตุภัยออนไลน์ได้ที่สายด่วน 1441",
                    title="หยุดก่อนกด",
                    kind="warning",
                ),
            ],
        },
        {
            "slug": "think-before-you-post",
            "title": "ข้อมูลส่วนตัว คิดก่อนโพสต์",
            "summary": "สิ่งที่โพสต์แล้วลบยาก และวิธีตั้งค่าความเป็นส่วนตัว",
            "minutes": 15,
            "body": [
                p(
                    "รูปและข้อความที่โพสต์อาจถูกบันทึกและส่งต่อได้ตลอดไป ก่อนโพสต์ให้ถามตัวเองว่า ถ้าครู พ่อแม่ หรือนายจ้างในอนาคตเห็น จะเป็นอย่างไร",
                ),
                ul(
                    "ที่อยู่บ้านและโรงเรียน",
                    "เลขบัตรประชาชนและรูปบัตร",
                    "ตำแหน่งที่อยู่ตอนนี้",
                    "รูปตั๋วหรือเอกสารที่มีบาร์โค้ด",
                    intro="ข้อมูลที่ไม่ควรโพสต์",
                ),
                practice(
                    "ตรวจการตั้งค่าความเป็นส่วนตัว",
                    "เปิดการตั้งค่าบัญชีโซเชียลมีเดียของคุณ ตรวจว่าใครเห็นโพสต์และรูปของคุณได้บ้าง และปิดการแชร์ตำแหน่ง",
                    10,
                    "ตั้งให้เฉพาะเพื่อนเห็นโพสต์",
                    "ปิดการแชร์ตำแหน่ง",
                ),
            ],
        },
        {
            "slug": "when-you-are-bullied-online",
            "title": "เมื่อถูกกลั่นแกล้งทางออนไลน์",
            "summary": "รับมือ เก็บหลักฐาน และขอความช่วยเหลือ",
            "minutes": 15,
            "body": [
                p("การกลั่นแกล้งทางออนไลน์ไม่ใช่ความผิดของผู้ถูกแกล้ง และไม่ต้องรับมือคนเดียว"),
                steps(
                    "ทำอย่างไรเมื่อถูกแกล้ง",
                    ("อย่าตอบโต้", "การตอบโต้มักทำให้เรื่องบานปลาย"),
                    ("เก็บหลักฐาน", "แคปหน้าจอข้อความและชื่อบัญชีไว้"),
                    ("บล็อกและรายงาน", "ใช้ปุ่มรายงานของแพลตฟอร์ม"),
                    ("บอกผู้ใหญ่ที่ไว้ใจ", "พ่อแม่ ครู หรือเจ้าหน้าที่ศูนย์ดิจิทัลชุมชน"),
                ),
                tip("ถ้าเห็นเพื่อนถูกแกล้ง อย่าแชร์ต่อ และชวนเพื่อนไปขอความช่วยเหลือ", title="เป็นเพื่อนที่ดี"),
            ],
        },
    ],
}

COURSES = [SELLING, BOOKKEEPING, SAFETY]

# --- Early childhood: activity plans --------------------------------------------------------

ACTIVITIES = [
    {
        "slug": "count-and-sort-bottle-caps",
        "title": "นับและแยกสีฝาขวด",
        "summary": "เด็กนับฝาขวดหลากสีและจัดกลุ่มตามสี ฝึกการนับ 1–10 การสังเกต และกล้ามเนื้อมือ",
        "cover": "counting-caps",
        "age_min": 3,
        "age_max": 5,
        "minutes": 30,
        "group": (4, 8),
        "materials": "ฝาขวดน้ำพลาสติกที่ล้างสะอาด 5 สี สีละ 10 ฝา\nถ้วยหรือตะกร้าใบเล็ก 5 ใบ\nบัตรตัวเลข 1–10\nเสื่อหรือผ้าปูพื้น",
        "goals": "นับจำนวน 1–10 ได้ถูกต้อง\nจัดกลุ่มสิ่งของตามสี\nใช้นิ้วมือหยิบจับของชิ้นเล็กได้คล่อง",
        "steps": [
            ("ชวนเด็กนั่งล้อมวงบนเสื่อ", "เทฝาขวดไว้ตรงกลาง ให้เด็กบอกชื่อสีที่เห็น"),
            ("แยกสีใส่ถ้วย", "ให้เด็กแต่ละคนหยิบฝาขวดทีละฝาใส่ถ้วยสีเดียวกัน"),
            ("นับด้วยกัน", "ยกถ้วยทีละใบ ให้เด็กนับออกเสียงพร้อมกันพร้อมชี้ทีละฝา"),
            ("จับคู่กับบัตรตัวเลข", "วางบัตรตัวเลข ให้เด็กวางฝาขวดให้เท่ากับตัวเลขบนบัตร"),
            ("เก็บของด้วยกัน", "นับถอยหลังขณะเก็บฝาขวดใส่ตะกร้า"),
        ],
        "safety": "ใช้ฝาขวดขนาดใหญ่กว่า 3 เซนติเมตร เด็กเล็กอาจเอาของชิ้นเล็กเข้าปาก ผู้ใหญ่ต้องอยู่ดูแลตลอดกิจกรรม และนับฝาขวดให้ครบก่อนเก็บ",
        "parent_tips": "ที่บ้านชวนลูกนับของใช้ประจำวัน เช่น ช้อน รองเท้า หรือผลไม้ ชมเมื่อลูกพยายาม แม้จะนับผิด",
        "tags": [TAG_COUNTING],
    },
    {
        "slug": "picture-story-retelling",
        "title": "นิทานภาพ เล่าต่อด้วยกัน",
        "summary": "ผู้จัดกิจกรรมเล่านิทานจากภาพบนแท็บเล็ตของศูนย์ แล้วชวนเด็กเล่าเรื่องต่อด้วยคำพูดของตนเอง",
        "cover": "picture-story",
        "age_min": 4,
        "age_max": 6,
        "minutes": 40,
        "group": (3, 10),
        "materials": "แท็บเล็ตหรือจอของศูนย์ พร้อมรูปนิทาน 4–6 ภาพ\nหนังสือนิทานภาพเล่มจริง\nกระดาษและสีเทียน",
        "goals": "ฟังและเล่าเรื่องตามลำดับเหตุการณ์\nใช้คำพูดบอกความรู้สึกของตัวละคร\nรู้จักใช้หน้าจออย่างมีเวลาจำกัด",
        "steps": [
            ("เล่านิทานจากภาพ", "เปิดภาพทีละภาพ เล่าช้า ๆ และชวนเด็กสังเกตรายละเอียด"),
            ("ถามคำถามปลายเปิด", "ถามว่า ถ้าเป็นหนู หนูจะทำอย่างไร"),
            ("ปิดจอแล้วเล่าต่อ", "ให้เด็กผลัดกันเล่าว่าเกิดอะไรขึ้นต่อ"),
            ("วาดตอนจบของตัวเอง", "ให้เด็กวาดภาพตอนจบที่ตนคิดแล้วเล่าให้เพื่อนฟัง"),
        ],
        "safety": "ใช้หน้าจอไม่เกิน 15 นาทีต่อกิจกรรม ให้เด็กนั่งห่างจอพอสมควร และปรับความสว่างหน้าจอให้พอดี",
        "parent_tips": "อ่านนิทานกับลูกก่อนนอนวันละ 10 นาที ชวนลูกเล่าเรื่องที่ได้ฟังในวันนี้ให้ฟังอีกครั้ง",
        "tags": [TAG_LANGUAGE, TAG_MEDIA],
    },
    {
        "slug": "move-to-folk-music",
        "title": "ขยับกายตามจังหวะเพลงพื้นบ้าน",
        "summary": "เด็กเคลื่อนไหวตามจังหวะเร็วและช้าของเพลงพื้นบ้าน ฝึกการฟัง การทรงตัว และการทำตามสัญญาณ",
        "cover": "music-movement",
        "age_min": 3,
        "age_max": 4,
        "minutes": 20,
        "group": (4, 15),
        "materials": "ลำโพงหรือโทรศัพท์ที่เปิดเพลงพื้นบ้านได้\nกลองหรือกรับ 1 ชิ้น\nพื้นที่โล่งที่ปลอดภัย",
        "goals": "ฟังและแยกจังหวะเร็วและช้า\nทรงตัวขณะหยุดนิ่ง\nทำตามสัญญาณของผู้จัดกิจกรรม",
        "steps": [
            ("อบอุ่นร่างกาย", "ยืดแขน ขา และหมุนไหล่ช้า ๆ พร้อมกัน"),
            ("เดินตามจังหวะกลอง", "ตีกลองช้าให้เด็กเดินช้า ตีเร็วให้เด็กเดินเร็ว"),
            ("เต้นตามเพลง", "เปิดเพลงพื้นบ้าน ให้เด็กขยับตามใจชอบ"),
            ("หยุดนิ่งเมื่อเพลงหยุด", "หยุดเพลงเป็นระยะ ให้เด็กทำท่ารูปปั้น"),
            ("ผ่อนคลาย", "นอนราบหายใจช้า ๆ ฟังเพลงเบา ๆ"),
        ],
        "safety": "เก็บของที่อาจทำให้สะดุดออกจากพื้นที่ ให้เด็กถอดรองเท้าแตะ และดื่มน้ำหลังกิจกรรม",
        "parent_tips": "เปิดเพลงที่บ้านแล้วเล่นเกมหยุดนิ่งกับลูก เป็นการออกกำลังกายที่สนุกสำหรับทั้งครอบครัว",
        "tags": [TAG_MOVEMENT],
    },
]
